// `delegate`: run by the orchestrator agent to hand a task to one or more workers. Waits for the
// daemon's answer; partial delivery warns (naming who got it, so a retry does not double up).
import { UserError } from '../../common/errors.js';
import { connectFromPane, paneCaller, readTaskText } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerDelegate: CommandRegistrar = (program, ctx) => {
  program
    .command('delegate')
    .description('(run by the orchestrator agent) hand a task to worker roles of this orchestration')
    .requiredOption('--to <role>', 'worker role to delegate to (repeat for parallel work)', collect, [])
    .option('--task <text>', 'the task text')
    .option('--task-file <path>', 'file holding the task (- for standard input)')
    .action(async (options: { to: string[]; task?: string; taskFile?: string }) => {
      const caller = paneCaller(ctx.io.env, 'delegate');
      const task = await readTaskText(options, ctx.io, 'task');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'delegate', caller, roles: options.to, task });
        const missed = result.failed.map((failure) => `${failure.role} (${failure.reason})`).join('; ');
        if (result.delivered.length === 0) {
          throw new UserError(`The task was not delivered: ${missed}.`, { hint: 'check the worker panes, then delegate again' });
        }
        ctx.io.stdout(`Delivered to ${result.delivered.join(', ')}.\n`);
        if (result.failed.length > 0) {
          ctx.io.stderr(`warning: NOT delivered to ${missed}. Delivered to ${result.delivered.join(', ')}: delegate again only to the missed role(s).\n`);
        }
      } finally {
        connection.dispose();
      }
    });
};
