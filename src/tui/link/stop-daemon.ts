// Stops a daemon the deck cannot talk to (it refuses this version's handshake), the way
// `daemon restart` does: by the pid it wrote beside its socket, with SIGTERM, which makes it save
// the session and exit without forgetting its panes, so the next daemon restores them.
import { readFileSync } from 'node:fs';
import { UserError } from '../../common/errors.js';
import { isProcessAlive } from '../../common/process-alive.js';

/** A daemon saving its session and stopping its panes is done in well under a second; 10 s is the same bound as `daemon stop`. */
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 25;

/** Sends SIGTERM to the daemon named by `pidFile` and waits until it is gone; answers its pid. */
export async function stopDaemonByPidFile(pidFile: string, timeoutMs = STOP_TIMEOUT_MS): Promise<number> {
  const pid = readPid(pidFile);
  if (pid === null) {
    throw new UserError(`The running daemon left no pid file at ${pidFile}, so the deck cannot stop it.`, {
      hint: 'stop it from a shell: `dot-agent-deck daemon restart` (with the version that started it, if this one cannot)',
    });
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM')
      throw new UserError(`Not allowed to stop the daemon (pid ${pid}).`, { hint: `it belongs to another user; stop it as that user` });
    // ESRCH: already gone.
  }
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline)
      throw new UserError(`The daemon (pid ${pid}) did not exit within ${timeoutMs / 1000} s.`, { hint: `kill it with \`kill ${pid}\`` });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return pid;
}

function readPid(pidFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}
