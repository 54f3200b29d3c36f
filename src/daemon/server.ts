// The daemon: listens on the private socket, owns the pane registry, the frame pump and the
// session file, and exits on request or after a quiet spell with no clients and no panes.
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import type { Socket } from 'node:net';
import { UserError, errorMessage } from '../common/errors.js';
import { DisposableStore } from '../common/disposable.js';
import type { Logger } from '../common/logger.js';
import { VERSION } from '../common/version.js';
import { DEFAULT_WORKER_RESPONSE_TIMEOUT_MINUTES } from '../config/project-schema.js';
import { PROTOCOL_VERSION, type DaemonStatus, type ResponseMap } from '../protocol/messages.js';
import { ClientSession } from './client-session.js';
import type { DaemonContext } from './context.js';
import { FramePump } from './frame-pump.js';
import { ModeService } from './mode-service.js';
import { ShellTyper } from './mode-shell.js';
import { LockDetails } from './lock-details.js';
import { LockService } from './lock-service.js';
import { scheduleRunner } from './schedule-runner.js';
import { loadSchedules, saveSchedules } from './schedule-store.js';
import { Scheduler, type ScheduleClock } from './scheduler.js';
import { OrchestrationService } from './orchestration-service.js';
import type { PaneHostFactory } from './pane-host.js';
import { ScrollbackBudget } from '../pty/scrollback-budget.js';
import { PaneRegistry } from './pane-registry.js';
import { StatusNotifier, type NotificationsSettings } from './status-notify.js';
import { PaneWriters } from './pane-writer.js';
import { SessionStore } from './session-store.js';
import { SocketListener } from './socket-listener.js';

/** Pane lists go to TUIs at most this often; 50 ms is below what a person notices on a card. */
const BROADCAST_INTERVAL_MS = 50;
/** Untold notices kept; older ones are dropped. */
const MAX_NOTICES = 8;

export interface DaemonOptions {
  socketPath: string;
  sessionFile: string;
  /** Where scheduled runs are kept (`dot-agent-deck schedule`). */
  schedulesFile: string;
  /** The clock schedules fire by (default: the system clock). */
  scheduleClock?: ScheduleClock;
  logFile: string;
  logger: Logger;
  /** Where to write the daemon's pid once the socket listens. */
  pidFile?: string;
  /** The socket, already listening (daemon/main.ts listens before loading the daemon); else start() listens. */
  listener?: SocketListener;
  /** Loading the pane engine (xterm, node-pty) costs more than the rest of start-up, so it may
   *  arrive as a promise: the socket listens at once, and requests wait for it. */
  factory: PaneHostFactory | Promise<PaneHostFactory>;
  /** Environment every pane starts from (the daemon's own, minus the deck's variables). */
  paneEnv: Record<string, string | undefined>;
  scrollback: number;
  /** Bytes of packed scrollback all panes share (default DEFAULT_SCROLLBACK_BUDGET_BYTES). */
  scrollbackMemoryBytes?: number;
  /** Exit after this long with neither clients nor panes (default 30 s). */
  idleExitMs?: number;
  /** How long a delivery into an agent may take before it is given up (default 90 s). */
  deliveryDeadlineMs?: number;
  /** How long a worker's agent may show nothing after its start before it is started again,
   *  once (default: its adapter's, e.g. 30 s for opencode; agent-start.ts). */
  silentStartMs?: number;
  /** Most jitter added to a usage limit's reset time before the continue line (default 60 s). */
  resumeJitterMs?: number;
  /** config.toml [notifications]: runs notify_command when a pane needs a person (#6). */
  notifications?: NotificationsSettings | null;
}

export class Daemon {
  private readonly store = new DisposableStore();
  private readonly registry: PaneRegistry;
  private readonly frames: FramePump;
  private readonly writers = new PaneWriters();
  private readonly session: SessionStore;
  private readonly orchestration: OrchestrationService;
  private readonly modes: ModeService;
  private readonly locks: LockService;
  private readonly schedules: Scheduler;
  private readonly clients = new Set<ClientSession>();
  private readonly context: DaemonContext;
  private listener: SocketListener | null = null;
  private nextClientId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private broadcastTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly startedAt = new Date();
  private resolveStopped!: () => void;
  /** Resolves once the daemon has shut down. */
  readonly stopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));

  /** Said once to the next person's client that asks (see takeNotices). */
  private notices: string[] = [];
  private factory: PaneHostFactory | null = null;
  private readonly ready: Promise<void>;

  constructor(private readonly options: DaemonOptions) {
    this.ready = Promise.resolve(options.factory).then((factory) => void (this.factory = factory));
    this.registry = this.store.add(
      new PaneRegistry({
        factory: (spawn) => {
          if (!this.factory) throw new Error('the pane engine is still loading');
          return this.factory(spawn);
        },
        socketPath: options.socketPath,
        env: options.paneEnv,
        scrollback: options.scrollback,
        scrollbackBudget: new ScrollbackBudget(options.scrollbackMemoryBytes),
        // Each pane's credential derives from this; it never leaves the daemon's memory.
        secret: randomBytes(32).toString('hex'),
      }),
    );
    this.frames = this.store.add(new FramePump(this.registry));
    this.session = new SessionStore(options.sessionFile, () => this.registry.specs(), options.logger);
    this.orchestration = this.store.add(
      new OrchestrationService({
        registry: this.registry,
        writers: this.writers,
        logger: options.logger,
        deliveryDeadlineMs: options.deliveryDeadlineMs,
        ...(options.silentStartMs !== undefined ? { silentStartMs: options.silentStartMs } : {}),
        ...(options.resumeJitterMs !== undefined ? { jitterMs: jitterUpTo(options.resumeJitterMs) } : {}),
      }),
    );
    const orchestration = this.orchestration;
    const modes = this.store.add(
      new ModeService({
        registry: this.registry,
        logger: options.logger,
        shell: options.paneEnv.SHELL || '/bin/sh',
        uniqueTab: (name) => orchestration.uniqueGroupId(name),
        deliver: (paneId, line) => orchestration.deliverToPane(paneId, line),
        typer: new ShellTyper({ registry: this.registry, writers: this.writers, clock: orchestration.clock }),
      }),
    );
    this.modes = modes;
    this.locks = this.store.add(new LockService());
    this.store.add(new LockDetails(this.locks, this.registry));
    const loadedSchedules = loadSchedules(options.schedulesFile);
    if (loadedSchedules.problem) options.logger.warn('schedules file set aside', { problem: loadedSchedules.problem });
    this.schedules = this.store.add(
      new Scheduler({
        schedules: loadedSchedules.schedules,
        save: (schedules) => saveSchedules(options.schedulesFile, schedules),
        runner: scheduleRunner(() => this.context),
        logger: options.logger,
        ...(options.scheduleClock ? { clock: options.scheduleClock } : {}),
      }),
    );
    this.context = {
      registry: this.registry,
      locks: this.locks,
      schedules: this.schedules,
      schedulesFile: { path: options.schedulesFile, problem: loadedSchedules.problem },
      frames: this.frames,
      writers: this.writers,
      orchestration: this.orchestration,
      modes,
      logger: options.logger,
      ready: this.ready,
      status: () => this.status(),
      takeNotices: () => this.takeNotices(),
      shutdown: (force) => this.requestShutdown(force),
    };
  }

  async start(): Promise<void> {
    const { socketPath, logger } = this.options;
    const listener = this.options.listener ?? (await SocketListener.listen({ socketPath, ...(this.options.pidFile ? { pidFile: this.options.pidFile } : {}) }));
    this.listener = listener;
    const server = listener.server;
    server.on('error', (error) => logger.error('socket server error', { error: errorMessage(error) }));
    listener.adopt((socket) => this.accept(socket));

    this.store.add(this.registry.onDidChange((change) => this.panesChanged(change.persist)));
    this.store.add(this.registry.onPaneOutput((paneId) => this.frames.markDirty(paneId)));
    const notifier = this.options.notifications ? this.store.add(new StatusNotifier(this.registry, this.options.notifications, logger)) : null;
    this.store.add(
      this.orchestration.onRunFinished((paneId) => {
        notifier?.finished(paneId);
        for (const client of this.clients) client.sendFinished(paneId);
      }),
    );
    await this.ready;
    this.restore();
    this.modes.restore();
    await this.orchestration.restore(DEFAULT_WORKER_RESPONSE_TIMEOUT_MINUTES * 60_000);
    this.schedules.start();
    logger.info('daemon listening', { socket: socketPath, pid: process.pid, version: VERSION });
    this.checkIdle();
  }

  status(): DaemonStatus {
    return {
      pid: process.pid,
      version: VERSION,
      protocol: PROTOCOL_VERSION,
      socket: this.options.socketPath,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - this.startedAt.getTime()) / 1000),
      panes: this.registry.size,
      runningPanes: this.registry.runningCount,
      clients: this.clients.size,
      logFile: this.options.logFile,
    };
  }

  /** The notices not yet told, and forgets them: each is said to one client, not to every `ls`. */
  takeNotices(): string[] {
    const taken = this.notices;
    this.notices = [];
    return taken;
  }

  private addNotice(text: string): void {
    // A handful at most (one per restore); the cap keeps a daemon nobody asks from collecting more.
    this.notices = [...this.notices, text].slice(-MAX_NOTICES);
  }

  /**
   * Stops the daemon. `forget` kills the panes and clears the session (the user asked to stop
   * everything); otherwise the session file keeps the panes so the next daemon restores them
   * (a signal, a reboot).
   */
  async stop(options: { forget: boolean }): Promise<void> {
    if (this.stopping) return this.stopped;
    this.stopping = true;
    const { logger } = this.options;
    logger.info('daemon stopping', { forget: options.forget, panes: this.registry.size });
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
    if (options.forget) {
      await this.registry.killAll();
      this.session.saveNow();
    } else {
      this.session.saveNow();
    }
    this.listener?.close();
    for (const client of [...this.clients]) client.dispose();
    try {
      this.store.dispose();
    } catch (error) {
      logger.error('error while disposing', { error: errorMessage(error) });
    }
    try {
      unlinkSync(this.options.socketPath);
    } catch {
      // Already gone.
    }
    logger.info('daemon stopped');
    this.resolveStopped();
  }

  private requestShutdown(force: boolean): ResponseMap['shutdown'] {
    const running = this.registry.runningCount;
    if (running > 0 && !force) {
      throw new UserError(`${running} pane${running === 1 ? ' is' : 's are'} still running; the daemon keeps them alive.`, {
        hint: 'close them first, or run `dot-agent-deck daemon stop --force` to stop every pane',
      });
    }
    const panes = this.registry.size;
    // Reply first, then stop: the client gets its answer before the socket goes away.
    setImmediate(() => void this.stop({ forget: true }));
    return { stopping: true, panes };
  }

  private restore(): void {
    const { panes: saved, notice } = this.session.load();
    if (notice) this.addNotice(notice);
    for (const pane of saved) {
      try {
        const info = this.registry.create({ ...pane, restored: true });
        this.options.logger.info('pane restored', { id: info.id, state: info.state, failure: info.failure });
      } catch (error) {
        this.options.logger.error('pane could not be restored', { id: pane.id, error: errorMessage(error) });
      }
    }
  }

  private accept(socket: Socket): void {
    if (this.stopping) {
      socket.destroy();
      return;
    }
    const session = new ClientSession(this.nextClientId++, socket, this.context, this.options.logger, (closed) => {
      this.clients.delete(closed);
      this.checkIdle();
    });
    this.clients.add(session);
    this.checkIdle();
  }

  private panesChanged(persist: boolean): void {
    if (this.stopping) return;
    if (persist) this.session.schedule();
    this.checkIdle();
    if (this.broadcastTimer) return;
    // Coalesced: a burst of changes (titles animate) reaches the TUIs as one list per interval.
    this.broadcastTimer = setTimeout(() => {
      this.broadcastTimer = null;
      if (this.stopping) return;
      const panes = this.registry.list();
      for (const client of this.clients) client.sendPanes(panes);
    }, BROADCAST_INTERVAL_MS);
  }

  private checkIdle(): void {
    if (this.stopping) return;
    // Enabled schedules keep the daemon running: nothing else would fire them.
    const idle = this.clients.size === 0 && this.registry.size === 0 && !this.schedules.hasEnabled;
    if (!idle) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      return;
    }
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.options.logger.info('no clients and no panes: exiting');
      void this.stop({ forget: false });
    }, this.options.idleExitMs ?? 30_000);
  }
}

/** A random wait of up to `maxMs`: many decks resuming at the same reset minute do not all type at once. */
function jitterUpTo(maxMs: number): () => number {
  return () => Math.floor(Math.random() * (maxMs + 1));
}
