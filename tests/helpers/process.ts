// Process checks for tests, by pid only (never by name).
import { readFileSync } from 'node:fs';

/**
 * Whether `pid` is gone or a zombie. A killed orphan is reparented to pid 1, and a container's
 * pid 1 may never reap it (measured in this sandbox), so a zombie counts as gone.
 */
export function isProcessGone(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    try {
      process.kill(pid, 0);
      return false; // no /proc (not Linux) but the process exists
    } catch {
      return true;
    }
  }
  // "pid (comm) S ...": the state follows the last ')' (comm may contain spaces or parens).
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}
