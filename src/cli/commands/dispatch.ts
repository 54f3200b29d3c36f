// `dispatch NAME (--orchestration [NAME] | --single [CMD]) (--task T | --task-file F)`: a git
// worktree of its own for one task, with an orchestration (or one agent) opened there in its
// own tab. `--list-targets` prints what can be dispatched. The daemon does the work
// (daemon/dispatch.ts) so that scheduled runs dispatch the same way.
import { resolve } from 'node:path';
import { UserError } from '../../common/errors.js';
import { MAX_TASK_TEXT, type DispatchTarget } from '../../protocol/messages.js';
import { connectDaemon } from '../daemon-client.js';
import { json } from '../format.js';
import { readTaskFile } from '../pane-caller.js';
import type { CommandContext, CommandRegistrar } from '../program.js';

interface DispatchOptions {
  project: string;
  orchestration?: string | true;
  single?: string | true;
  task?: string;
  taskFile?: string;
  base?: string;
  listTargets?: boolean;
  json?: boolean;
}

export const registerDispatch: CommandRegistrar = (program, ctx) => {
  program
    .command('dispatch')
    .description('run a task in a git worktree of its own (../<repo>-dispatch-NAME), with an orchestration or one agent in a new tab')
    .argument('[name]', 'names the worktree and its branch agent/dispatch-NAME')
    .option('-p, --project <dir>', 'the repository', '.')
    .option('--orchestration [name]', "open an orchestration of the repository's .dot-agent-deck.toml")
    .option('--single [command]', 'open one agent running COMMAND (default: your shell)')
    .option('--task <text>', 'the task for the start role')
    .option('--task-file <file>', 'the task, read from a file')
    .option('--base <ref>', "start from REF (default: the remote's default branch after a fetch, else HEAD)")
    .option('--list-targets', 'print the orchestrations that can be dispatched')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, options: DispatchOptions) => {
      const repoDir = resolve(ctx.io.cwd, options.project);
      if (options.listTargets) return listTargets(ctx, repoDir, options.json === true);
      if (!name) throw usage('dispatch needs a NAME.', 'e.g. `dot-agent-deck dispatch fix-login --orchestration --task-file task.md`');
      const target = targetOf(options, ctx.io.env);
      const task = taskOf(options, ctx.io.cwd);
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const result = await connection.request({ kind: 'dispatch', repoDir, name, target, task, ...(options.base ? { base: options.base } : {}) });
        if (options.json) return void ctx.io.stdout(json(result));
        const copied = result.copied.length > 0 ? `; copied ${result.copied.join(', ')}` : '';
        ctx.io.stdout(`Dispatched ${result.name}: ${result.path} on ${result.branch} (${result.baseNote})${copied}\n`);
        ctx.io.stdout(`Opened tab ${result.tab}: ${result.panes.map((pane) => `${pane.role ?? pane.name} ${pane.id}`).join(', ')}\n`);
      } finally {
        connection.dispose();
      }
    });
};

function usage(message: string, hint: string): UserError {
  return new UserError(message, { hint, exitCode: 2 });
}

function targetOf(options: DispatchOptions, env: NodeJS.ProcessEnv): DispatchTarget {
  if ((options.orchestration === undefined) === (options.single === undefined)) {
    throw usage(
      'dispatch needs exactly one of --orchestration [NAME] and --single [COMMAND].',
      'an orchestration from .dot-agent-deck.toml, or one agent such as --single claude',
    );
  }
  if (options.orchestration !== undefined) {
    return { kind: 'orchestration', ...(typeof options.orchestration === 'string' ? { orchestration: options.orchestration } : {}) };
  }
  return { kind: 'single', command: typeof options.single === 'string' ? options.single : env.SHELL || '/bin/sh' };
}

function taskOf(options: DispatchOptions, cwd: string): string {
  if ((options.task === undefined) === (options.taskFile === undefined)) {
    throw usage('dispatch needs exactly one of --task TEXT and --task-file FILE.', 'the task is handed to the start role of what is dispatched');
  }
  if (options.taskFile !== undefined) return readTaskFile(resolve(cwd, options.taskFile), options.taskFile, 'task');
  const task = options.task!;
  if (Buffer.byteLength(task) > MAX_TASK_TEXT) throw usage(`--task is longer than ${MAX_TASK_TEXT} bytes.`, 'write it to a file and pass --task-file');
  return task;
}

async function listTargets(ctx: CommandContext, repoDir: string, asJson: boolean): Promise<void> {
  const connection = await connectDaemon({ env: ctx.io.env });
  try {
    const targets = await connection.request({ kind: 'dispatch-targets', repoDir });
    if (asJson) return void ctx.io.stdout(json(targets));
    const lines = targets.orchestrations.map((o) => `--orchestration ${o.name}${o.default ? ' (default)' : ''}: ${o.roles.join(', ')}`);
    if (targets.problem) lines.push(`(no orchestrations: ${targets.problem})`);
    lines.push('--single [COMMAND]: one agent (default: your shell)');
    ctx.io.stdout(`${lines.join('\n')}\n`);
  } finally {
    connection.dispose();
  }
}
