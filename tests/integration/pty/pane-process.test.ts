// PaneProcess against real PTYs: the last output of a program that exits arrives whole and in
// order, whether the pane reads at once, is paused by flow control while the program exits, or
// the daemon's thread is busy when it does.
import { afterEach, describe, expect, it } from 'vitest';
import { PaneProcess } from '../../../src/pty/pane-process.js';

const started: PaneProcess[] = [];

afterEach(() => {
  for (const process of started.splice(0)) process.dispose();
});

/** What `seq 1 N` prints in a PTY (ONLCR turns each \n into \r\n). */
const seqOutput = (lines: number) => Array.from({ length: lines }, (_, i) => `${i + 1}\r\n`).join('');

/** Runs `seq 1 N` and collects every byte until the exit, reading the way `how` says. */
async function collect(lines: number, how: 'at once' | 'paused' | 'busy'): Promise<string> {
  const pane = PaneProcess.start(
    { file: 'seq', args: ['1', String(lines)], cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color' } },
    { cols: 80, rows: 24 },
  );
  started.push(pane);
  let output = '';
  let resumed = false;
  pane.onData((data) => {
    // Reads arrive as bytes (pty/pane-process.ts readBytes); seq prints ASCII.
    expect(data).toBeInstanceOf(Uint8Array);
    output += Buffer.from(data as Uint8Array).toString('latin1');
    // A daemon busy parsing other panes: each read is followed by 100 ms of work.
    if (how === 'busy') {
      const until = Date.now() + 100;
      while (Date.now() < until);
    }
  });
  if (how === 'paused') {
    // Flow control holds the pane until well after the program has exited (node-pty gives up
    // on the stream 200 ms after the exit).
    pane.pause();
    const watch = setInterval(() => {
      if (resumed) return;
      try {
        process.kill(pane.pid, 0);
      } catch {
        resumed = true;
        setTimeout(() => pane.resume(), 500);
      }
    }, 20);
    await pane.exited;
    clearInterval(watch);
  }
  await pane.exited;
  return output;
}

describe('PaneProcess: the tail of an exiting program', () => {
  it.each([
    { how: 'at once', lines: 3000, runs: 5 },
    { how: 'paused', lines: 100, runs: 2 },
    { how: 'paused', lines: 3000, runs: 2 },
    { how: 'busy', lines: 3000, runs: 1 },
  ] as const)('keeps every line of `seq 1 $lines` read $how ($runs runs)', async ({ how, lines, runs }) => {
    for (let run = 0; run < runs; run++) {
      const output = await collect(lines, how);
      expect(output.length, `run ${run + 1}: ${JSON.stringify(output.slice(-40))}`).toBe(seqOutput(lines).length);
      expect(output).toBe(seqOutput(lines));
    }
  });
});
