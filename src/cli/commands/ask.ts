// `ask`: run by a worker agent to ask the orchestrator a question without ending its task. The
// question goes to a file; the orchestrator's reply is typed into the worker's pane.
import { assertInsidePane, connectFromPane, readTextOrFile } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

export const registerAsk: CommandRegistrar = (program, ctx) => {
  program
    .command('ask')
    .description('(run by a worker agent) ask the orchestrator a question; the task stays open and the reply is typed here')
    .option('--text <text>', 'the question')
    .option('--file <path>', 'file holding the question (- for standard input)')
    .action(async (options: { text?: string; file?: string }) => {
      assertInsidePane(ctx.io.env, 'ask');
      const question = await readTextOrFile(options, ctx.io, 'question');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'ask', question });
        ctx.io.stdout(
          `Question ${result.question} is in ${result.file}; the orchestrator will be told. Your task stays open: wait at your prompt, the reply is typed here.\n`,
        );
      } finally {
        connection.dispose();
      }
    });
};
