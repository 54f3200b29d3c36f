// The client side of the socket: handshake, requests with ids, pushed frames and pane lists.
import { createConnection, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import { UserError, assertNever, isUserError } from '../common/errors.js';
import { Emitter } from '../common/event.js';
import type { Disposable } from '../common/disposable.js';
import type { PaneFrame } from './pane-types.js';
import { describeFault, firstIssue, MessageSocket } from './message-socket.js';
import {
  DaemonMessage,
  PROTOCOL_VERSION,
  Responses,
  type ClientKind,
  type ClientMessage,
  type ErrorBody,
  type PaneCredential,
  type PaneInfo,
  type RequestKind,
  type RequestOf,
  type ResponseMap,
} from './messages.js';

export type RoleStatus = Extract<DaemonMessage, { type: 'role-status' }>;
export type RoleReport = Extract<DaemonMessage, { type: 'role-report' }>;

/** The socket exists but nobody listens, or it does not exist: the daemon is not running. */
export class DaemonUnavailableError extends Error {
  constructor(
    readonly socketPath: string,
    readonly code: string,
  ) {
    super(`no daemon is listening on ${socketPath} (${code})`);
    this.name = 'DaemonUnavailableError';
  }
}

/**
 * The daemon answered the handshake with `refused` (it speaks another protocol version). A
 * UserError by name, so every command still prints it as a sentence; `refusedByDaemon` tells it
 * apart by shape, because the bundled TUI has its own copy of this class (scripts/bundle-tui.mjs).
 */
export class DaemonRefusedError extends UserError {
  readonly refusedByDaemon = true;

  constructor(readonly refusal: ErrorBody) {
    super(refusal.message, refusal.hint ? { hint: refusal.hint } : {});
  }
}

export function isDaemonRefusal(error: unknown): error is DaemonRefusedError {
  return error instanceof Error && (error as Partial<DaemonRefusedError>).refusedByDaemon === true;
}

export interface ConnectOptions {
  /** The daemon's Unix socket; with `open`, only a name for it in messages. */
  socketPath: string;
  /**
   * The transport seam: a byte stream to a daemon other than the local socket (ssh to a remote's
   * `daemon bridge`). It reports a failure to reach the daemon by destroying itself with a
   * UserError, which becomes the connect error as it is.
   */
  open?: () => Duplex;
  client: ClientKind;
  version: string;
  /** Presented when the client runs inside a deck pane: what it may do depends on that pane. */
  pane?: PaneCredential;
  /** How long the handshake may take before we give up (default 5 s). */
  timeoutMs?: number;
}

interface Pending {
  kind: RequestKind;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class Connection implements Disposable {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly frameEmitter = new Emitter<PaneFrame>();
  private readonly panesEmitter = new Emitter<PaneInfo[]>();
  private readonly closeEmitter = new Emitter<void>();
  private readonly finishedEmitter = new Emitter<string>();
  private readonly roleStatusEmitter = new Emitter<RoleStatus>();
  private readonly roleReportEmitter = new Emitter<RoleReport>();
  private latestPanes: PaneInfo[] | null = null;

  readonly onFrame = this.frameEmitter.event;
  readonly onPanes = this.panesEmitter.event;
  readonly onClose = this.closeEmitter.event;
  /** An orchestration finished its run; the value is its orchestrator's pane id. */
  readonly onFinished = this.finishedEmitter.event;
  /** A role this connection hosts on that daemon (`role-host`): its pane's status. */
  readonly onRoleStatus = this.roleStatusEmitter.event;
  /** A role this connection hosts on that daemon: its worker's `work-done`. */
  readonly onRoleReport = this.roleReportEmitter.event;

  private constructor(
    private readonly stream: MessageSocket<DaemonMessage>,
    readonly daemonPid: number,
    readonly daemonVersion: string,
  ) {
    stream.onMessage((message) => this.dispatch(message));
    stream.onFault((fault) => {
      this.failAll(malformed('a message', describeFault(fault)));
      stream.dispose();
    });
    stream.onClose(() => {
      this.failAll(
        new UserError('The connection to the dot-agent-deck daemon closed.', {
          hint: 'run `dot-agent-deck daemon status`; the daemon log is in the state directory',
        }),
      );
      this.closeEmitter.fire();
    });
  }

  static connect(options: ConnectOptions): Promise<Connection> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const socket = options.open ? options.open() : createConnection(options.socketPath);
      let settled = false;
      const finish = (error: Error | null, connection?: Connection) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off('error', onError);
        if (error) {
          stream.dispose();
          reject(error);
        } else resolve(connection!);
      };
      const timer = setTimeout(
        () =>
          finish(
            new UserError(`The daemon at ${options.socketPath} did not answer within ${timeoutMs} ms.`, {
              hint: 'run `dot-agent-deck daemon restart`',
            }),
          ),
        timeoutMs,
      );
      const onError = (error: NodeJS.ErrnoException) => {
        const code = error.code ?? 'ERROR';
        if (isUserError(error)) finish(error);
        else if (code === 'ECONNREFUSED' || code === 'ENOENT') finish(new DaemonUnavailableError(options.socketPath, code));
        else if (code === 'EACCES') {
          finish(
            new UserError(`Permission denied on the daemon socket ${options.socketPath}.`, {
              hint: 'the socket belongs to another user; set DOT_AGENT_DECK_RUNTIME_DIR to a private directory',
            }),
          );
        } else finish(new UserError(`Cannot reach the daemon at ${options.socketPath}: ${error.message}`));
      };
      // Registered before the message stream's own listeners, so a refused or missing socket is
      // classified (daemon not running) before the stream reports a generic close.
      socket.on('error', onError);
      const stream = new MessageSocket(socket, DaemonMessage);
      stream.onClose(() =>
        finish(
          new UserError('The daemon closed the connection during the handshake.', {
            hint: 'run `dot-agent-deck daemon restart`',
          }),
        ),
      );
      stream.onMessage((message) => {
        if (settled) return;
        if (message.type === 'welcome') {
          finish(null, new Connection(stream, message.pid, message.version));
        } else if (message.type === 'refused') {
          finish(new DaemonRefusedError(message.error));
        } else {
          finish(new Error(`unexpected ${message.type} before the handshake`));
        }
      });
      const sayHello = () => {
        const hello: ClientMessage = {
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          client: options.client,
          version: options.version,
          pid: process.pid,
          ...(options.pane ? { pane: options.pane } : {}),
        };
        stream.send(hello);
      };
      if (socket instanceof Socket && socket.connecting) socket.once('connect', sayHello);
      else sayHello();
    });
  }

  get isClosed(): boolean {
    return this.stream.isClosed;
  }

  /** The newest pane list the daemon sent, pushed or as the answer to `list`, in the order they
   *  arrived (TUI clients get one with the handshake). It can arrive in the same chunk as the
   *  welcome, before any onPanes listener exists. */
  get panes(): PaneInfo[] | null {
    return this.latestPanes;
  }

  request<K extends RequestKind>(body: RequestOf<K>): Promise<ResponseMap[K]> {
    if (this.stream.isClosed) return Promise.reject(new UserError('Not connected to the daemon.'));
    const id = this.nextId++;
    const message: ClientMessage = { type: 'request', id, body };
    return new Promise<ResponseMap[K]>((resolve, reject) => {
      this.pending.set(id, { kind: body.kind, resolve: resolve as (value: unknown) => void, reject });
      this.stream.send(message);
    });
  }

  /** Keystrokes for a pane; no reply, so typing never waits on a round trip. */
  sendInput(pane: string, bytes: Buffer | string): void {
    const data = (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');
    const message: ClientMessage = { type: 'input', pane, data };
    this.stream.send(message);
  }

  dispose(): void {
    this.stream.dispose();
  }

  private dispatch(message: DaemonMessage): void {
    switch (message.type) {
      case 'result':
      case 'error': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (message.type === 'error') {
          pending.reject(toError(message.error));
          return;
        }
        // Checked like requests are at the daemon: an answer in another shape fails this request
        // with a sentence and leaves the connection (and the other requests) alone.
        const schema: z.ZodType = Responses[pending.kind];
        const parsed = schema.safeParse(message.body);
        if (!parsed.success) {
          pending.reject(malformed(`its answer to \`${pending.kind}\``, firstIssue(parsed.error)));
          return;
        }
        // Recorded here, in arrival order, not when the promise settles: a push that follows the
        // answer in the same chunk is newer, and `panes` must end on it (a reconnecting TUI uses
        // `list` as the barrier after which the daemon has restored its panes).
        if (pending.kind === 'list') this.latestPanes = (parsed.data as ResponseMap['list']).panes;
        pending.resolve(parsed.data);
        return;
      }
      case 'frame':
        this.frameEmitter.fire(message.frame);
        return;
      case 'panes':
        this.latestPanes = message.panes;
        this.panesEmitter.fire(message.panes);
        return;
      case 'finished':
        this.finishedEmitter.fire(message.paneId);
        return;
      case 'role-status':
        this.roleStatusEmitter.fire(message);
        return;
      case 'role-report':
        this.roleReportEmitter.fire(message);
        return;
      case 'welcome':
      case 'refused':
        return;
      default:
        assertNever(message, 'daemon message');
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** The daemon sent something this client cannot read: most likely a daemon of another build. */
function malformed(what: string, detail: string): UserError {
  return new UserError(`The dot-agent-deck daemon sent ${what} in a shape this version does not understand (${detail}).`, {
    hint: 'run `dot-agent-deck daemon restart` to start a daemon of this version (running panes are restored)',
  });
}

function toError(body: ErrorBody): Error {
  if (body.code === 'user')
    return new UserError(body.message, { ...(body.hint ? { hint: body.hint } : {}), ...(body.exitCode ? { exitCode: body.exitCode } : {}) });
  return new Error(body.message);
}
