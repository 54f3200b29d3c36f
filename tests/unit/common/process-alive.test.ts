import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';

function state(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

describe('isProcessAlive', () => {
  it('is true for this process and false for a pid that has exited and been reaped', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const { pid } = spawnSync('true');
    expect(isProcessAlive(pid!)).toBe(false);
  });

  it('is false for a zombie that its parent has not reaped yet', () => {
    // Our own child: node reaps it on a later turn of the event loop, so while this test blocks
    // the loop the exited child stays a zombie, however loaded the machine is.
    const child = spawn('true', { stdio: 'ignore' });
    const pid = child.pid!;
    const deadline = Date.now() + 10_000;
    while (state(pid) !== 'Z' && Date.now() < deadline) {
      // Busy-wait on purpose: yielding would let node reap the child.
    }
    expect(state(pid)).toBe('Z');
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(isProcessAlive(pid)).toBe(false);
  });
});
