// Both directions of the daemon protocol as closed unions, validated at the socket edge.
// Bump PROTOCOL_VERSION on any incompatible change; peers refuse a mismatch in the handshake.
import { z } from 'zod';
import { PaneExit, PaneFrame, PaneModes, CursorPosition } from './pane-types.js';

export const PROTOCOL_VERSION = 1;

export const ClientKind = z.enum(['tui', 'cli', 'hook']);
export type ClientKind = z.infer<typeof ClientKind>;

const PaneRef = z.string().min(1).max(200);
const Size = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) };

/** Text sent with `send` is typed into a pane; 1 MiB is far beyond any prompt and bounds memory. */
export const MAX_SEND_TEXT = 1024 * 1024;

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

/** What each request answers with. */
export interface ResponseMap {
  status: DaemonStatus;
  list: { panes: PaneInfo[] };
  new: { pane: PaneInfo };
  send: { paneId: string; bytes: number; bracketedPaste: boolean };
  capture: CaptureResult;
  kill: { paneId: string };
  rename: { pane: PaneInfo };
  subscribe: { paneId: string };
  unsubscribe: { paneId: string };
  resize: { paneId: string };
  scroll: { paneId: string; offset: number; total: number };
  shutdown: { stopping: true; panes: number };
}

export type RequestOf<K extends RequestKind> = Extract<Request, { kind: K }>;

// ── frames on the wire ───────────────────────────────────────────────────────────────────────

export const ErrorBody = z.object({
  message: z.string(),
  hint: z.string().optional(),
  code: z.enum(['user', 'internal', 'protocol']),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), protocol: z.number().int(), client: ClientKind, version: z.string(), pid: z.number().int() }),
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
]);
export type DaemonMessage = z.infer<typeof DaemonMessage>;
