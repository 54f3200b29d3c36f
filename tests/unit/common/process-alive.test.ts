import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import { waitFor } from '../../helpers/wait.js';

describe('isProcessAlive', () => {
  it('is true for this process and false for a pid that has exited and been reaped', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const { pid } = spawnSync('true');
    expect(isProcessAlive(pid!)).toBe(false);
  });

  it('is false for a zombie that its parent has not reaped yet', async () => {
    // The shell starts a child that exits at once and then never waits for it.
    const parent = spawn('sh', ['-c', 'sh -c "exit 0" & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      await waitFor('the child is a zombie', () => {
        try {
          process.kill(pid, 0);
          return !isProcessAlive(pid);
        } catch {
          return false;
        }
      });
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
