// Auto-start that cannot race (after tmux client.c): connect; if nobody listens, take the
// start lock, connect again, and only then spawn the daemon and wait for its socket. Ten
// clients starting at once end with one daemon.
import { closeSync, constants, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../common/errors.js';
import { NO_FOLLOW } from '../common/fs-no-follow.js';
import { ensurePrivateDir } from '../common/private-dir.js';
import { isProcessAlive } from '../common/process-alive.js';
import { Connection, DaemonUnavailableError, type ConnectOptions } from './connection.js';

export interface ConnectOrStartOptions extends ConnectOptions {
  lockPath: string;
  /** Starts a detached daemon process; called at most once, while holding the lock. */
  spawnDaemon: () => void;
  /** How long to wait for a daemon to come up (default 8 s). */
  startTimeoutMs?: number;
  /** Ends the wait early (a deck that reconnects is leaving); rejects with an AbortError. */
  signal?: AbortSignal;
}

/** A lock older than this was left by a starter that died; 10 s is far above a normal start. */
const STALE_LOCK_MS = 10_000;
const POLL_MS = 20;

export async function connectOrStart(options: ConnectOrStartOptions): Promise<Connection> {
  const { signal } = options;
  signal?.throwIfAborted();
  const first = await tryConnect(options);
  if (first) return first;

  ensurePrivateDir(dirname(options.socketPath));
  const deadline = Date.now() + (options.startTimeoutMs ?? 8000);
  while (Date.now() < deadline) {
    const lock = tryLock(options.lockPath);
    if (lock === 'held') {
      // Another client is starting the daemon: wait for its socket instead of starting a second.
      const connection = await tryConnect(options);
      if (connection) return connection;
      await delay(POLL_MS, signal);
      continue;
    }
    try {
      const again = await tryConnect(options);
      if (again) return again;
      options.spawnDaemon();
      while (Date.now() < deadline) {
        const connection = await tryConnect(options);
        if (connection) return connection;
        await delay(POLL_MS, signal);
      }
    } finally {
      releaseLock(options.lockPath);
    }
  }
  throw new UserError(`The dot-agent-deck daemon did not start within ${options.startTimeoutMs ?? 8000} ms.`, {
    hint: 'look at the daemon log (`dot-agent-deck daemon status` prints its path) or run `dot-agent-deck daemon run` to see it fail in the foreground',
  });
}

/** Connects if a daemon listens; null when none does. Other failures are real errors. */
export async function tryConnect(options: ConnectOptions): Promise<Connection | null> {
  try {
    return await Connection.connect(options);
  } catch (error) {
    if (error instanceof DaemonUnavailableError) return null;
    throw error;
  }
}

function tryLock(lockPath: string): 'taken' | 'held' {
  try {
    const fd = openSync(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return 'taken';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (isStale(lockPath)) {
    try {
      unlinkSync(lockPath);
    } catch {
      // Someone else cleared it first; the next round decides.
    }
  }
  return 'held';
}

function isStale(lockPath: string): boolean {
  try {
    const ageMs = Date.now() - statSync(lockPath).mtimeMs;
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (ageMs > STALE_LOCK_MS) return true;
    if (Number.isInteger(pid) && pid > 0) return !isProcessAlive(pid);
    // A lock without a pid yet is being written right now; only age makes it stale.
    return false;
  } catch {
    return false;
  }
}

function releaseLock(lockPath: string): void {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (pid === process.pid) unlinkSync(lockPath);
  } catch {
    // Already gone.
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
