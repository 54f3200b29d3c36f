// CPU time of a pane's session from /proc: the stat line's fields after the command name (which
// may hold spaces and parentheses), summed over the session's processes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionCpuMs, sessionTicks } from '../../../src/daemon/session-cpu.js';

// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
const stat = (pid: number, comm: string, sid: number, utime: number, stime: number) =>
  `${pid} (${comm}) S 1 ${sid} ${sid} 34816 ${sid} 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 7 0 12345 0 0`;

describe('sessionTicks', () => {
  it.each([
    ['its own session', stat(10, 'opencode', 10, 30, 12), 10, 42],
    ['a name with spaces and parentheses', stat(11, 'Bun Pool (1) x', 10, 5, 5), 10, 10],
    ['another session', stat(12, 'bash', 99, 30, 12), 10, null],
  ])('%s', (_name, line, sid, expected) => {
    expect(sessionTicks(line, sid)).toBe(expected);
  });
});

describe('sessionCpuMs', () => {
  let proc: string;
  afterEach(() => rmSync(proc, { recursive: true, force: true }));

  it('sums the processes of the session (10 ms a tick), and is null when none is left', () => {
    proc = mkdtempSync(join(tmpdir(), 'proc-'));
    const add = (pid: number, line: string) => {
      mkdirSync(join(proc, String(pid)));
      writeFileSync(join(proc, String(pid), 'stat'), line);
    };
    add(10, stat(10, 'sh', 10, 1, 1));
    add(11, stat(11, 'opencode', 10, 300, 40));
    add(12, stat(12, 'other', 7, 999, 999));
    mkdirSync(join(proc, 'self'));
    expect(sessionCpuMs(10, proc)).toBe(3420);
    expect(sessionCpuMs(42, proc)).toBeNull();
    expect(sessionCpuMs(10, join(proc, 'missing'))).toBeNull();
  });
});
