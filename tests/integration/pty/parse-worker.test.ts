// The parse worker (pty/parse-worker.ts) against the in-thread parser, with real PTYs: the same
// program's output gives the same screen, history, modes and title cell for cell; the program's
// query answers come back in order; resize and respawn work from the daemon's thread.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaneSession } from '../../../src/pty/pane-session.js';
import { waitForPane } from '../../helpers/pane.js';

let home: string;
const sessions: PaneSession[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'deck-parse-worker-'));
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  rmSync(home, { recursive: true, force: true });
});

function spawnPane(command: string, parseWorker: boolean): PaneSession {
  const session = PaneSession.spawn({
    paneId: parseWorker ? 'worker' : 'thread',
    agentId: 'agent-1',
    command,
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, TMPDIR: home, SHELL: '/bin/sh' },
    socketPath: join(home, 'deck.sock'),
    cols: 60,
    rows: 8,
    scrollback: 1000,
    parseWorker,
  });
  sessions.push(session);
  return session;
}

/** 400 lines of colours, wide characters, a combining mark and an underline style, then a title and modes. */
function writeLog(): string {
  const parts: string[] = [];
  for (let i = 0; i < 400; i++)
    parts.push(`\x1b[3${i % 8}m${String(i).padStart(4, '0')}\x1b[0m 漢字 e\u0301 \x1b[4:3mcurly\x1b[0m \x1b[48;5;${i % 256}mbg\x1b[K\x1b[0m`);
  const file = join(home, 'log.txt');
  writeFileSync(file, `${parts.join('\n')}\n\x1b]0;the title\x07\x1b[?2004hend\n`);
  return file;
}

/**
 * Runs `body` in a child node (flags `nodeArgs`) against the build: `pane` is a worker-parsed
 * pane running `command`, and `body` starts once its screen shows `ready`.
 */
function withWorkerPane(command: string, ready: string, body: string[], nodeArgs: string[]) {
  const dist = (path: string) => JSON.stringify(new URL(`../../../dist/pty/${path}`, import.meta.url).href);
  const script = [
    `import { PaneSession } from ${dist('pane-session.js')};`,
    `import { onParseWorkerFailure, sharedParseWorker } from ${dist('parse-worker-client.js')};`,
    `const pane = PaneSession.spawn({ paneId: 'p', agentId: 'a', command: ${JSON.stringify(command)}, cwd: ${JSON.stringify(home)},`,
    `  env: { PATH: process.env.PATH }, socketPath: ${JSON.stringify(join(home, 'deck.sock'))}, cols: 60, rows: 8, parseWorker: true });`,
    `while (!pane.text().includes(${JSON.stringify(ready)})) await new Promise((resolve) => setTimeout(resolve, 20));`,
    ...body,
  ].join('\n');
  return spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
}

describe('parse worker', () => {
  it('shows the same screen, history, modes and title as the in-thread parser', async () => {
    const file = writeLog();
    // The program stays: node-pty drops unread output of a program that exited (the lead's fix).
    const [worker, thread] = [true, false].map((inWorker) => spawnPane(`cat ${file}; exec sleep 600`, inWorker));
    for (const pane of [worker!, thread!]) await waitForPane(pane, `${pane.paneId} printed the log`, (rows) => rows.includes('end'));
    expect(worker!.text({ scrollback: 1000 })).toEqual(thread!.text({ scrollback: 1000 }));
    expect(worker!.text({ scrollback: 1000 })).toContain('0000 漢字 e\u0301 curly bg');
    for (const scrollOffset of [0, 100, 392]) expect(worker!.frame({ scrollOffset })).toEqual(thread!.frame({ scrollOffset }));
    expect(worker!.title).toBe('the title');
    expect(worker!.modes).toEqual(thread!.modes);
    expect(worker!.modes.bracketedPaste).toBe(true);
  });

  it("answers a program's queries in order, and resizes and respawns from the daemon's thread", async () => {
    // DA1 then DSR (cursor position): the program reads both answers back and prints them.
    const query = `bash --norc --noprofile -c 'stty -echo raw; printf "\\033[c\\033[6n"; IFS= read -rsd R answer; stty sane; printf "%q\\n" "$answer"; exec sleep 600'`;
    const pane = spawnPane(query, true);
    const [row] = await waitForPane(pane, 'the program printed both answers', (rows) => rows.some((r) => r.includes('[?1;2c')));
    expect(row).toBe("$'\\E[?1;2c\\E[1;1'");
    pane.resize(40, 5);
    expect([pane.cols, pane.rows]).toEqual([40, 5]);
    expect(pane.frame().lines).toHaveLength(5);
    await pane.respawn('echo second program', 'agent-2');
    await waitForPane(pane, 'the new program printed', (rows) => rows[0] === 'second program');
    expect(pane.title).toBe('');
  });

  it('keeps a process whose last pane exits alive until that pane is parsed and reports its exit', async () => {
    // A process with nothing but one exiting pane: the worker is unref'd while idle, so only the
    // writes still unparsed keep the event loop alive until the exit arrives.
    const script = [
      `import { PaneSession } from ${JSON.stringify(new URL('../../../dist/pty/pane-session.js', import.meta.url).href)};`,
      `const pane = PaneSession.spawn({ paneId: 'p', agentId: 'a', command: 'seq 1 20000', cwd: ${JSON.stringify(home)},`,
      `  env: { PATH: process.env.PATH }, socketPath: ${JSON.stringify(join(home, 'deck.sock'))}, cols: 60, rows: 8, parseWorker: true });`,
      'pane.onExit((exit) => { process.stdout.write(`exit ${exit.exitCode} ${pane.text().filter(Boolean).at(-1)}\\n`); pane.dispose(); });',
    ].join('\n');
    const file = join(home, 'last-pane.mjs');
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({ status: 0, stdout: 'exit 0 20000\n', stderr: '' });
  });

  it("keeps the worker's young generation at 2 × 1 MiB under the daemon's --max-semi-space-size=4", () => {
    // The daemon runs with --max-semi-space-size=4, and that flag overrides a worker's
    // resourceLimits: the worker's nursery grew to 2 × 4 MiB during a flood and stayed resident.
    const child = withWorkerPane(
      'seq 1 200000; echo FLOODED; exec sleep 600',
      'FLOODED',
      ['process.stdout.write(`${sharedParseWorker().newSpaceBytes() / 1048576}\\n`);', 'pane.dispose();', 'process.exit(0);'],
      ['--max-semi-space-size=4'],
    );
    expect({ status: child.status, stderr: child.stderr }).toEqual({ status: 0, stderr: '' });
    expect(Number(child.stdout)).toBeGreaterThan(0);
    expect(Number(child.stdout)).toBeLessThanOrEqual(2);
  });

  it('moves the screens of a failed worker to a new one, where output shows again and new panes work', () => {
    // The worker crashes on a malformed message. Its pane's screen starts again, blank, in a new
    // worker: the output after the crash is on it, and a pane opened afterwards works too.
    const child = withWorkerPane(
      'echo ready; read go; seq 1 50000; exec sleep 600',
      'ready',
      [
        'const events = [];',
        'onParseWorkerFailure((event) => events.push(`${event.restarted}:${event.panes}`));',
        'const first = sharedParseWorker();',
        "first.send({ t: 'create', id: 999, setup: null });",
        'while (first.failure === undefined) await new Promise((resolve) => setTimeout(resolve, 20));',
        "pane.write('go\\r');",
        'while (!pane.text().includes("50000")) await new Promise((resolve) => setTimeout(resolve, 20));',
        `const other = PaneSession.spawn({ paneId: 'q', agentId: 'b', command: 'echo second; exec sleep 600', cwd: ${JSON.stringify(home)},`,
        `  env: { PATH: process.env.PATH }, socketPath: ${JSON.stringify(join(home, 'deck.sock'))}, cols: 60, rows: 8, parseWorker: true });`,
        'while (!other.text().includes("second")) await new Promise((resolve) => setTimeout(resolve, 20));',
        'process.stdout.write(`${events.join(" ")} ${sharedParseWorker() !== first} ${pane.text().includes("ready")}\\n`);',
        'pane.dispose();',
        'other.dispose();',
        'process.exit(0);',
      ],
      [],
    );
    // One failure, one restart of the one pane; the old screen ("ready") is gone with the old worker.
    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({ status: 0, stdout: 'true:1 true false\n', stderr: '' });
  });

  it('gives a worker that keeps failing up: its panes stop, and their screens say why they are gone (under node --input-type=module)', () => {
    // Three restarts within ten minutes, then the fourth failure stays: the pane's program must
    // still be stoppable (its unparsed writes are given up) and reading its screen names the
    // failure. Run with --input-type=module: a worker that inherited that flag did not start.
    const child = withWorkerPane(
      'echo ready; read go; seq 1 50000; exec sleep 600',
      'ready',
      [
        'const events = [];',
        'onParseWorkerFailure((event) => events.push(event.restarted));',
        'for (let crash = 0; crash < 4; crash++) {',
        '  const worker = sharedParseWorker();',
        "  worker.send({ t: 'create', id: 999, setup: null });",
        '  while (worker.failure === undefined) await new Promise((resolve) => setTimeout(resolve, 20));',
        '}',
        // Output after the failure, more than flow control lets wait unparsed (512 KB).
        "pane.write('go\\r');",
        'await new Promise((resolve) => setTimeout(resolve, 500));',
        'const exit = await pane.stop({ graceMs: 100 });',
        'let error = "";',
        'try { pane.text(); } catch (e) { error = e.message.split(":")[0]; }',
        'process.stdout.write(`${events.join(" ")} ${exit.signal} ${error}\\n`);',
        'pane.dispose();',
      ],
      [],
    );
    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({
      status: 0,
      stdout: "true true true false SIGHUP The pane's screen is gone\n",
      stderr: '',
    });
  });
});
