// How CLI commands reach the daemon: connect, starting it on demand (tmux style).
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppendNoFollowSync } from '../common/fs-no-follow.js';
import { VERSION } from '../common/version.js';
import { daemonLogFile, daemonPidFile, lockPath, socketPath, stateDir } from '../config/paths.js';
import { connectOrStart, tryConnect } from '../protocol/connect-or-start.js';
import type { Connection } from '../protocol/connection.js';
import type { ClientKind, PaneCredential } from '../protocol/messages.js';
import { PANE_ENV } from '../pty/pane-env.js';

const BIN = fileURLToPath(new URL('../../bin/dot-agent-deck.js', import.meta.url));

export interface DaemonClientOptions {
  env: NodeJS.ProcessEnv;
  client?: ClientKind;
  /** Aborts waiting for a daemon that is starting (a deck that reconnects and is closed). */
  signal?: AbortSignal;
}

/** The credential of the pane this process runs in, if any: a deck command run by an agent
 *  presents it, so the daemon knows which pane asks (and what that pane may do). */
export function paneCredential(env: NodeJS.ProcessEnv): PaneCredential | undefined {
  const paneId = env[PANE_ENV.paneId];
  const token = env[PANE_ENV.token];
  return paneId && token ? { paneId, token } : undefined;
}

/** The remote `--remote NAME` chose for this process, if any (remote-target.ts REMOTE_ENV). */
function remoteName(env: NodeJS.ProcessEnv): string | undefined {
  return env.DOT_AGENT_DECK_REMOTE || undefined;
}

/** The same connection over ssh to the remote's `daemon bridge` (loaded only for a remote). */
async function connectToRemote(name: string, options: DaemonClientOptions, existing: boolean): Promise<Connection | null> {
  const { connectRemote, resolveRemote } = await import('./remote-target.js');
  return connectRemote(await resolveRemote({ env: options.env }, name), options.env, options.client ?? 'cli', existing);
}

/** Connects to the daemon, starting one if none runs; on the remote host with `--remote`. */
export function connectDaemon(options: DaemonClientOptions): Promise<Connection> {
  const { env } = options;
  const remote = remoteName(env);
  // Not null: without `existing` the bridge starts the daemon or the connect throws.
  if (remote) return connectToRemote(remote, options, false) as Promise<Connection>;
  const pane = paneCredential(env);
  return connectOrStart({
    socketPath: socketPath(env),
    lockPath: lockPath(env),
    client: options.client ?? 'cli',
    version: VERSION,
    ...(pane ? { pane } : {}),
    spawnDaemon: () => spawnDaemon(env),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Connects only if a daemon already runs (on a remote: `daemon bridge --existing`). */
export function connectExisting(options: DaemonClientOptions): Promise<Connection | null> {
  const remote = remoteName(options.env);
  if (remote) return connectToRemote(remote, options, true);
  const pane = paneCredential(options.env);
  return tryConnect({ socketPath: socketPath(options.env), client: options.client ?? 'cli', version: VERSION, ...(pane ? { pane } : {}) });
}

/** The pid the running daemon wrote beside its socket, if any. */
export function readDaemonPid(env: NodeJS.ProcessEnv): number | null {
  try {
    const pid = Number.parseInt(readFileSync(daemonPidFile(env), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Two malloc arenas for the daemon unless the person chose otherwise. glibc gives each thread
 * (V8's GC and compiler workers) its own arena and rarely returns their freed pages: after a
 * 20-pane flood the daemon stayed 120 MiB above what it held (bench flood-control, 1,000-line
 * scrollback: +171 MiB by default, +48 MiB with 2 arenas). The daemon keeps it out of its panes.
 */
function daemonMalloc(env: NodeJS.ProcessEnv): Record<string, string> {
  return env.MALLOC_ARENA_MAX === undefined ? { MALLOC_ARENA_MAX: '2', DOT_AGENT_DECK_SET_MALLOC_ARENA_MAX: '1' } : {};
}

/**
 * V8 options of the daemon. A young generation of 2 × 4 MiB instead of Node's 2 × 16 MiB: the
 * panes' parsing allocates fast and short-lived, so the default keeps ~30 MiB more resident for no
 * measured gain in throughput (bench memory, docs/ARCHITECTURE.md §7). DOT_AGENT_DECK_SEMI_SPACE_MB overrides it.
 */
function daemonV8Flags(env: NodeJS.ProcessEnv): string[] {
  const megabytes = Number(env.DOT_AGENT_DECK_SEMI_SPACE_MB ?? 4);
  return Number.isInteger(megabytes) && megabytes > 0 ? [`--max-semi-space-size=${megabytes}`] : [];
}

/** Starts `dot-agent-deck daemon run` detached: its own session, stdio to its log, no terminal. */
function spawnDaemon(env: NodeJS.ProcessEnv): void {
  const log = daemonLogFile(env);
  mkdirSync(stateDir(env), { recursive: true, mode: 0o700 });
  mkdirSync(dirname(log), { recursive: true, mode: 0o700 });
  const fd = openAppendNoFollowSync(log, 0o600);
  try {
    const child = spawn(process.execPath, [...daemonV8Flags(env), BIN, 'daemon', 'run'], {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: { ...env, DOT_AGENT_DECK_DAEMON: '1', ...daemonMalloc(env) },
      cwd: '/',
    });
    child.unref();
  } finally {
    closeSync(fd);
  }
}
