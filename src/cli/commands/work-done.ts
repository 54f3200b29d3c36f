// `work-done`: run by a worker agent to report back (or by the orchestrator with --done to close
// the run). The report goes to the daemon, which files it and tells the orchestrator.
import { ExitCode, UserError } from '../../common/errors.js';
import { Outcome } from '../../protocol/outcome.js';
import { assertInsidePane, connectFromPane, readTaskText } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

export const registerWorkDone: CommandRegistrar = (program, ctx) => {
  program
    .command('work-done')
    .description('(run by a worker agent) report that the delegated task is finished')
    .argument('[source]', '- to read the report from standard input')
    .option('--task <text>', 'the report text')
    .option('--task-file <path>', 'file holding the report (- for standard input)')
    .option('--outcome <outcome>', '(worker) how the task ended: done (default), blocked, failed or needs-human')
    .option('--done', '(orchestrator) the whole orchestration is finished')
    .action(async (source: string | undefined, options: { task?: string; taskFile?: string; done?: boolean; outcome?: string }) => {
      const outcome = options.outcome === undefined ? undefined : Outcome.safeParse(options.outcome);
      if (outcome && !outcome.success) {
        throw new UserError(`--outcome takes done, blocked, failed or needs-human; got "${options.outcome}".`, {
          hint: 'blocked: something stops you; failed: it cannot be done as asked; needs-human: only a person can decide or act',
          exitCode: ExitCode.usage,
        });
      }
      assertInsidePane(ctx.io.env, 'work-done');
      const taskFile = source === '-' ? '-' : options.taskFile;
      const report = await readTaskText({ ...options, ...(taskFile !== undefined ? { taskFile } : {}) }, ctx.io, 'report');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'work-done', report, done: options.done ?? false, ...(outcome ? { outcome: outcome.data } : {}) });
        const ended = outcome && outcome.data !== 'done' ? ` as ${outcome.data}` : '';
        const message = {
          completion: `Report recorded in ${result.file}${ended}; the orchestrator will be told.`,
          unrequested: `Nobody delegated a task to this pane; the report was kept in ${result.file} and the orchestrator told it is unrequested.`,
          done: `The orchestration run is closed; summary in ${result.file}.`,
        }[result.recorded];
        ctx.io.stdout(`${message}\n`);
      } finally {
        connection.dispose();
      }
    });
};
