// `report`: the morning report of a project — what waits for you now, then per orchestration and
// role what was done overnight. It reads the journal; the live part (panes needing input, blocked
// panes with reset times) comes from the daemon only when one runs: a report never starts one.
import { ExitCode, UserError } from '../../common/errors.js';
import type { PaneInfo, ScheduleView } from '../../protocol/messages.js';
import { connectExisting } from '../daemon-client.js';
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

export const registerReport: CommandRegistrar = (program, ctx) => {
  program
    .command('report')
    .description('the morning report: what waits for you now, and per orchestration and role what was done')
    .option('-p, --project <dir>', 'project directory', '.')
    .option('--since <span>', 'how far back to look: 30m, 12h, 2d', '12h')
    .option('--json', 'print the report as JSON')
    .option('--worktrees', "also report on the repository's dispatch worktrees (`dot-agent-deck dispatch`)")
    .action(async (options: { project: string; since: string; json?: boolean; worktrees?: boolean }) => {
      // The journal reader and the report are only loaded by the command that needs them.
      const { buildMorningReport, parseSince } = await import('../../orchestration/morning-report.js');
      const sinceMs = parseSince(options.since);
      if (sinceMs === null) {
        throw new UserError(`--since takes a span in minutes, hours or days, like 30m, 12h or 2d; got "${options.since}".`, { exitCode: ExitCode.usage });
      }
      const target = await resolveProjectTarget(options.project, ctx.io.cwd, false);
      const projects: { name: string | null; path: string }[] = [{ name: null, path: target.path }];
      if (options.worktrees) {
        const { findDeckWorktrees } = await import('../../daemon/worktree-inspect.js');
        const { repo, worktrees } = await findDeckWorktrees(target.path);
        projects.splice(0, 1, { name: null, path: repo }, ...worktrees);
      }
      const { readJournal } = await import('../../orchestration/journal.js');
      const { morningReportLines } = await import('../../orchestration/morning-report-text.js');
      const live = await daemonFacts(ctx.io.env);
      const panes = live?.panes ?? null;
      const schedules = (live?.schedules ?? []).filter((s) => projects.some((project) => s.dir === project.path));
      const reports = projects.map((project) => {
        const read = readJournal(project.path);
        for (const bad of read.corrupt) ctx.io.stderr(`warning: skipped a corrupted journal line (${bad.reason}; line ${bad.line} of the part read)\n`);
        if (read.truncated) ctx.io.stderr('note: the journal is long; the report covers its most recent part\n');
        return { ...project, report: buildMorningReport({ entries: read.entries, panes, now: Date.now(), sinceMs, projectDir: project.path }) };
      });
      if (options.json) {
        const [main, ...rest] = reports;
        ctx.io.stdout(
          json(options.worktrees ? { ...main!.report, worktrees: rest.map((r) => ({ name: r.name, path: r.path, report: r.report })) } : main!.report),
        );
        return;
      }
      const text = reports.map((r) => morningReportLines(r.report, { title: r.name === null ? r.path : `dispatch ${r.name} (${r.path})` }).join('\n'));
      ctx.io.stdout(`${text.join('\n\n')}\n`);
      if (schedules.length > 0) ctx.io.stdout(`\n${scheduleLines(schedules).join('\n')}\n`);
    });
};

/** The running daemon's panes and schedules, or null when no daemon runs. */
async function daemonFacts(env: NodeJS.ProcessEnv): Promise<{ panes: PaneInfo[]; schedules: ScheduleView[] } | null> {
  const connection = await connectExisting({ env });
  if (connection === null) return null;
  try {
    const { panes } = await connection.request({ kind: 'list' });
    const schedules = await connection.request({ kind: 'schedule-list' }).then(
      (result) => result.schedules,
      () => [], // a daemon that predates schedules
    );
    return { panes, schedules };
  } finally {
    connection.dispose();
  }
}

/** `Scheduled runs` and one line per schedule of this project: when next, what happened last. */
function scheduleLines(schedules: readonly ScheduleView[]): string[] {
  const when = (at: string | null) => (at ? at.slice(0, 16).replace('T', ' ') : '-');
  return [
    'Scheduled runs',
    ...schedules.map((s) => {
      const last = s.lastRun ? `last ${when(s.lastRun.at)} ${s.lastRun.result}: ${s.lastRun.detail}` : 'not run yet';
      return `  ${s.name}  ${s.cron}  ${s.enabled ? `next ${when(s.nextFireAt)}` : 'disabled'}  ${last}`;
    }),
  ];
}
