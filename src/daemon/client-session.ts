// One connected client, seen from the daemon: handshake, requests → router → replies, raw input
// for panes, and frames out. A client that breaks the protocol is closed and logged; nobody else
// notices.
import type { Socket } from 'node:net';
import { assertNever, errorMessage, isUserError } from '../common/errors.js';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { Logger } from '../common/logger.js';
import { VERSION } from '../common/version.js';
import { MessageSocket } from '../protocol/message-socket.js';
import { ClientMessage, PROTOCOL_VERSION, type ClientKind, type DaemonMessage, type PaneCredential, type PaneInfo } from '../protocol/messages.js';
import type { PaneFrame } from '../protocol/pane-types.js';
import type { ClientHandle, DaemonContext, RoleMessage } from './context.js';
import type { FrameSink } from './frame-pump.js';
import { authorize, mayType, resolveAuthority, type Authority } from './pane-authority.js';
import { route } from './router.js';

/** A client that has not said hello within this time is dropped (a stray connect, a scanner). */
const HANDSHAKE_TIMEOUT_MS = 5000;

export class ClientSession implements ClientHandle, Disposable {
  private readonly stream: MessageSocket<ClientMessage>;
  private readonly store = new DisposableStore();
  private clientKind: ClientKind | null = null;
  /** The pane credential the client presented in its hello, if it runs inside a pane. */
  private credential: PaneCredential | null = null;
  private clientPid = 0;
  private readonly closeEmitter = new Emitter<void>();
  readonly onClose = this.closeEmitter.event;
  readonly sink: FrameSink;

  constructor(
    readonly id: number,
    socket: Socket,
    private readonly daemon: DaemonContext,
    private readonly logger: Logger,
    private readonly onClosed: (session: ClientSession) => void,
  ) {
    this.stream = new MessageSocket(socket, ClientMessage);
    this.sink = {
      backlog: () => this.stream.backlog,
      sendFrame: (frame: PaneFrame) => void this.send({ type: 'frame', frame }),
    };
    this.store.add(this.stream.onMessage((message) => this.handle(message)));
    this.store.add(
      this.stream.onFault((fault) => {
        this.logger.warn('closing a client that broke the protocol', { client: id, fault });
        this.dispose();
      }),
    );
    this.store.add(this.stream.onDrain(() => this.daemon.frames.drained(this.sink)));
    this.store.add(this.stream.onClose(() => this.dispose()));
    this.store.addTimer(
      setTimeout(() => {
        if (!this.clientKind) {
          this.logger.warn('closing a client that never said hello', { client: id });
          this.dispose();
        }
      }, HANDSHAKE_TIMEOUT_MS),
    );
  }

  get kind(): ClientKind {
    return this.clientKind ?? 'cli';
  }

  /** Who this client is, checked afresh for each request (a pane's credential changes when the
   *  pane restarts its program). */
  get authority(): Authority {
    return resolveAuthority(this.daemon.registry, this.credential);
  }

  get pid(): number {
    return this.clientPid;
  }

  get isReady(): boolean {
    return this.clientKind !== null && !this.stream.isClosed;
  }

  sendPanes(panes: PaneInfo[]): void {
    if (this.clientKind === 'tui') this.send({ type: 'panes', panes });
  }

  sendFinished(paneId: string): void {
    if (this.clientKind === 'tui') this.send({ type: 'finished', paneId });
  }

  pushRole(message: RoleMessage): boolean {
    if (!this.isReady) return false;
    this.send(message);
    return true;
  }

  dispose(): void {
    if (this.store.isDisposed) return;
    this.daemon.frames.dropSink(this.sink);
    this.store.dispose();
    this.stream.dispose();
    this.closeEmitter.fire();
    this.closeEmitter.dispose();
    this.onClosed(this);
  }

  private send(message: DaemonMessage): void {
    this.stream.send(message);
  }

  private handle(message: ClientMessage): void {
    if (!this.clientKind) {
      this.handshake(message);
      return;
    }
    switch (message.type) {
      case 'hello':
        return;
      case 'request':
        void this.answer(message.id, message.body);
        return;
      case 'input':
        this.input(message.pane, message.data);
        return;
      default:
        assertNever(message, 'client message');
    }
  }

  private handshake(message: ClientMessage): void {
    if (message.type !== 'hello') {
      this.logger.warn('closing a client that skipped the handshake', { client: this.id, type: message.type });
      this.dispose();
      return;
    }
    if (message.protocol !== PROTOCOL_VERSION) {
      this.logger.warn('refusing a client with another protocol version', { client: this.id, theirs: message.protocol });
      this.stream.sendAndEnd({
        type: 'refused',
        error: {
          code: 'protocol',
          message: `The running dot-agent-deck daemon is version ${VERSION} (protocol ${PROTOCOL_VERSION}); this client is version ${message.version} (protocol ${message.protocol}).`,
          hint: 'run `dot-agent-deck daemon restart` to start a daemon of this version (running panes are restored)',
        },
      } satisfies DaemonMessage);
      return;
    }
    this.clientKind = message.client;
    this.credential = message.pane ?? null;
    this.clientPid = message.pid;
    this.send({ type: 'welcome', protocol: PROTOCOL_VERSION, version: VERSION, pid: process.pid });
    if (message.client === 'tui') this.sendPanes(this.daemon.registry.list());
  }

  private async answer(id: number, body: Parameters<typeof route>[0]): Promise<void> {
    try {
      await this.daemon.ready;
      authorize(this.authority, body, this.daemon.registry, this.daemon.orchestration);
      const result = await route(body, this.daemon, this);
      this.send({ type: 'result', id, body: result });
    } catch (error) {
      if (isUserError(error)) {
        const exitCode = error.exitCode > 1 && error.exitCode <= 255 ? { exitCode: error.exitCode } : {};
        this.send({ type: 'error', id, error: { code: 'user', message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...exitCode } });
      } else {
        this.logger.error('request failed', { client: this.id, kind: body.kind, error: errorMessage(error), stack: (error as Error)?.stack });
        this.send({ type: 'error', id, error: { code: 'internal', message: `The daemon failed to handle "${body.kind}": ${errorMessage(error)}` } });
      }
    }
  }

  private input(pane: string, data: string): void {
    try {
      // Before the pane engine has loaded there are no panes to type into.
      const host = this.daemon.registry.host(pane);
      if (this.credential && !mayType(this.authority, host.paneId, this.daemon.registry, this.daemon.orchestration)) return;
      if (host.state.kind === 'running') host.write(Buffer.from(data, 'base64'));
    } catch (error) {
      this.logger.debug('input for an unknown pane dropped', { client: this.id, pane, error: errorMessage(error) });
    }
  }
}
