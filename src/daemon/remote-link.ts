// One orchestration group's connection to the daemon on a remote host: the system `ssh` running
// `dot-agent-deck daemon bridge` there (protocol/ssh-stream.ts), opened when the tab opens, held
// while it is open, reconnected with bounded backoff when it drops, closed with the tab. The
// remote is read from config.toml at every connect, so a `remote add` fixes the next try.
import { Emitter } from '../common/event.js';
import type { Disposable } from '../common/disposable.js';
import { UserError, errorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { VERSION } from '../common/version.js';
import { loadGlobalConfig } from '../config/global-config.js';
import type { Remote } from '../config/remote-config.js';
import { Connection, isDaemonRefusal } from '../protocol/connection.js';
import { SshStream } from '../protocol/ssh-stream.js';

/** ssh's own ConnectTimeout is 15 s; a Node start and maybe a daemon start on the far side follow. */
const CONNECT_TIMEOUT_MS = 30_000;
/** Reconnection waits: a dropped link is retried six times over about a minute, then not again
 *  until the next delivery asks. */
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16_000, 30_000];

export class RemoteLink implements Disposable {
  private current: Connection | null = null;
  private pending: Promise<Connection> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private disposed = false;
  private readonly upEmitter = new Emitter<Connection>();
  /** A new connection (the first, or one after a drop): hosted roles are taken back on it. */
  readonly onUp = this.upEmitter.event;
  /** The remote as config.toml said at the last connect. */
  remote: Remote | null = null;

  constructor(
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {}

  get connection(): Connection | null {
    return this.current && !this.current.isClosed ? this.current : null;
  }

  /** The live connection, or a new one (one attempt, bounded); throws a sentence on failure. */
  connect(): Promise<Connection> {
    const live = this.connection;
    if (live) return Promise.resolve(live);
    if (this.disposed) return Promise.reject(new UserError(`The tab was closed; remote "${this.name}" is no longer connected.`));
    this.pending ??= this.open()
      .catch((error: unknown) => {
        this.retry();
        throw error;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.current?.dispose();
    this.current = null;
    this.upEmitter.dispose();
  }

  private async open(): Promise<Connection> {
    const remote = await this.lookup();
    const connection = await Connection.connect({
      socketPath: `ssh:${this.name}`,
      open: () =>
        new SshStream({
          target: {
            name: remote.name,
            host: remote.host,
            user: remote.user,
            port: remote.port,
            identity: remote.identity,
            deck: remote.deck,
            configFile: this.env.DOT_AGENT_DECK_SSH_CONFIG || undefined,
          },
          words: ['daemon', 'bridge'],
          // The deck's own variables describe this host; ssh gets the person's (agent, config).
          env: Object.fromEntries(Object.entries(this.env).filter(([key]) => !key.startsWith('DOT_AGENT_DECK_'))),
          version: VERSION,
        }),
      client: 'cli',
      version: VERSION,
      timeoutMs: CONNECT_TIMEOUT_MS,
    }).catch((error: unknown) => {
      if (isDaemonRefusal(error)) {
        throw new UserError(
          `the deck on remote "${this.name}" speaks another protocol than this one (${VERSION}): run \`dot-agent-deck remote upgrade ${this.name}\``,
        );
      }
      throw new UserError(`remote "${this.name}" cannot be reached: ${errorMessage(error)}`);
    });
    if (this.disposed) {
      connection.dispose();
      throw new UserError(`The tab was closed; remote "${this.name}" is no longer connected.`);
    }
    this.current = connection;
    this.attempt = 0;
    connection.onClose(() => {
      if (this.current === connection) this.current = null;
      this.logger.warn('the link to a remote host dropped', { remote: this.name });
      this.retry();
    });
    this.upEmitter.fire(connection);
    return connection;
  }

  private retry(): void {
    if (this.disposed || this.retryTimer || this.attempt >= BACKOFF_MS.length) return;
    const wait = BACKOFF_MS[this.attempt++]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // A failure schedules the next wait itself (connect), until the waits are used up.
      this.connect().catch((error: unknown) => this.logger.warn('could not reconnect to a remote host', { remote: this.name, error: errorMessage(error) }));
    }, wait);
    this.retryTimer.unref();
  }

  private async lookup(): Promise<Remote> {
    const loaded = await loadGlobalConfig(this.env);
    if (!loaded.config) throw new UserError(`${loaded.file} has errors, so remote "${this.name}" is unknown.`);
    const found = loaded.config.remotes[this.name];
    if (!found) throw new UserError(`No remote named "${this.name}" in ${loaded.file}; add it with \`dot-agent-deck remote add ${this.name} HOST\`.`);
    this.remote = { name: this.name, ...found };
    return this.remote;
  }
}
