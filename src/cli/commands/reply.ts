// `reply`: run by the orchestrator agent to answer a worker's waiting question. Waits until the
// reply line is typed into the worker and confirmed, and says so (or why not).
import { assertInsidePane, connectFromPane, readTextOrFile } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

export const registerReply: CommandRegistrar = (program, ctx) => {
  program
    .command('reply')
    .description("(run by the orchestrator agent) answer a worker's question; it continues its task")
    .requiredOption('--to <role>', 'the worker whose question this answers')
    .option('--text <text>', 'the reply')
    .option('--file <path>', 'file holding the reply (- for standard input)')
    .action(async (options: { to: string; text?: string; file?: string }) => {
      assertInsidePane(ctx.io.env, 'reply');
      const text = await readTextOrFile(options, ctx.io, 'reply');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'reply', role: options.to, text });
        ctx.io.stdout(`Reply delivered to ${options.to} (${result.file}); it continues its task.\n`);
      } finally {
        connection.dispose();
      }
    });
};
