// `checkpoint`: run by a worker agent to save how far it got. It replaces the task's
// checkpoint.md; a fresh agent handed the same task is pointed at it and continues from there.
import { assertInsidePane, connectFromPane, readTextOrFile } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

export const registerCheckpoint: CommandRegistrar = (program, ctx) => {
  program
    .command('checkpoint')
    .description('(run by a worker agent) save how far the task got; a fresh agent on it continues from there')
    .option('--text <text>', 'the checkpoint: what is done and what comes next')
    .option('--file <path>', 'file holding the checkpoint (- for standard input)')
    .action(async (options: { text?: string; file?: string }) => {
      assertInsidePane(ctx.io.env, 'checkpoint');
      const notes = await readTextOrFile(options, ctx.io, 'checkpoint');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'checkpoint', notes });
        ctx.io.stdout(`Checkpoint saved in ${result.file}; it replaces the previous one.\n`);
      } finally {
        connection.dispose();
      }
    });
};
