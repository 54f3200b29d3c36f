// Signals for a pane's process group: sending them (tolerating a group that is already gone) and
// naming them. It never looks processes up by name; callers pass the pids they started.
import { constants } from 'node:os';

/** The pane's child is a session leader (node-pty's forkpty calls setsid), so its pgid is its pid. */
function assertGroupId(pgid: number): void {
  // kill(-1) signals every process we may signal and kill(-0) our own group: never let a bad pid
  // turn into either.
  if (!Number.isInteger(pgid) || pgid <= 1) throw new RangeError(`Not a process group id: ${pgid}`);
}

function isNoSuchProcess(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ESRCH';
}

/**
 * Sends `signal` to every process in group `pgid`. Returns false when the group no longer exists
 * (ESRCH); any other failure (EPERM) is a real error and is thrown.
 */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  assertGroupId(pgid);
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if (isNoSuchProcess(error)) return false;
    throw error;
  }
}

/** Sends `signal` to the single process `pid`; false when it no longer exists (ESRCH). */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  assertGroupId(pid);
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if (isNoSuchProcess(error)) return false;
    throw error;
  }
}

/**
 * Whether any process is still in group `pgid`. A zombie still counts: it keeps the id reserved,
 * so signalling the group cannot reach a stranger that reused the number.
 */
export function processGroupExists(pgid: number): boolean {
  assertGroupId(pgid);
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM means the group exists but is not ours to signal.
    return !isNoSuchProcess(error);
  }
}

const SIGNAL_NAMES = new Map<number, string>(Object.entries(constants.signals).map(([name, number]) => [number, name]));

/** 15 → 'SIGTERM'. node-pty reports signals as numbers; people and logs want names. */
export function signalName(signal: number): string {
  return SIGNAL_NAMES.get(signal) ?? `SIG${signal}`;
}
