// How much CPU a pane's programs have used: the pane's process leads its own session (forkpty),
// so every process of the session counts. Read from /proc (Linux); null where it cannot be read.
// Tells a starting agent that is busy (slow on a loaded machine) from one that sits idle.
import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of one /proc/PID/stat line, in clock ticks, if its session is `sid`. */
export function sessionTicks(stat: string, sid: number): number | null {
  // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state(3) ppid(4) pgrp(5) session(6) … utime(14) stime(15), 1-based.
  if (Number(fields[3]) !== sid) return null;
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : null;
}

/** CPU milliseconds used by the live processes of session `sid`, or null when /proc is unreadable. */
export function sessionCpuMs(sid: number, proc = '/proc'): number | null {
  let names: string[];
  try {
    names = readdirSync(proc);
  } catch {
    return null;
  }
  let ticks = 0;
  let found = false;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`${proc}/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const own = sessionTicks(stat, sid);
    if (own === null) continue;
    ticks += own;
    found = true;
  }
  // 100 ticks a second on Linux (USER_HZ).
  return found ? ticks * 10 : null;
}
