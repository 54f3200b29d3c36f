// The daemon process's top level: logging, the pid file, signals, and last-resort error
// handling. It never writes to a terminal; everything goes to the log file. It listens before it
// loads the daemon itself (handlers, schemas, services: most of the bundle), so a client's
// connect succeeds at once and its handshake is answered as soon as the daemon has loaded.
import { readFileSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorMessage } from '../common/errors.js';
import { createFileLogger, type Logger } from '../common/logger.js';
import { traceStartup } from '../common/startup-trace.js';
import { daemonLogFile, daemonPidFile as pidFile, sessionFile, schedulesFile, socketPath, type Env } from '../config/paths.js';
import { installCliLauncher, prependPath } from './cli-launcher.js';
import type { Daemon } from './server.js';
import { SocketListener } from './socket-listener.js';

// Every module above has run: the daemon bundle's entry is loaded (DOT_AGENT_DECK_TRACE_STARTUP).
traceStartup('daemon-loaded');

/** Variables that describe *a* pane (or trace this daemon's start); the daemon's own copies must not leak into new panes. */
const PANE_VARIABLES = ['DOT_AGENT_DECK_PANE_ID', 'DOT_AGENT_DECK_AGENT_ID', 'DOT_AGENT_DECK_TRACE_STARTUP'];

export interface RunDaemonOptions {
  env: Env;
  /** Lines of scrollback per pane; default: `scrollback_lines` from config.toml. */
  scrollback?: number;
}

export async function runDaemon(options: RunDaemonOptions): Promise<number> {
  const { env } = options;
  const logFile = daemonLogFile(env);
  const logger = createFileLogger(logFile, { level: env.DOT_AGENT_DECK_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
  installLastResortHandlers(logger);

  const listener = await SocketListener.listen({ socketPath: socketPath(env), pidFile: pidFile(env) });
  traceStartup('daemon-listening');
  let daemon: Daemon;
  try {
    // Loaded beside the config read: the pane engine (its own chunk) keeps loading after this.
    const [{ Daemon: DaemonClass }, configured, { loadNotificationsSettings }] = await Promise.all([
      import('./server.js'),
      configuredScrollback(env, logger),
      import('./status-notify.js'),
    ]);
    traceStartup('daemon-config');
    const paneEnv: Record<string, string | undefined> = { ...env };
    for (const name of PANE_VARIABLES) delete paneEnv[name];
    // Set for the daemon's own memory by the CLI that started it (cli/daemon-client.ts), not by the
    // person: the panes' programs get the environment they would have had.
    if (paneEnv.DOT_AGENT_DECK_SET_MALLOC_ARENA_MAX === '1') delete paneEnv.MALLOC_ARENA_MAX;
    delete paneEnv.DOT_AGENT_DECK_SET_MALLOC_ARENA_MAX;
    paneEnv.PATH = prependPath(installCliLauncher(dirname(socketPath(env))), paneEnv.PATH);

    const idle = Number.parseInt(env.DOT_AGENT_DECK_IDLE_EXIT_MS ?? '', 10);
    const deliveryDeadline = Number.parseInt(env.DOT_AGENT_DECK_DELIVERY_DEADLINE_MS ?? '', 10);
    const resumeJitter = Number.parseInt(env.DOT_AGENT_DECK_RESUME_JITTER_MS ?? '', 10);
    const silentStart = Number.parseInt(env.DOT_AGENT_DECK_SILENT_START_MS ?? '', 10);
    daemon = new DaemonClass({
      socketPath: socketPath(env),
      listener,
      sessionFile: sessionFile(env),
      schedulesFile: schedulesFile(env),
      pidFile: pidFile(env),
      logFile,
      logger,
      factory: import('../pty/pane-session.js').then(({ PaneSession, onParseWorkerFailure }) => {
        // Only with the opt-in parse worker (DOT_AGENT_DECK_PARSE_WORKER=1).
        onParseWorkerFailure(({ reason, restarted, panes }) =>
          logger.error(
            restarted
              ? 'parse worker failed; its panes show their output from now on, in a new one'
              : 'parse worker failed again; its panes have no screen until the daemon restarts',
            { reason, panes },
          ),
        );
        return (spawn) => PaneSession.spawn(spawn);
      }),
      paneEnv,
      scrollback: options.scrollback ?? configured.lines,
      scrollbackMemoryBytes: configured.memoryMiB * 1024 * 1024,
      notifications: await loadNotificationsSettings(env, logger),
      ...(Number.isInteger(idle) && idle > 0 ? { idleExitMs: idle } : {}),
      ...(Number.isInteger(deliveryDeadline) && deliveryDeadline > 0 ? { deliveryDeadlineMs: deliveryDeadline } : {}),
      ...(Number.isInteger(resumeJitter) && resumeJitter >= 0 ? { resumeJitterMs: resumeJitter } : {}),
      ...(Number.isInteger(silentStart) && silentStart > 0 ? { silentStartMs: silentStart } : {}),
    });
    await daemon.start();
  } catch (error) {
    // Nothing half-started stays behind: no socket that accepts and never answers.
    listener.close();
    removeOwnPidFile(env);
    throw error;
  }
  traceStartup('daemon-restored');

  // TERM/INT/HUP (logout, reboot, `daemon restart`): keep the session so panes come back.
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info('signal received', { signal });
    void daemon.stop({ forget: false });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('SIGHUP', onSignal);

  await daemon.stopped;
  removeOwnPidFile(env);
  return 0;
}

function removeOwnPidFile(env: Env): void {
  try {
    if (readFileSync(pidFile(env), 'utf8') === String(process.pid)) unlinkSync(pidFile(env));
  } catch {
    // Already gone.
  }
}

/** A broken config.toml must not stop the daemon: it is logged and the default applies. */
async function configuredScrollback(env: Env, logger: Logger): Promise<{ lines: number; memoryMiB: number }> {
  // Loaded after the socket listens: the config schemas are a good part of the bundle.
  const { DEFAULT_SCROLLBACK_LINES, DEFAULT_SCROLLBACK_MEMORY_MIB, loadGlobalConfig } = await import('../config/global-config.js');
  try {
    const loaded = await loadGlobalConfig(env);
    if (loaded.config) return { lines: loaded.config.scrollback_lines, memoryMiB: loaded.config.scrollback_memory_mib };
    logger.warn('config.toml has errors; using the default scrollback', { file: loaded.file, errors: loaded.errors.map((issue) => issue.message) });
  } catch (error) {
    logger.warn('config.toml unreadable; using the default scrollback', { error: errorMessage(error) });
  }
  return { lines: DEFAULT_SCROLLBACK_LINES, memoryMiB: DEFAULT_SCROLLBACK_MEMORY_MIB };
}

/** A bug in one handler must not take every agent down with it: log and keep serving. */
function installLastResortHandlers(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', { error: errorMessage(error), stack: error.stack });
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', { error: errorMessage(reason), stack: (reason as Error)?.stack });
  });
}
