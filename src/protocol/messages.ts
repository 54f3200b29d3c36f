// Both directions of the daemon protocol as closed unions, validated at the socket edge.
// Bump PROTOCOL_VERSION on any incompatible change; peers refuse a mismatch in the handshake.
import { z } from 'zod';
import { PaneFrame, PaneModes, CursorPosition } from './pane-types.js';
import { HookEvent, PaneStatus, StatusEventRecord } from './pane-status.js';
import { ScheduleRun, ScheduleSpec } from '../config/schedule-schema.js';
import { AgentReport } from './agent-report.js';
import { Outcome } from './outcome.js';
import { lazyRecord } from './lazy-record.js';
import { DaemonStatus, Dir, DispatchTarget, LockState, PaneCredential, PaneInfo, SchedulePatch, ScheduleView, WorktreeInfo } from './message-types.js';

export { PROTOCOL_VERSION } from './protocol-version.js';

export const ClientKind = z.enum(['tui', 'cli', 'hook']);
export type ClientKind = z.infer<typeof ClientKind>;

const PaneRef = z.string().min(1).max(200);
const Size = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) };

/** Text sent with `send` is typed into a pane; 1 MiB is far beyond any prompt and bounds memory. */
export const MAX_SEND_TEXT = 1024 * 1024;

/** Task and report text of `delegate`, `work-done` and `up --task-file`: read by agents, so 1 MiB
 *  is far beyond a useful task and bounds the daemon's memory. */
export const MAX_TASK_TEXT = 1024 * 1024;

export * from './message-types.js';

/** A lock name: one safe word (`build`, `tests`), as role names are. */
const LockName = z.string().min(1).max(64);

// ── requests ─────────────────────────────────────────────────────────────────────────────────

// Built on first use (z.lazy): only the daemon validates requests, and the deck's start should
// not construct ~50 schemas it never runs (bench first-frame, "CLI entry").
export const Request = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('status') }),
    z.object({ kind: z.literal('list') }),
    z.object({
      kind: z.literal('new'),
      command: z.string().min(1).max(10_000),
      cwd: z.string().min(1).max(4096),
      name: z.string().min(1).max(100).optional(),
      tab: z.string().min(1).max(100).optional(),
      role: z.string().min(1).max(100).optional(),
      ...{ cols: Size.cols.optional(), rows: Size.rows.optional() },
    }),
    z.object({
      kind: z.literal('send'),
      pane: PaneRef,
      text: z.string().max(MAX_SEND_TEXT),
      submit: z.boolean(),
    }),
    z.object({ kind: z.literal('capture'), pane: PaneRef, scrollback: z.number().int().min(0).max(1_000_000).optional() }),
    z.object({ kind: z.literal('kill'), pane: PaneRef }),
    z.object({ kind: z.literal('rename'), pane: PaneRef, name: z.string().min(1).max(100) }),
    z.object({ kind: z.literal('subscribe'), pane: PaneRef, ...Size }),
    z.object({ kind: z.literal('unsubscribe'), pane: PaneRef }),
    z.object({ kind: z.literal('resize'), pane: PaneRef, ...Size }),
    z.object({ kind: z.literal('scroll'), pane: PaneRef, offset: z.number().int().min(0) }),
    z.object({ kind: z.literal('shutdown'), force: z.boolean() }),
    z.object({
      kind: z.literal('up'),
      projectDir: z.string().min(1).max(4096),
      orchestration: z.string().min(1).max(200).optional(),
      task: z.string().max(MAX_TASK_TEXT).optional(),
      ...{ cols: Size.cols.optional(), rows: Size.rows.optional() },
    }),
    /** Open a workspace mode of the project file in a new tab: `command` runs in the agent pane. */
    z.object({
      kind: z.literal('open-mode'),
      projectDir: z.string().min(1).max(4096),
      mode: z.string().min(1).max(200),
      command: z.string().min(1).max(10_000),
      name: z.string().min(1).max(100).optional(),
      ...{ cols: Size.cols.optional(), rows: Size.rows.optional() },
    }),
    /** From the orchestrator's pane (its credential names the caller). `again`: hand over a task
     *  the worker already has open or queued. */
    z.object({
      kind: z.literal('delegate'),
      roles: z.array(z.string().max(200)).min(1).max(32),
      task: z.string().max(MAX_TASK_TEXT),
      again: z.boolean().optional(),
    }),
    /** `outcome`: how a worker's task ended (default done); the orchestrator's `done` ends the run. */
    z.object({ kind: z.literal('work-done'), report: z.string().max(MAX_TASK_TEXT), done: z.boolean(), outcome: Outcome.optional() }),
    /** From a worker's pane: a question for the orchestrator; the task stays open. */
    z.object({ kind: z.literal('ask'), question: z.string().max(MAX_TASK_TEXT) }),
    /** From the orchestrator's pane: the answer to the worker's waiting question. */
    z.object({ kind: z.literal('reply'), role: z.string().max(200), text: z.string().max(MAX_TASK_TEXT) }),
    /** From a worker's pane: how far it got, replacing its task's checkpoint. */
    z.object({ kind: z.literal('checkpoint'), notes: z.string().max(MAX_TASK_TEXT) }),
    z.object({ kind: z.literal('hook'), paneId: PaneRef, agentId: z.string().min(1).max(200), event: HookEvent }),
    /** `agent-event`, from inside a pane: the caller's own status (its credential names the pane). */
    z.object({ kind: z.literal('agent-event'), report: AgentReport }),
    z.object({ kind: z.literal('explain'), pane: PaneRef }),
    z.object({ kind: z.literal('answer'), pane: PaneRef, answer: z.enum(['yes', 'no']) }),
    z.object({ kind: z.literal('timeline'), tab: z.string().min(1).max(200) }),
    /** Ctrl+d g: write the config-generation prompt into the pane's directory and point its agent at it. */
    z.object({ kind: z.literal('generate-config'), pane: PaneRef }),
    /** Waits (FIFO) until the lock is this client's; it stays held until `lock-release` or until
     *  the client disconnects or its pane dies. */
    z.object({
      kind: z.literal('lock-acquire'),
      name: LockName,
      timeoutMs: z
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 3_600_000),
      pid: z.number().int(),
      command: z.string().max(500),
    }),
    z.object({ kind: z.literal('lock-release'), name: LockName }),
    z.object({ kind: z.literal('lock-status') }),
    z.object({
      kind: z.literal('dispatch'),
      repoDir: Dir,
      name: z.string().min(1).max(100),
      target: DispatchTarget,
      task: z.string().max(MAX_TASK_TEXT),
      base: z.string().min(1).max(200).optional(),
    }),
    z.object({ kind: z.literal('dispatch-targets'), repoDir: Dir }),
    z.object({ kind: z.literal('worktree-list'), repoDir: Dir }),
    z.object({ kind: z.literal('schedule-list') }),
    z.object({ kind: z.literal('schedule-add'), schedule: ScheduleSpec }),
    z.object({ kind: z.literal('schedule-update'), name: z.string().min(1).max(100), patch: SchedulePatch }),
    z.object({ kind: z.literal('schedule-remove'), name: z.string().min(1).max(100) }),
    z.object({ kind: z.literal('schedule-run'), name: z.string().min(1).max(100) }),
    z.object({ kind: z.literal('worktree-reclaim'), repoDir: Dir, name: z.string().min(1).max(100), force: z.boolean(), deleteBranch: z.boolean() }),
    /** From another host's daemon (over ssh and `daemon bridge`): open, or take back after a
     *  dropped link (`pane`), the pane of one role of its orchestration, held by this connection:
     *  the role's status is pushed to it (`role-status`), its `work-done` routed back (`role-report`). */
    z.object({
      kind: z.literal('role-host'),
      group: z.string().min(1).max(100),
      role: z.string().min(1).max(100),
      projectDir: Dir,
      command: z.string().min(1).max(10_000),
      agent: z.string().min(1).max(100).optional(),
      pane: PaneRef.optional(),
      ...{ cols: Size.cols.optional(), rows: Size.rows.optional() },
    }),
    /** A task for a hosted role: `task` is written to the role's task file in this host's project
     *  (this daemon picks the path), then the task line (`purpose`) is typed and confirmed; `fresh`
     *  restarts the role's program first. */
    z.object({
      kind: z.literal('role-deliver'),
      pane: PaneRef,
      purpose: z.enum(['task', 'nudge', 'resume']),
      task: z.string().max(MAX_TASK_TEXT).optional(),
      fresh: z.boolean(),
    }),
  ]),
);
export type Request = z.infer<typeof Request>;
export type RequestKind = Request['kind'];

export const CaptureResult = z.object({
  paneId: z.string(),
  cols: z.number().int(),
  rows: z.number().int(),
  lines: z.array(z.string()),
  cursor: CursorPosition,
  modes: PaneModes,
  title: z.string(),
});
export type CaptureResult = z.infer<typeof CaptureResult>;

const PaneId = z.string();
const Count = z.number().int().nonnegative();

/** What each request answers with, checked by the client when the reply arrives: a daemon that
 *  answers in another shape is a protocol error, never a wrong value deep inside a command. */
const responseSchemas = {
  status: () => DaemonStatus,
  /** `notices`: see DaemonStatus.notices; each is told to one client only. */
  list: () => z.object({ panes: z.array(PaneInfo), notices: z.array(z.string()).optional() }),
  new: () => z.object({ pane: PaneInfo }),
  send: () => z.object({ paneId: PaneId, bytes: Count, bracketedPaste: z.boolean() }),
  capture: () => CaptureResult,
  kill: () => z.object({ paneId: PaneId }),
  rename: () => z.object({ pane: PaneInfo }),
  subscribe: () => z.object({ paneId: PaneId }),
  unsubscribe: () => z.object({ paneId: PaneId }),
  resize: () => z.object({ paneId: PaneId }),
  scroll: () => z.object({ paneId: PaneId, offset: Count, total: Count }),
  shutdown: () => z.object({ stopping: z.literal(true), panes: Count }),
  /** `orchestrator`: the pane id of the start role, the one a person talks to. */
  up: () => z.object({ group: z.string(), orchestration: z.string(), panes: z.array(PaneInfo), orchestrator: PaneId }),
  /** `agent`: the pane id of the mode's agent pane. */
  'open-mode': () => z.object({ tab: z.string(), mode: z.string(), panes: z.array(PaneInfo), agent: PaneId }),
  /** `queued`: waiting behind the commission `behind`; `warnings`: it happened, but not all of it
   *  was recorded (the journal could not be written). */
  delegate: () =>
    z.object({
      delivered: z.array(z.string()),
      failed: z.array(z.object({ role: z.string(), reason: z.string() })),
      queued: z.array(z.object({ role: z.string(), position: Count, behind: z.string() })),
      warnings: z.array(z.string()),
    }),
  'work-done': () => z.object({ recorded: z.enum(['completion', 'unrequested', 'done']), file: z.string().nullable() }),
  /** `file`: where the question was written; `question`: its number on the task. */
  ask: () => z.object({ file: z.string(), question: Count }),
  /** `file`: where the reply was written; `ms`: how long typing it took. */
  reply: () => z.object({ file: z.string(), ms: z.number() }),
  checkpoint: () => z.object({ file: z.string() }),
  hook: () => z.object({ accepted: z.boolean() }),
  'agent-event': () => z.object({ paneId: PaneId, status: PaneStatus }),
  explain: () => z.object({ pane: PaneInfo, lastHookEvent: z.string().nullable(), events: z.array(StatusEventRecord) }),
  answer: () => z.object({ paneId: PaneId, sent: z.boolean() }),
  /** `summary`: the top of the morning report for the tab (what waits, the per-role table);
   *  absent from a daemon that predates it. */
  timeline: () => z.object({ tab: z.string(), lines: z.array(z.string()), skipped: Count, summary: z.array(z.string()).optional() }),
  /** `promptFile`: absolute path of the prompt written; `ms`: how long delivering the line took. */
  'generate-config': () => z.object({ paneId: PaneId, promptFile: z.string(), ms: z.number() }),
  'lock-acquire': () => z.object({ name: z.string(), waitedMs: z.number() }),
  'lock-release': () => z.object({ name: z.string(), released: z.boolean() }),
  'lock-status': () => z.object({ locks: z.array(LockState) }),
  /** `baseNote`: how the base was chosen (`fetched origin; based on origin/main`). */
  dispatch: () =>
    z.object({
      name: z.string(),
      path: z.string(),
      branch: z.string(),
      base: z.string(),
      baseNote: z.string(),
      copied: z.array(z.string()),
      tab: z.string(),
      panes: z.array(PaneInfo),
      /** The pane of the start role, the one given the task. */
      start: PaneId,
    }),
  'dispatch-targets': () =>
    z.object({
      repo: z.string(),
      orchestrations: z.array(z.object({ name: z.string(), roles: z.array(z.string()), default: z.boolean() })),
      problem: z.string().nullable(),
    }),
  'worktree-list': () => z.object({ repo: z.string(), worktrees: z.array(WorktreeInfo) }),
  'worktree-reclaim': () => z.object({ name: z.string(), path: z.string(), branch: z.string(), deletedBranch: z.boolean() }),
  /** `problem`: why the schedules file was set aside when the daemon started, if it was. */
  'schedule-list': () => z.object({ schedules: z.array(ScheduleView), file: z.string(), problem: z.string().nullable() }),
  'schedule-add': () => z.object({ schedule: ScheduleView }),
  'schedule-update': () => z.object({ schedule: ScheduleView }),
  'schedule-remove': () => z.object({ name: z.string() }),
  'schedule-run': () => z.object({ name: z.string(), run: ScheduleRun }),
  'role-host': () => z.object({ pane: PaneInfo, adopted: z.boolean() }),
  /** A DeliveryOutcome, and the agent that runs in the pane afterwards. */
  'role-deliver': () =>
    z.object({
      ok: z.boolean(),
      ms: z.number(),
      textAttempts: Count,
      enterPresses: Count,
      reason: z.string().max(2000).optional(),
      confirmedBy: z.string().max(200).optional(),
      agentId: z.string().nullable(),
    }),
} satisfies { [K in RequestKind]: () => z.ZodType };

/** Each kind's schema is built when a reply of that kind first arrives (a deck asks a few kinds). */
export const Responses = lazyRecord(responseSchemas);

export type ResponseMap = { [K in RequestKind]: z.infer<(typeof Responses)[K]> };

export type RequestOf<K extends RequestKind> = Extract<Request, { kind: K }>;

// ── frames on the wire ───────────────────────────────────────────────────────────────────────

export const ErrorBody = z.object({
  message: z.string(),
  hint: z.string().optional(),
  code: z.enum(['user', 'internal', 'protocol']),
  /** The exit code a user error ends its command with, when it is not 1 (a lock that timed out: 124). */
  exitCode: z.number().int().min(2).max(255).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Built on first use, like Request: the daemon parses client messages; a client only writes them. */
export const ClientMessage = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('hello'),
      protocol: z.number().int(),
      client: ClientKind,
      version: z.string(),
      pid: z.number().int(),
      pane: PaneCredential.optional(),
    }),
    z.object({ type: z.literal('request'), id: z.number().int().nonnegative(), body: Request }),
    /** Keystrokes for a pane, base64 so every byte arrives exactly; fire-and-forget for latency. */
    z.object({ type: z.literal('input'), pane: PaneRef, data: z.string().max(4 * MAX_SEND_TEXT) }),
  ]),
);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const DaemonMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), protocol: z.number().int(), version: z.string(), pid: z.number().int() }),
  z.object({ type: z.literal('refused'), error: ErrorBody }),
  z.object({ type: z.literal('result'), id: z.number().int(), body: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.number().int(), error: ErrorBody }),
  z.object({ type: z.literal('frame'), frame: PaneFrame }),
  z.object({ type: z.literal('panes'), panes: z.array(PaneInfo) }),
  /** An orchestration's orchestrator ran `work-done --done` (for the bell / desktop alert). */
  z.object({ type: z.literal('finished'), paneId: z.string() }),
  /** To the connection holding a hosted role (`role-host`): the pane as it is now, about once a
   *  second, with what the watches need (ms since its last output, by this host's clock; whether
   *  its agent waits at its prompt). */
  z.object({
    type: z.literal('role-status'),
    pane: PaneInfo,
    quietMs: z.number().nonnegative().nullable(),
    atPrompt: z.boolean(),
    // Writes of keys into the pane (an answer ends a needs-input episode); absent from older decks.
    inputs: z.number().int().nonnegative().optional(),
  }),
  /** To the connection holding a hosted role: its worker ran `work-done` (the report is data). */
  z.object({
    type: z.literal('role-report'),
    paneId: z.string(),
    agentId: z.string(),
    report: z.string().max(MAX_TASK_TEXT),
    outcome: Outcome,
  }),
]);
export type DaemonMessage = z.infer<typeof DaemonMessage>;
