// `schedule add|list|update|remove|enable|disable|run-now`: runs the daemon starts on a cron
// schedule — an orchestration with a task file, a `dispatch` into a fresh worktree, or one
// command. The daemon keeps them (state dir) and fires them (daemon/scheduler.ts).
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '../../common/errors.js';
import { nameProblem } from '../../config/project-fields.js';
import type { ScheduleAction } from '../../config/schedule-schema.js';
import type { SchedulePatch, ScheduleView } from '../../protocol/messages.js';
import { connectDaemon } from '../daemon-client.js';
import { json, table } from '../format.js';
import type { CommandContext, CommandRegistrar } from '../program.js';

interface ActionOptions {
  orchestration?: string | true;
  dispatch?: string | true;
  single?: string;
  command?: string;
  taskFile?: string;
}

interface SpecOptions extends ActionOptions {
  cron?: string;
  tz?: string;
  dir?: string;
  overlap?: 'skip' | 'reuse';
}

function actionOptions(command: Command): Command {
  return command
    .option('-d, --dir <dir>', 'the directory the run starts in (default: here)')
    .option('--orchestration [name]', "start an orchestration of the directory's .dot-agent-deck.toml")
    .option('--dispatch [name]', 'dispatch into a fresh worktree (an orchestration, or --single)')
    .option('--single <command>', 'with --dispatch: one agent instead of an orchestration')
    .option('--command <command>', 'start one command in a pane')
    .option('--task-file <file>', 'the task (read each time it fires; relative to --dir)')
    .option('--tz <zone>', 'IANA time zone of the cron expression (default: local time)')
    .addOption(new Option('--overlap <mode>', 'when the previous run still lives: skip, or reuse it (hand it the task)').choices(['skip', 'reuse']));
}

export const registerSchedule: CommandRegistrar = (program, ctx) => {
  const schedule = program.command('schedule').description('runs the daemon starts on a cron schedule');

  actionOptions(
    schedule
      .command('add')
      .description('add a schedule')
      .argument('<name>', 'a short name (letters, digits, - _ .)')
      .requiredOption('--cron <expression>', 'when: minute hour day-of-month month day-of-week, e.g. "0 3 * * 1-5"'),
  )
    .option('--disabled', 'add it switched off')
    .action(async (name: string, options: SpecOptions & { cron: string; disabled?: boolean }) => {
      checkName(name);
      const dir = resolve(ctx.io.cwd, options.dir ?? '.');
      const action = actionOf(options);
      if (!action) throw usage('schedule add needs what to start: --orchestration [NAME], --dispatch [NAME] or --command CMD.');
      const result = await request(ctx, (c) =>
        c.request({
          kind: 'schedule-add',
          schedule: {
            name,
            cron: options.cron,
            ...(options.tz ? { timezone: options.tz } : {}),
            dir,
            action,
            overlap: options.overlap ?? 'skip',
            enabled: !options.disabled,
          },
        }),
      );
      ctx.io.stdout(`Added schedule ${name}: ${describe(result.schedule)}\n`);
    });

  schedule
    .command('list')
    .description('every schedule with its next fire time and last result')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await request(ctx, (c) => c.request({ kind: 'schedule-list' }));
      if (result.problem) ctx.io.stderr(`warning: ${result.problem}\n`);
      if (options.json) return void ctx.io.stdout(json(result));
      if (result.schedules.length === 0) return void ctx.io.stdout('no schedules (add one with `dot-agent-deck schedule add`)\n');
      ctx.io.stdout(
        table(
          ['NAME', 'CRON', 'NEXT', 'LAST', 'STARTS', 'DIR'],
          result.schedules.map((s) => [
            s.name,
            s.timezone ? `${s.cron} (${s.timezone})` : s.cron,
            s.enabled ? clock(s.nextFireAt) : 'disabled',
            s.lastRun ? `${clock(s.lastRun.at)} ${s.lastRun.result}${s.live ? ' (live)' : ''}` : '-',
            actionText(s.action),
            s.dir,
          ]),
        ),
      );
    });

  actionOptions(
    schedule.command('update').description('change a schedule').argument('<name>', 'the schedule').option('--cron <expression>', 'a new time'),
  ).action(async (name: string, options: SpecOptions) => {
    const patch: SchedulePatch = {
      ...(options.cron ? { cron: options.cron } : {}),
      ...(options.tz ? { timezone: options.tz } : {}),
      ...(options.dir ? { dir: resolve(ctx.io.cwd, options.dir) } : {}),
      ...(options.overlap ? { overlap: options.overlap } : {}),
    };
    const action = actionOf(options);
    if (action) patch.action = action;
    else if (options.taskFile) throw usage('--task-file goes with the action it is for: repeat --orchestration or --dispatch.');
    if (Object.keys(patch).length === 0) throw usage('schedule update needs something to change: --cron, --tz, --dir, --overlap or an action.');
    const result = await request(ctx, (c) => c.request({ kind: 'schedule-update', name, patch }));
    ctx.io.stdout(`Updated schedule ${name}: ${describe(result.schedule)}\n`);
  });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    schedule
      .command(verb)
      .description(`${verb} a schedule`)
      .argument('<name>', 'the schedule')
      .action(async (name: string) => {
        const result = await request(ctx, (c) => c.request({ kind: 'schedule-update', name, patch: { enabled } }));
        ctx.io.stdout(`${enabled ? 'Enabled' : 'Disabled'} schedule ${name}${enabled ? `: next ${clock(result.schedule.nextFireAt)}` : ''}\n`);
      });
  }

  schedule
    .command('remove')
    .description('remove a schedule (what its runs started stays)')
    .argument('<name>', 'the schedule')
    .action(async (name: string) => {
      await request(ctx, (c) => c.request({ kind: 'schedule-remove', name }));
      ctx.io.stdout(`Removed schedule ${name}\n`);
    });

  schedule
    .command('run-now')
    .description('fire a schedule now, whatever its time')
    .argument('<name>', 'the schedule')
    .action(async (name: string) => {
      const { run } = await request(ctx, (c) => c.request({ kind: 'schedule-run', name }));
      ctx.io.stdout(`Schedule ${name} ${run.result}: ${run.detail}\n`);
      if (run.result === 'failed') ctx.setExit(1);
    });
};

async function request<T>(ctx: CommandContext, ask: (connection: Awaited<ReturnType<typeof connectDaemon>>) => Promise<T>): Promise<T> {
  const connection = await connectDaemon({ env: ctx.io.env });
  try {
    return await ask(connection);
  } finally {
    connection.dispose();
  }
}

function usage(message: string): UserError {
  return new UserError(message, { hint: 'see `dot-agent-deck schedule add --help`', exitCode: 2 });
}

function checkName(name: string): void {
  const problem = nameProblem(name);
  if (problem) throw new UserError(`The schedule name ${problem}.`, { hint: 'use a short word such as nightly-deps', exitCode: 2 });
}

function actionOf(options: ActionOptions): ScheduleAction | null {
  const chosen = [options.orchestration, options.dispatch, options.command].filter((value) => value !== undefined).length;
  if (chosen === 0) {
    if (options.single) throw usage('--single goes with --dispatch.');
    return null;
  }
  if (chosen > 1) throw usage('A schedule starts one thing: give only one of --orchestration, --dispatch and --command.');
  const named = (value: string | true) => (typeof value === 'string' ? { orchestration: value } : {});
  if (options.command !== undefined) return { kind: 'command', command: options.command };
  if (options.orchestration !== undefined)
    return { kind: 'orchestration', ...named(options.orchestration), ...(options.taskFile ? { taskFile: options.taskFile } : {}) };
  if (!options.taskFile) throw usage('--dispatch needs --task-file: a dispatch always hands its start role a task.');
  return { kind: 'dispatch', ...named(options.dispatch!), ...(options.single ? { single: options.single } : {}), taskFile: options.taskFile };
}

function actionText(action: ScheduleAction): string {
  switch (action.kind) {
    case 'orchestration':
      return `orchestration ${action.orchestration ?? '(default)'}${action.taskFile ? ` < ${action.taskFile}` : ''}`;
    case 'dispatch':
      return `dispatch ${action.single ? `--single ${action.single}` : (action.orchestration ?? '(default)')} < ${action.taskFile}`;
    case 'command':
      return `command ${action.command}`;
  }
}

function describe(s: ScheduleView): string {
  return `${actionText(s.action)} in ${s.dir}, ${s.enabled ? `next ${clock(s.nextFireAt)}` : 'disabled'}`;
}

/** `2026-01-03 03:00` in local time. */
function clock(at: string | null): string {
  if (!at) return '-';
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
