// `work-done`: run by a worker agent to report back (or by the orchestrator with --done to close
// the run). The report goes to the daemon, which files it and tells the orchestrator.
import { assertInsidePane, connectFromPane, readTaskText } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

export const registerWorkDone: CommandRegistrar = (program, ctx) => {
  program
    .command('work-done')
    .description('(run by a worker agent) report that the delegated task is finished')
    .argument('[source]', '- to read the report from standard input')
    .option('--task <text>', 'the report text')
    .option('--task-file <path>', 'file holding the report (- for standard input)')
    .option('--done', '(orchestrator) the whole orchestration is finished')
    .action(async (source: string | undefined, options: { task?: string; taskFile?: string; done?: boolean }) => {
      assertInsidePane(ctx.io.env, 'work-done');
      const taskFile = source === '-' ? '-' : options.taskFile;
      const report = await readTaskText({ ...options, ...(taskFile !== undefined ? { taskFile } : {}) }, ctx.io, 'report');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'work-done', report, done: options.done ?? false });
        const message = {
          completion: `Report recorded in ${result.file}; the orchestrator will be told.`,
          unrequested: `Nobody delegated a task to this pane; the report was kept in ${result.file} and the orchestrator told it is unrequested.`,
          done: `The orchestration run is closed; summary in ${result.file}.`,
        }[result.recorded];
        ctx.io.stdout(`${message}\n`);
      } finally {
        connection.dispose();
      }
    });
};
