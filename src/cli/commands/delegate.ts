// `delegate`: run by the orchestrator agent to hand a task to one or more workers. Waits for the
// daemon's answer and always says what happened to each worker: delivered, queued (and behind
// what), or not delivered (and why), so a retry never doubles up.
import { UserError } from '../../common/errors.js';
import { assertInsidePane, connectFromPane, readTaskText } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerDelegate: CommandRegistrar = (program, ctx) => {
  program
    .command('delegate')
    .description('(run by the orchestrator agent) hand a task to worker roles of this orchestration')
    .requiredOption('--to <role>', 'worker role to delegate to (repeat for parallel work)', collect, [])
    .option('--task <text>', 'the task text')
    .option('--task-file <path>', 'file holding the task (- for standard input)')
    .option('--again', 'hand over a task the worker already has open or queued (an open one starts over)')
    .action(async (options: { to: string[]; task?: string; taskFile?: string; again?: boolean }) => {
      assertInsidePane(ctx.io.env, 'delegate');
      const task = await readTaskText(options, ctx.io, 'task');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'delegate', roles: options.to, task, ...(options.again ? { again: true } : {}) });
        for (const warning of result.warnings) ctx.io.stderr(`warning: ${warning}\n`);
        const missed = result.failed.map((failure) => `${failure.role} (${failure.reason})`).join('; ');
        const queued = result.queued.map((q) => `${q.role} (#${q.position} in its queue, behind ${q.behind})`).join(', ');
        if (result.delivered.length === 0 && result.queued.length === 0) {
          throw new UserError(`The task was not delivered: ${missed}.`, { hint: 'check the worker panes, then delegate again' });
        }
        if (result.delivered.length > 0) ctx.io.stdout(`Delivered to ${result.delivered.join(', ')}.\n`);
        if (queued) ctx.io.stdout(`Queued for ${queued}: it is delivered when the worker reports on its current task.\n`);
        if (result.failed.length > 0) {
          const got = [...result.delivered, ...result.queued.map((q) => q.role)].join(', ');
          ctx.io.stderr(`warning: NOT delivered to ${missed}. ${got} got it: delegate again only to the missed role(s).\n`);
        }
      } finally {
        connection.dispose();
      }
    });
};
