// The link's file and process helpers, on temporary files and a child process of our own.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionPaneNames } from '../../../../src/tui/link/session-panes.js';
import { stopDaemonByPidFile } from '../../../../src/tui/link/stop-daemon.js';
import { isProcessGone } from '../../../helpers/process.js';

const roots: string[] = [];
const dir = () => {
  const root = mkdtempSync(join(tmpdir(), 'dad-link-'));
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('sessionPaneNames', () => {
  it.each<[string, string | null, string[] | null]>([
    ['no file: no saved panes', null, []],
    [
      "the names of this version's file",
      JSON.stringify({
        version: 1,
        savedAt: 'x',
        panes: [
          { id: 'p1', name: 'alpha', command: 'bash', cwd: '/', tab: null, role: null },
          { id: 'p2', name: 'beta' },
        ],
      }),
      ['alpha', 'beta'],
    ],
    ["another version's file with names", JSON.stringify({ version: 7, panes: [{ name: 'alpha', layout: 'x' }] }), ['alpha']],
    ['an empty session', JSON.stringify({ version: 1, savedAt: 'x', panes: [] }), []],
    ['a file it cannot read', '{"panes": [', null],
    ['panes without names', JSON.stringify({ panes: [{ id: 'p1' }] }), null],
  ])('%s', (_name, content, expected) => {
    const file = join(dir(), 'session.json');
    if (content !== null) writeFileSync(file, content);
    expect(sessionPaneNames(file)).toEqual(expected);
  });
});

describe('stopDaemonByPidFile', () => {
  it('stops the process the pid file names with SIGTERM and waits until it is gone', async () => {
    // A stand-in for a daemon: exits on SIGTERM after a moment, as the daemon does after saving.
    const child = spawn(
      process.execPath,
      ['-e', "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 50)); setInterval(() => {}, 1000); console.log('up')"],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    await new Promise((resolve) => child.stdout.once('data', resolve));
    const pidFile = join(dir(), 'daemon.sock.pid');
    writeFileSync(pidFile, String(child.pid));
    await expect(stopDaemonByPidFile(pidFile)).resolves.toBe(child.pid);
    expect(isProcessGone(child.pid!)).toBe(true);
  });

  it('says what to do when a process does not exit', async () => {
    const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('up')"], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      const pidFile = join(dir(), 'daemon.sock.pid');
      writeFileSync(pidFile, String(child.pid));
      await expect(stopDaemonByPidFile(pidFile, 200)).rejects.toMatchObject({
        message: `The daemon (pid ${child.pid}) did not exit within 0.2 s.`,
        hint: `kill it with \`kill ${child.pid}\``,
      });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each([
    ['no pid file', null],
    ['a pid file without a pid', 'garbage'],
  ])('refuses with %s', async (_name, content) => {
    const pidFile = join(dir(), 'daemon.sock.pid');
    if (content !== null) writeFileSync(pidFile, content);
    await expect(stopDaemonByPidFile(pidFile)).rejects.toThrow(/left no pid file/);
  });
});
