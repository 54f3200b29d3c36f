// `tasks`: the task directories of a project, one line each (or JSON): what each worker has, in
// what state, and where its task, checkpoint, questions and report are. Reads files only: it
// works with or without a daemon, and an orchestrator that lost track rebuilds its picture here.
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

export const registerTasks: CommandRegistrar = (program, ctx) => {
  program
    .command('tasks')
    .description('list the tasks of a project from their directories (.dot-agent-deck/<group>/tasks/<id>/)')
    .option('-p, --project <dir>', 'project directory', '.')
    .option('--json', 'print the tasks as JSON')
    .option('--open', 'only tasks still open (queued, being delivered, working, or waiting for a reply)')
    .action(async (options: { project: string; json?: boolean; open?: boolean }) => {
      const target = await resolveProjectTarget(options.project, ctx.io.cwd, false);
      const { listTasks } = await import('../../orchestration/task-list.js');
      const result = listTasks(target.path, { open: options.open ?? false });
      for (const bad of result.unreadable) ctx.io.stderr(`warning: ${bad.dir}: ${bad.reason}\n`);
      if (options.json) {
        ctx.io.stdout(json(result.tasks));
        return;
      }
      if (result.tasks.length === 0) {
        ctx.io.stderr(options.open ? 'No open tasks.\n' : `No tasks in ${target.path} yet.\n`);
        return;
      }
      for (const task of result.tasks) {
        const state = task.state === 'ended' ? (task.outcome ?? 'done') : task.state;
        const extra = [
          task.files.questions.length > 0 ? `${task.files.questions.length} question(s)` : null,
          task.files.checkpoint ? 'checkpoint' : null,
          task.files.report ? 'report' : null,
        ].filter((part) => part !== null);
        ctx.io.stdout(
          `${task.id}  ${task.group}/${task.role}  ${state}  ${task.updatedAt}  ${task.dir}/${extra.length > 0 ? `  (${extra.join(', ')})` : ''}\n`,
        );
      }
    });
};
