// Issue 11, the items about the daemon's own files, against the real daemon: symlinks planted at
// the names it writes in its runtime and state dirs (4), and a session file that cannot be read
// after a crash (8).
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { waitFor } from '../../helpers/wait.js';

describe("hardening: the daemon's files (issue 11)", () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  const savedIds = () => {
    try {
      return (JSON.parse(readFileSync(join(h.deck.stateDir, 'session.json'), 'utf8')) as { panes: Array<{ id: string }> }).panes.map((pane) => pane.id);
    } catch {
      return null;
    }
  };
  const crashDaemon = async () => {
    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL'); // the daemon this test started
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
  };

  it('item 4: never writes through a symlink planted at the pid file, the log, the session file or the pane launcher', async () => {
    const victim = join(h.deck.root, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const planted = [
      join(h.deck.runtimeDir, 'daemon.sock.pid'),
      join(h.deck.stateDir, 'daemon.log'),
      join(h.deck.stateDir, 'session.json'),
      join(h.deck.runtimeDir, 'bin', 'dot-agent-deck'),
    ];
    mkdirSync(join(h.deck.runtimeDir, 'bin'), { mode: 0o700 });
    for (const name of planted) symlinkSync(victim, name);
    // A link to a file that does not exist yet must not create it either.
    const ghost = join(h.deck.root, 'created-through-a-link');
    symlinkSync(ghost, join(h.deck.stateDir, 'session.json.prev'));

    await h.ok(['new', '--', 'bash', '--norc', '--noprofile']); // starts the daemon; a pane makes it save its session
    await waitFor('the session file lists the pane', () => savedIds()?.length === 1);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(() => lstatSync(ghost)).toThrow(/ENOENT/);
    for (const name of planted) expect(lstatSync(name).isSymbolicLink(), name).toBe(false);
    expect(readFileSync(join(h.deck.runtimeDir, 'daemon.sock.pid'), 'utf8')).toBe(String(h.daemonPid()));
    expect(readFileSync(join(h.deck.stateDir, 'daemon.log'), 'utf8')).toMatch(/daemon listening/);
    expect(readFileSync(join(h.deck.runtimeDir, 'bin', 'dot-agent-deck'), 'utf8')).toMatch(/^#!\/bin\/sh\n/);
  }, 30_000);

  it('item 8: a truncated session.json is restored from the previous generation, kept aside, and the next client told once', async () => {
    const first = JSON.parse(await h.ok(['new', '--json', '--', 'bash', '--norc', '--noprofile'])) as { id: string };
    await waitFor('the first generation is saved', () => savedIds()?.join() === first.id);
    const second = JSON.parse(await h.ok(['new', '--json', '--', 'bash', '--norc', '--noprofile'])) as { id: string };
    await waitFor('the second generation is saved', () => savedIds()?.length === 2);
    await crashDaemon();
    // A disk that filled up mid-write (or any tool that truncated it).
    const file = join(h.deck.stateDir, 'session.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));

    const ls = await h.cli(['ls']);
    expect(ls.code).toBe(0);
    const kept = readdirSync(h.deck.stateDir).filter((name) => name.startsWith('session.json.broken-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(h.deck.stateDir, kept[0]!), 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
    expect(ls.stderr).toBe(
      `warning: Restored 1 pane from the previous session file; the newest was unreadable and kept as ${join(h.deck.stateDir, kept[0]!)} (not valid JSON: ${jsonError(text.slice(0, Math.floor(text.length / 2)))}).\n`,
    );
    expect(ls.stdout).toMatch(new RegExp(`^${first.id} .*running \\(restored\\)`, 'm'));
    expect(ls.stdout).not.toMatch(new RegExp(`^${second.id} `, 'm'));
    // Once: the next client hears nothing more.
    expect((await h.cli(['ls'])).stderr).toBe('');
    expect(JSON.parse(await h.ok(['daemon', 'status', '--json'])).notices).toEqual([]);
  }, 30_000);

  it('item 8: daemon status tells the notice when it is the first to ask, and says so when nothing could be restored', async () => {
    await h.ok(['new', '--', 'bash', '--norc', '--noprofile']);
    await waitFor('a session is saved', () => savedIds()?.length === 1);
    await crashDaemon();
    writeFileSync(join(h.deck.stateDir, 'session.json'), '');
    rmSync(join(h.deck.stateDir, 'session.json.prev'), { force: true });
    const restarted = await h.cli(['daemon', 'restart']);
    expect(restarted.code).toBe(0);
    expect(restarted.stderr).toMatch(
      /^warning: No panes were restored: the session file was unreadable and kept as \S+session\.json\.broken-\S+ \(it is empty\), and there is no previous session file\.\n$/,
    );
    expect((await h.cli(['daemon', 'status'])).stderr).toBe('');
  }, 30_000);
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
