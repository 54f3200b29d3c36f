// What a request handler may touch: the daemon's parts, and the client that asked.
import type { Event } from '../common/event.js';
import type { Logger } from '../common/logger.js';
import type { ClientKind, DaemonMessage, DaemonStatus, RequestKind, RequestOf, ResponseMap } from '../protocol/messages.js';
import type { FramePump, FrameSink } from './frame-pump.js';
import type { ModeService } from './mode-service.js';
import type { LockService } from './lock-service.js';
import type { Scheduler } from './scheduler.js';
import type { OrchestrationService } from './orchestration-service.js';
import type { PaneRegistry } from './pane-registry.js';
import type { Authority } from './pane-authority.js';
import type { PaneWriters } from './pane-writer.js';

export interface DaemonContext {
  registry: PaneRegistry;
  frames: FramePump;
  writers: PaneWriters;
  orchestration: OrchestrationService;
  modes: ModeService;
  locks: LockService;
  schedules: Scheduler;
  /** The schedules file, and why it was set aside at start (null when it was read). */
  schedulesFile: { path: string; problem: string | null };
  logger: Logger;
  /** Resolves once panes can be created; requests wait for it, the handshake does not. */
  ready: Promise<void>;
  status(): DaemonStatus;
  /** Notices for the person (a restore from the previous session file), each returned once. */
  takeNotices(): string[];
  /** Stops the daemon after the reply is sent; with `force` false, refuses while panes run. */
  shutdown(force: boolean): ResponseMap['shutdown'];
}

export type RoleMessage = Extract<DaemonMessage, { type: 'role-status' | 'role-report' }>;

export interface ClientHandle {
  readonly id: number;
  readonly kind: ClientKind;
  readonly sink: FrameSink;
  /** Who the client is: the person, or a pane proven by its credential. */
  readonly authority: Authority;
  /** The process id the client gave in its hello. */
  readonly pid: number;
  /** Pushes a hosted role's status or report to this client (the daemon that holds the role);
   *  false when the connection is already closing. */
  pushRole(message: RoleMessage): boolean;
  /** The connection closed: what the client held (a lock) is freed. */
  readonly onClose: Event<void>;
}

export type Handler<K extends RequestKind> = (request: RequestOf<K>, daemon: DaemonContext, client: ClientHandle) => ResponseMap[K] | Promise<ResponseMap[K]>;
