// Both directions of the daemon protocol as closed unions, validated at the socket edge.
// Bump PROTOCOL_VERSION on any incompatible change; peers refuse a mismatch in the handshake.
import { z } from 'zod';
import { PaneExit, PaneFrame, PaneModes, CursorPosition } from './pane-types.js';
import { HookEvent, PaneStatus, StatusEventRecord, TokenUsage } from './pane-status.js';
import { Outcome } from './outcome.js';

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

/** A pane's credential, presented in the handshake by a deck command run inside that pane: the
 *  pane id and the secret only its environment holds (DOT_AGENT_DECK_TOKEN). */
export const PaneCredential = z.object({ paneId: z.string().min(1).max(200), token: z.string().min(1).max(200) });
export type PaneCredential = z.infer<typeof PaneCredential>;

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

// ── requests ─────────────────────────────────────────────────────────────────────────────────

export const Request = z.discriminatedUnion('kind', [
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
  z.object({ kind: z.literal('explain'), pane: PaneRef }),
  z.object({ kind: z.literal('answer'), pane: PaneRef, answer: z.enum(['yes', 'no']) }),
  z.object({ kind: z.literal('timeline'), tab: z.string().min(1).max(200) }),
  /** Ctrl+d g: write the config-generation prompt into the pane's directory and point its agent at it. */
  z.object({ kind: z.literal('generate-config'), pane: PaneRef }),
]);
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
export const Responses = {
  status: DaemonStatus,
  /** `notices`: see DaemonStatus.notices; each is told to one client only. */
  list: z.object({ panes: z.array(PaneInfo), notices: z.array(z.string()).optional() }),
  new: z.object({ pane: PaneInfo }),
  send: z.object({ paneId: PaneId, bytes: Count, bracketedPaste: z.boolean() }),
  capture: CaptureResult,
  kill: z.object({ paneId: PaneId }),
  rename: z.object({ pane: PaneInfo }),
  subscribe: z.object({ paneId: PaneId }),
  unsubscribe: z.object({ paneId: PaneId }),
  resize: z.object({ paneId: PaneId }),
  scroll: z.object({ paneId: PaneId, offset: Count, total: Count }),
  shutdown: z.object({ stopping: z.literal(true), panes: Count }),
  /** `orchestrator`: the pane id of the start role, the one a person talks to. */
  up: z.object({ group: z.string(), orchestration: z.string(), panes: z.array(PaneInfo), orchestrator: PaneId }),
  /** `queued`: waiting behind the commission `behind`; `warnings`: it happened, but not all of it
   *  was recorded (the journal could not be written). */
  delegate: z.object({
    delivered: z.array(z.string()),
    failed: z.array(z.object({ role: z.string(), reason: z.string() })),
    queued: z.array(z.object({ role: z.string(), position: Count, behind: z.string() })),
    warnings: z.array(z.string()),
  }),
  'work-done': z.object({ recorded: z.enum(['completion', 'unrequested', 'done']), file: z.string().nullable() }),
  /** `file`: where the question was written; `question`: its number on the task. */
  ask: z.object({ file: z.string(), question: Count }),
  /** `file`: where the reply was written; `ms`: how long typing it took. */
  reply: z.object({ file: z.string(), ms: z.number() }),
  checkpoint: z.object({ file: z.string() }),
  hook: z.object({ accepted: z.boolean() }),
  explain: z.object({ pane: PaneInfo, lastHookEvent: z.string().nullable(), events: z.array(StatusEventRecord) }),
  answer: z.object({ paneId: PaneId, sent: z.boolean() }),
  /** `summary`: the top of the morning report for the tab (what waits, the per-role table);
   *  absent from a daemon that predates it. */
  timeline: z.object({ tab: z.string(), lines: z.array(z.string()), skipped: Count, summary: z.array(z.string()).optional() }),
  /** `promptFile`: absolute path of the prompt written; `ms`: how long delivering the line took. */
  'generate-config': z.object({ paneId: PaneId, promptFile: z.string(), ms: z.number() }),
} satisfies { [K in RequestKind]: z.ZodType };

export type ResponseMap = { [K in RequestKind]: z.infer<(typeof Responses)[K]> };

export type RequestOf<K extends RequestKind> = Extract<Request, { kind: K }>;

// ── frames on the wire ───────────────────────────────────────────────────────────────────────

export const ErrorBody = z.object({
  message: z.string(),
  hint: z.string().optional(),
  code: z.enum(['user', 'internal', 'protocol']),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ClientMessage = z.discriminatedUnion('type', [
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
]);
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
]);
export type DaemonMessage = z.infer<typeof DaemonMessage>;
