// The daemon with real PTYs, driven through the built CLI and the protocol, as users and the TUI do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaneFrame } from '../../../src/protocol/pane-types.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import { waitFor } from '../../helpers/wait.js';

const BASH = 'bash --norc --noprofile';

describe('daemon panes', () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness({ PS1: '$ ' });
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('starts the daemon on demand, runs bash in a pane, types into it and reads the screen', async () => {
    const id = (await h.ok(['new', '--name', 'shell', '--tab', 'work', '-p', h.deck.home, '--', ...BASH.split(' ')])).trim();
    expect(id).toMatch(/^p\d+$/);
    const [pane] = await h.panes();
    expect(pane).toMatchObject({ id, name: 'shell', tab: 'work', state: 'running', cwd: h.deck.home, restored: false });
    expect(pane!.pid).toBeGreaterThan(0);

    await h.ok(['send', 'shell', 'echo "deck says $((6*7))"']);
    const screen = await h.waitForScreen(id, 'the echo appears', /^deck says 42$/m);
    expect(screen).toContain('echo "deck says $((6*7))"');

    expect(await h.ok(['send', id, 'echo "$DOT_AGENT_DECK_PANE_ID:$DOT_AGENT_DECK_SOCKET:$TERM"'])).toBe('');
    await h.waitForScreen(id, 'the pane sees its deck variables', new RegExp(`^${id}:${h.deck.socket}:xterm-256color$`, 'm'));
    // Agents call the deck's own CLI, whatever is (or is not) installed globally.
    await h.ok(['send', id, 'echo "cli=$(command -v dot-agent-deck) $(dot-agent-deck --version)"']);
    await h.waitForScreen(id, "the pane runs the daemon's own CLI", new RegExp(`^cli=${h.deck.runtimeDir}/bin/dot-agent-deck \\d+\\.\\d+\\.\\d+$`, 'm'));
  });

  it('shows the same frames to two clients attached to one pane', async () => {
    const id = (await h.ok(['new', '--', ...BASH.split(' ')])).trim();
    const a = await h.connect('tui');
    const b = await h.connect('tui');
    const seen = { a: [] as PaneFrame[], b: [] as PaneFrame[] };
    a.onFrame((frame) => seen.a.push(frame));
    b.onFrame((frame) => seen.b.push(frame));
    await a.request({ kind: 'subscribe', pane: id, cols: 80, rows: 24 });
    await b.request({ kind: 'subscribe', pane: id, cols: 80, rows: 24 });
    a.sendInput(id, 'echo two-clients\r');
    const sawOutput = (frames: PaneFrame[]) =>
      frames.some((frame) => frame.lines.some(([, line]) => line.replace(/\x1b\[[0-9;]*m/g, '').startsWith('two-clients')));
    await waitFor('both clients see the output', () => sawOutput(seen.a) && sawOutput(seen.b));
    expect(seen.a[0]).toMatchObject({ full: true, cols: 80, rows: 24 });
    expect(seen.b[0]).toMatchObject({ full: true, cols: 80, rows: 24 });
  });

  it('keeps panes running when a client disappears without a goodbye', async () => {
    const id = (await h.ok(['new', '--', ...BASH.split(' ')])).trim();
    const client = await h.connect('tui');
    await client.request({ kind: 'subscribe', pane: id, cols: 80, rows: 24 });
    client.dispose();
    await h.ok(['send', id, 'echo still-here']);
    await h.waitForScreen(id, 'the pane still answers', /^still-here$/m);
    expect((await h.panes())[0]?.state).toBe('running');
  });

  it('delivers Ctrl+C to the foreground job of a pane (process groups are right)', async () => {
    const id = (await h.ok(['new', '--', ...BASH.split(' ')])).trim();
    await h.ok(['send', id, 'sleep 100']);
    await h.waitForScreen(id, 'sleep is running', /sleep 100/);
    const client = await h.connect('cli');
    client.sendInput(id, '\x03');
    // Had Ctrl+C missed the sleep, this line would only run after 100 s.
    await h.ok(['send', id, 'echo "sleep ended: $?"']);
    await h.waitForScreen(id, 'sleep is interrupted', /^sleep ended: 130$/m);
  });

  it('records exit codes, keeps exited panes visible, and kills panes on request', async () => {
    const exited = (await h.ok(['new', '--name', 'short', '--', 'sh -c "exit 3"'])).trim();
    await waitFor('the short pane exits', async () => (await h.panes()).find((p) => p.id === exited)?.state === 'exited');
    expect((await h.panes()).find((p) => p.id === exited)?.exit).toEqual({ exitCode: 3, signal: null });
    const table = await h.ok(['ls']);
    expect(table).toMatch(new RegExp(`${exited}\\s+short\\s+exited \\(3\\)\\s+exited: exit code 3\\s+-`));
    expect(table.split('\n')[0]).toMatch(/^ID\s+NAME\s+STATE\s+STATUS\s+PID/);

    expect(await h.ok(['kill', 'short'])).toBe(`killed ${exited}\n`);
    expect(await h.panes()).toEqual([]);
  });

  it('refuses unknown panes and bad arguments with a sentence and no stack trace', async () => {
    await h.ok(['new', '--name', 'one', '--', ...BASH.split(' ')]);
    const unknown = await h.cli(['send', 'nope', 'hi']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error: No pane "nope".');
    expect(unknown.stderr).toContain('hint: panes: p1 (one)');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);

    const missingDir = await h.cli(['new', '-p', '/definitely/not/here', '--', 'true']);
    expect(missingDir.code).toBe(1);
    expect(missingDir.stderr).toContain('The directory /definitely/not/here does not exist.');

    const nothing = await h.cli(['send', 'one']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Nothing to send.');
  });

  it('refuses `daemon stop` while panes run, and stops everything with --force', async () => {
    await h.ok(['new', '--', ...BASH.split(' ')]);
    const refused = await h.cli(['daemon', 'stop']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 pane is still running');
    const status = JSON.parse(await h.ok(['daemon', 'status', '--json'])) as { running: boolean; panes: number };
    expect(status).toMatchObject({ running: true, panes: 1 });

    const pid = h.daemonPid()!;
    expect(await h.ok(['daemon', 'stop', '--force'])).toContain('daemon stopped (1 pane closed)');
    expect(isProcessAlive(pid)).toBe(false);
    const after = await h.cli(['daemon', 'status']);
    expect(after.code).toBe(1);
    expect(after.stdout).toBe('daemon not running\n');
  });

  it('captures history above the screen on request', async () => {
    const id = (await h.ok(['new', '--', ...BASH.split(' ')])).trim();
    await h.ok(['send', id, 'seq 1 300']);
    await h.waitForScreen(id, 'seq finished', /^300$/m);
    const withHistory = await h.ok(['capture', id, '--scrollback', '1000']);
    expect(withHistory).toMatch(/^1$/m);
    expect(withHistory).toMatch(/^150$/m);
    const json = JSON.parse(await h.ok(['capture', id, '--json'])) as { lines: string[]; modes: { bracketedPaste: boolean } };
    expect(json.lines.length).toBeGreaterThan(0);
    expect(typeof json.modes.bracketedPaste).toBe('boolean');
  });
});
