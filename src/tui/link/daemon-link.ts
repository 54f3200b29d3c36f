// The deck's line to the daemon, kept up across daemon restarts and crashes: the rest of the TUI
// talks to this instead of one Connection. When the connection drops it reconnects on the
// backoff schedule (starting the daemon, as any client does); it reports every step as a state,
// and it replays nothing: re-subscribing, resizing and restoring the view is the controller's job.
import { UserError, errorMessage } from '../../common/errors.js';
import { DisposableStore, toDisposable, type Disposable } from '../../common/disposable.js';
import { Emitter } from '../../common/event.js';
import { isDaemonRefusal, type Connection } from '../../protocol/connection.js';
import type { PaneInfo, RequestKind, RequestOf, ResponseMap } from '../../protocol/messages.js';
import type { PaneFrame } from '../../protocol/pane-types.js';
import { nextReconnectStep, RECONNECT_GIVE_UP_MS } from './reconnect-backoff.js';

/** What the link needs of a connection (a fake in unit tests). */
export type LinkConnection = Pick<
  Connection,
  'request' | 'sendInput' | 'onFrame' | 'onPanes' | 'onClose' | 'onFinished' | 'panes' | 'daemonPid' | 'isClosed' | 'dispose'
>;

export type LinkState =
  /** Connected, and the daemon has restored its panes; `reconnected` after a drop. */
  | { kind: 'up'; reconnected: boolean }
  /** Lost; `attempt` is the try under way, `error` why the one before failed. */
  | { kind: 'reconnecting'; attempt: number; downForMs: number; error: string | null; host?: string }
  /** A daemon answers but speaks another protocol version (an upgrade): a person must choose. */
  | { kind: 'refused'; message: string; hint: string | null }
  /** Gave up reconnecting. */
  | { kind: 'lost'; message: string; hint: string }
  /** The daemon closed the connection on purpose: this deck asked it to stop everything
   *  (`expected`), or someone else did (`elsewhere`: `daemon stop --force`, another deck's Stop all). */
  | { kind: 'closed'; by: 'expected' | 'elsewhere' };

export interface LinkClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface DaemonLinkOptions {
  /** Connects, starting the daemon if none runs; the signal aborts a start under way. */
  connect(signal: AbortSignal): Promise<LinkConnection>;
  /**
   * Asked when the connection drops unasked: whether the daemon was stopped with its panes on
   * purpose, given the panes it had. Reconnecting would then start an empty daemon and undo what
   * someone asked for (a crash or a restart keeps the panes in the session file; a stop empties it).
   */
  stoppedOnPurpose?(lastPanes: readonly PaneInfo[]): boolean;
  /** Virtual time in tests; real timers otherwise. */
  clock?: LinkClock;
  /** The remote the daemon runs on (`connect NAME`), named while reconnecting. */
  host?: string;
}

/** Notices kept for a deck that has not taken them yet. */
const MAX_UNHEARD = 8;

const NOT_CONNECTED = 'Not connected to the daemon: the deck is reconnecting.';

export class DaemonLink implements Disposable {
  private connection: LinkConnection | null = null;
  /** Listeners on the connection in use, dropped with it. */
  private perConnection = new DisposableStore();
  private readonly disposables = new DisposableStore();
  private readonly abort = new AbortController();
  private readonly clock: LinkClock;
  private current: LinkState = { kind: 'reconnecting', attempt: 1, downForMs: 0, error: null };
  private closeExpected = false;
  private connecting = false;
  private latestPanes: PaneInfo[] | null = null;

  private readonly frameEmitter = this.disposables.add(new Emitter<PaneFrame>());
  private readonly panesEmitter = this.disposables.add(new Emitter<PaneInfo[]>());
  private readonly finishedEmitter = this.disposables.add(new Emitter<string>());
  private readonly stateEmitter = this.disposables.add(new Emitter<LinkState>());
  private readonly noticeEmitter = this.disposables.add(new Emitter<void>());
  private unheard: string[] = [];

  readonly onFrame = this.frameEmitter.event;
  readonly onPanes = this.panesEmitter.event;
  readonly onFinished = this.finishedEmitter.event;
  readonly onState = this.stateEmitter.event;
  /** The daemon had something to tell the person on connecting (a session restored from the
   *  previous file; each is told to one client only): see takeNotices. */
  readonly onNotice = this.noticeEmitter.event;

  constructor(private readonly options: DaemonLinkOptions) {
    this.clock = options.clock ?? this.disposables.add(new TimerClock());
    this.disposables.add(toDisposable(() => this.abort.abort()));
  }

  get state(): LinkState {
    return this.current;
  }

  /** The newest pane list of the daemon, as of the last time the link was up. */
  get panes(): PaneInfo[] | null {
    return this.latestPanes;
  }

  /** The daemon's notices not yet shown, and forgets them. */
  takeNotices(): string[] {
    const taken = this.unheard;
    this.unheard = [];
    return taken;
  }

  get daemonPid(): number | null {
    return this.connection?.daemonPid ?? null;
  }

  /**
   * The first connection. Ends up or refused (the deck then asks what to do); any other failure
   * is thrown, so the CLI reports it before the deck takes over the terminal.
   */
  async open(): Promise<void> {
    let connection: LinkConnection;
    try {
      connection = await this.options.connect(this.abort.signal);
    } catch (error) {
      if (!isDaemonRefusal(error)) throw error;
      this.setState({ kind: 'refused', message: error.message, hint: error.hint ?? null });
      return;
    }
    await this.adopt(connection, false);
  }

  /**
   * The first connection of one host among several (`--hosts`): a host that cannot be reached
   * then does not keep the deck from opening; its link goes on trying on the backoff schedule.
   * Answers why the first try failed, or null.
   */
  async openOrRetry(): Promise<string | null> {
    try {
      await this.open();
      return null;
    } catch (error) {
      if (this.disposed) return null;
      void this.reconnectLoop();
      return withHint(error);
    }
  }

  /** Connects again after a refusal, once the refusing daemon was stopped. */
  reconnect(): void {
    if (this.current.kind !== 'refused') return;
    void this.reconnectLoop();
  }

  /** The daemon is about to close the connection on purpose: do not reconnect. */
  expectClose(): void {
    this.closeExpected = true;
  }

  request<K extends RequestKind>(body: RequestOf<K>): Promise<ResponseMap[K]> {
    const connection = this.connection;
    if (!connection || connection.isClosed || this.current.kind !== 'up') return Promise.reject(new UserError(NOT_CONNECTED));
    return connection.request(body);
  }

  /** Keystrokes while the link is down are dropped, not queued: typing blind into an agent that
   *  comes back minutes later could submit half a sentence. The status bar says typing is paused. */
  sendInput(pane: string, bytes: Buffer | string): void {
    if (this.current.kind !== 'up') return;
    this.connection?.sendInput(pane, bytes);
  }

  dispose(): void {
    this.closeExpected = true;
    this.perConnection.dispose();
    const connection = this.connection;
    this.connection = null;
    connection?.dispose();
    this.disposables.dispose();
  }

  private get disposed(): boolean {
    return this.disposables.isDisposed;
  }

  /** Takes a fresh connection into use once the daemon has restored its panes. */
  private async adopt(connection: LinkConnection, reconnected: boolean): Promise<void> {
    // A new daemon listens before it has restored session.json, and its handshake list can be
    // empty; the answer to `list` comes after the restore, so it is the first list worth showing
    // (otherwise the deck would fall back to the Dashboard and forget its selection).
    let notices: string[];
    try {
      notices = (await connection.request({ kind: 'list' })).notices ?? [];
    } catch (error) {
      connection.dispose();
      throw error;
    }
    if (this.disposed || connection.isClosed) {
      connection.dispose();
      throw new UserError('The daemon closed the connection right after the handshake.');
    }
    this.perConnection.dispose();
    const store = (this.perConnection = new DisposableStore());
    this.connection = connection;
    this.latestPanes = connection.panes;
    store.add(connection.onFrame((frame) => this.frameEmitter.fire(frame)));
    store.add(
      connection.onPanes((panes) => {
        this.latestPanes = panes;
        this.panesEmitter.fire(panes);
      }),
    );
    store.add(connection.onFinished((paneId) => this.finishedEmitter.fire(paneId)));
    store.add(connection.onClose(() => this.dropped(connection)));
    if (this.latestPanes) this.panesEmitter.fire(this.latestPanes);
    this.setState({ kind: 'up', reconnected });
    if (notices.length > 0) {
      // Kept until taken: the first connection's come before the deck listens.
      this.unheard = [...this.unheard, ...notices].slice(-MAX_UNHEARD);
      this.noticeEmitter.fire();
    }
  }

  private dropped(connection: LinkConnection): void {
    if (this.connection !== connection || this.disposed) return;
    this.connection = null;
    this.perConnection.dispose();
    if (this.closeExpected) {
      this.setState({ kind: 'closed', by: 'expected' });
      return;
    }
    if (this.options.stoppedOnPurpose?.(this.latestPanes ?? [])) {
      this.setState({ kind: 'closed', by: 'elsewhere' });
      return;
    }
    void this.reconnectLoop();
  }

  private async reconnectLoop(): Promise<void> {
    if (this.connecting) return;
    this.connecting = true;
    try {
      await this.tryUntilUp();
    } finally {
      this.connecting = false;
    }
  }

  private async tryUntilUp(): Promise<void> {
    const since = this.clock.now();
    let failures = 0;
    let lastError: string | null = null;
    this.setState({ kind: 'reconnecting', attempt: 1, downForMs: 0, error: null, ...this.hostField() });
    for (;;) {
      const step = nextReconnectStep(failures, this.clock.now() - since);
      if (step.kind === 'give-up') {
        this.setState({
          kind: 'lost',
          message: `Lost the connection to the dot-agent-deck daemon and could not reconnect within ${RECONNECT_GIVE_UP_MS / 1000} s${lastError ? `: ${lastError}` : '.'}`,
          hint: 'the panes are saved in the session file: run `dot-agent-deck daemon run` to see why the daemon does not start, then `dot-agent-deck` again',
        });
        return;
      }
      await this.clock.sleep(step.delayMs);
      if (this.disposed) return;
      this.setState({ kind: 'reconnecting', attempt: failures + 1, downForMs: this.clock.now() - since, error: lastError, ...this.hostField() });
      try {
        const connection = await this.options.connect(this.abort.signal);
        if (this.disposed) {
          connection.dispose();
          return;
        }
        await this.adopt(connection, true);
        return;
      } catch (error) {
        if (this.disposed) return;
        if (isDaemonRefusal(error)) {
          this.setState({ kind: 'refused', message: error.message, hint: error.hint ?? null });
          return;
        }
        failures += 1;
        lastError = errorMessage(error);
      }
    }
  }

  private hostField(): { host?: string } {
    return this.options.host ? { host: this.options.host } : {};
  }

  private setState(state: LinkState): void {
    if (this.disposed) return;
    this.current = state;
    this.stateEmitter.fire(state);
  }
}

function withHint(error: unknown): string {
  const hint = (error as { hint?: string }).hint;
  return hint ? `${errorMessage(error)} (${hint})` : errorMessage(error);
}

/** Real time, with sleeps that end when the link is disposed (a detach must not wait on a timer). */
class TimerClock implements LinkClock, Disposable {
  private readonly sleeping = new Map<NodeJS.Timeout, () => void>();

  now(): number {
    return Date.now();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeping.delete(timer);
        resolve();
      }, ms);
      this.sleeping.set(timer, resolve);
    });
  }

  dispose(): void {
    for (const [timer, wake] of this.sleeping) {
      clearTimeout(timer);
      wake();
    }
    this.sleeping.clear();
  }
}
