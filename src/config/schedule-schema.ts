// Scheduled runs (`dot-agent-deck schedule`): what to start, where and when, as the daemon keeps
// them in `$XDG_STATE_HOME/dot-agent-deck/schedules.json` (written atomically).
import { z } from 'zod';
import { safeName } from './project-fields.js';

/** Schedules one deck keeps; a bound on the file and on the daemon's timers. */
export const MAX_SCHEDULES = 100;

/** What a schedule starts: an orchestration of the directory's project file (with a task), a
 *  `dispatch` into a fresh worktree, or one command in a pane. Task files are read when the
 *  schedule fires, so an edit applies to the next run. */
export const ScheduleAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('orchestration'), orchestration: z.string().min(1).max(200).optional(), taskFile: z.string().min(1).max(4096).optional() }),
  z.object({
    kind: z.literal('dispatch'),
    orchestration: z.string().min(1).max(200).optional(),
    /** One agent's command instead of an orchestration. */
    single: z.string().min(1).max(10_000).optional(),
    taskFile: z.string().min(1).max(4096),
  }),
  z.object({ kind: z.literal('command'), command: z.string().min(1).max(10_000) }),
]);
export type ScheduleAction = z.infer<typeof ScheduleAction>;

/** What happened when a schedule fired: it started a run, handed its task to the run still
 *  live (`reused`), left it alone (`skipped`), or could not start (`failed`, with why). */
export const ScheduleRun = z.object({
  at: z.string(),
  result: z.enum(['started', 'reused', 'skipped', 'failed']),
  detail: z.string().max(1000),
  tab: z.string().nullable(),
  panes: z.array(z.string()).max(64),
});
export type ScheduleRun = z.infer<typeof ScheduleRun>;

/** `skip`: a schedule whose previous run still has live panes does nothing; `reuse`: it hands
 *  its task to that run's start role instead of opening another. */
export const Overlap = z.enum(['skip', 'reuse']);
export type Overlap = z.infer<typeof Overlap>;

export const ScheduleSpec = z.object({
  name: safeName(),
  /** Five fields (minute hour day-of-month month day-of-week), or six with seconds first. */
  cron: z.string().min(1).max(200),
  /** An IANA zone (`Europe/Berlin`); default: the daemon's local time. */
  timezone: z.string().min(1).max(100).optional(),
  dir: z.string().min(1).max(4096),
  action: ScheduleAction,
  overlap: Overlap,
  enabled: z.boolean(),
});
export type ScheduleSpec = z.infer<typeof ScheduleSpec>;

export const Schedule = ScheduleSpec.extend({
  createdAt: z.string(),
  lastRun: ScheduleRun.nullable(),
});
export type Schedule = z.infer<typeof Schedule>;

export const ScheduleFile = z.object({ version: z.literal(1), schedules: z.array(Schedule).max(MAX_SCHEDULES) });
export type ScheduleFile = z.infer<typeof ScheduleFile>;
