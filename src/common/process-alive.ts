// Whether a pid names a live process. kill(pid, 0) alone also succeeds for a zombie (exited, not
// yet reaped), which a parent that is busy or gone may leave for a long time; on Linux we read
// the state from /proc to tell the two apart.
import { readFileSync } from 'node:fs';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state letter follows the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (macOS): kill(0) is all we have.
    return true;
  }
}
