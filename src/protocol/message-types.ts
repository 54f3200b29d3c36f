// The things the daemon protocol talks about — panes, the daemon, locks, worktrees, schedules —
// as zod schemas shared by requests, answers and pushes (messages.ts). Validated at the socket edge.
import { z } from 'zod';
import { PaneExit } from './pane-types.js';
import { PaneStatus, TokenUsage } from './pane-status.js';
import { Overlap, Schedule, ScheduleAction } from '../config/schedule-schema.js';
import { PaneActivity } from './pane-activity.js';
import { Outcome } from './outcome.js';

/** A directory path as a request names it. */
export const Dir = z.string().min(1).max(4096);

/** A pane's credential, presented in the handshake by a deck command run inside that pane: the
 *  pane id and the secret only its environment holds (DOT_AGENT_DECK_TOKEN). */
export const PaneCredential = z.object({ paneId: z.string().min(1).max(200), token: z.string().min(1).max(200) });
export type PaneCredential = z.infer<typeof PaneCredential>;

/** A pane's place in a workspace mode's tab: the agent, a persistent side pane, or a slot of the
 *  reactive pool (with the rule that started what it shows, and when). */
export const PaneModePart = z.object({
  mode: z.string().min(1).max(200),
  part: z.enum(['agent', 'persistent', 'reactive']),
  /** Order among the persistent panes, or the reactive slot (0-based). */
  slot: z.number().int().nonnegative(),
  /** The rule's pattern that started the reactive pane's command. */
  rule: z.string().max(10_000).nullable(),
  /** When the reactive pane's command was started (ISO 8601): the oldest slot is reused first. */
  ranAt: z.string().nullable(),
  /** With the mode's init_command the pane runs the shell, and this command line is typed into
   *  it after init_command (again after a restart); null or absent: the pane runs it itself. */
  run: z.string().max(20_000).nullable().optional(),
});
export type PaneModePart = z.infer<typeof PaneModePart>;

export const PaneInfo = z.object({
  id: z.string(),
  name: z.string(),
  cwd: z.string(),
  command: z.string(),
  agentId: z.string(),
  pid: z.number().int().nullable(),
  state: z.enum(['running', 'exited', 'failed']),
  exit: PaneExit.nullable(),
  /** Why a pane could not start (e.g. its directory vanished before a restore). */
  failure: z.string().nullable(),
  tab: z.string().nullable(),
  role: z.string().nullable(),
  title: z.string(),
  restored: z.boolean(),
  createdAt: z.string(),
  lastActivityAt: z.string().nullable(),
  cols: z.number().int(),
  rows: z.number().int(),
  /** The agent CLI in the pane (claude-code, codex, gemini, opencode), or null for any command. */
  agentType: z.string().nullable(),
  status: PaneStatus,
  /** Claude Code's token use from its transcript; null for other agents or before the first hook. */
  tokens: TokenUsage.nullable(),
  /** Set on the role panes of an orchestration whose journal could not be written, with why
   *  (`.dot-agent-deck/journal.jsonl is a directory, …`); cleared by the next append that lands. */
  journalProblem: z.string().nullable().optional(),
  /** Set on the panes of a workspace mode's tab. */
  mode: PaneModePart.nullable().optional(),
  /** What the pane waits on that its status does not say, for its card: `waiting for lock build
   *  (held by coder, 2m)` while its `dot-agent-deck lock` waits (ARCHITECTURE.md §3.6). */
  statusDetail: z.string().nullable().optional(),
  /** What the agent works on, for its card; absent from a daemon that predates it. */
  activity: PaneActivity.optional(),
  /** How the role's last task ended, as its worker said with `work-done --outcome`, until the
   *  role gets its next task: a card shows it, and `needs-human` asks for the person. */
  outcome: z.object({ outcome: Outcome, at: z.string(), commission: z.string(), file: z.string() }).nullable().optional(),
});
export type PaneInfo = z.infer<typeof PaneInfo>;

export const DaemonStatus = z.object({
  pid: z.number().int(),
  version: z.string(),
  protocol: z.number().int(),
  socket: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number(),
  panes: z.number().int(),
  runningPanes: z.number().int(),
  clients: z.number().int(),
  logFile: z.string(),
  /** Said once, to the first person's client that asks (`ls`, `daemon status`, the deck): e.g.
   *  that the panes came from the previous session file because the newest was unreadable. */
  notices: z.array(z.string()).optional(),
});
export type DaemonStatus = z.infer<typeof DaemonStatus>;

/** A holder of, or a waiter for, a heavy-work lock (`dot-agent-deck lock`). `since`: when it
 *  took the lock, or when it started waiting. */
export const LockEntry = z.object({
  label: z.string(),
  paneId: z.string().nullable(),
  pid: z.number().int(),
  command: z.string(),
  since: z.string(),
});
export type LockEntry = z.infer<typeof LockEntry>;

export const LockState = z.object({ name: z.string(), holder: LockEntry.nullable(), waiters: z.array(LockEntry) });
export type LockState = z.infer<typeof LockState>;

/** A deck worktree (`dot-agent-deck worktree list`). `base`: the ref it is measured against
 *  (`origin/main`); `merged`: `no-commits` when the branch has none of its own. */
export const WorktreeInfo = z.object({
  name: z.string(),
  path: z.string(),
  branch: z.string(),
  base: z.string().nullable(),
  ahead: z.number().int(),
  behind: z.number().int(),
  dirty: z.array(z.string()),
  merged: z.enum(['merged', 'unmerged', 'no-commits']),
  /** `abc1234 subject` of the commits not in its base (at most 20). */
  unmergedCommits: z.array(z.string()),
  /** The checkout directory is gone (deleted by hand); git still lists it. */
  missing: z.boolean(),
  livePanes: z.array(z.string()),
  lastActivityAt: z.string().nullable(),
});
export type WorktreeInfo = z.infer<typeof WorktreeInfo>;

/** What a dispatch opens in its worktree: an orchestration of the project file, or one command. */
export const DispatchTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('orchestration'), orchestration: z.string().min(1).max(200).optional() }),
  z.object({ kind: z.literal('single'), command: z.string().min(1).max(10_000) }),
]);
export type DispatchTarget = z.infer<typeof DispatchTarget>;

/** A schedule as `schedule list` and the Scheduled Tasks manager show it. */
export const ScheduleView = Schedule.extend({ nextFireAt: z.string().nullable(), live: z.boolean() });
export type ScheduleView = z.infer<typeof ScheduleView>;

/** What `schedule update` may change; absent fields stay as they are. */
export const SchedulePatch = z.object({
  cron: z.string().min(1).max(200).optional(),
  timezone: z.string().min(1).max(100).optional(),
  dir: Dir.optional(),
  action: ScheduleAction.optional(),
  overlap: Overlap.optional(),
  enabled: z.boolean().optional(),
});
export type SchedulePatch = z.infer<typeof SchedulePatch>;
