// One deck over two daemons (`--hosts local,box`), the "remote" reached through a real sshd on
// loopback: both hosts' panes on the cards with their host, typing into each echoes, the link to
// box cut (its sshd paused, its ssh client killed) greys out only box's cards with "reconnecting
// to box…" while the local pane keeps echoing, and box comes back; Ctrl+n's Host field opens a
// pane on box; Stop all names the hosts and detach leaves both running; an unknown host name is
// refused before anything opens.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createDeckEnv } from '../helpers/deck-env.js';
import { startDeck, type DeckTerminal } from '../helpers/deck-terminal.js';
import { hasSshd, startSshd, type RemoteLogin, type Sshd } from '../helpers/sshd.js';
import { waitForValue } from '../helpers/wait.js';

let sshd: Sshd;
let box: RemoteLogin;
let deck: DeckTerminal | null = null;
let sshdPaused: number | null = null;

const CTRL_D = '\x04';
const CTRL_N = '\x0e';
const CTRL_C = '\x03';

const paneArea = (screen: string) => screen.split('\n').map((line) => line.split('│').slice(1).join('│'));
const paneShows = (screen: string, text: string) => paneArea(screen).some((line) => line.includes(text));
/** The sidebar's first line of a card: "2 box · far   running". */
const card = (screen: string, name: string) => screen.split('\n').find((line) => new RegExp(`[1-9] ${name} `).test(line.split('│')[0] ?? '')) ?? '';

function sshPids(deckPid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(deckPid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => /\bssh\b.*daemon bridge/.test(line))
    .map((line) => Number.parseInt(line.trim(), 10));
}

async function remotePanes(): Promise<string[]> {
  const listed = await runCli(['ls', '--json'], { env: box.world.env });
  return (JSON.parse(listed.stdout) as { panes: { name: string }[] }).panes.map((pane) => pane.name);
}

describe.skipIf(!hasSshd)('--hosts local,box', () => {
  beforeAll(async () => {
    sshd = await startSshd();
    box = sshd.addLogin('box');
    const add = await runCli(['remote', 'add', 'box', 'box', '--dir', box.world.home], { env: sshd.local.env });
    expect(add.code, add.stderr).toBe(0);
    // One pane on each daemon before the deck attaches; both are "p1" on their own daemon.
    const near = await runCli(['new', '-n', 'near', '-p', sshd.local.home, '--', 'bash', '--norc', '--noprofile'], { env: sshd.local.env });
    expect(near.code, near.stderr).toBe(0);
    const far = await runCli(['new', '-n', 'far', '-p', box.world.home, '--', 'bash', '--norc', '--noprofile'], { env: box.world.env });
    expect(far.code, far.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    if (sshdPaused !== null) process.kill(sshdPaused, 'SIGCONT');
    deck?.dispose();
    await sshd?.dispose();
  }, 30_000);

  it('shows both hosts, types into each, greys out only the lost host and opens a pane on box with Ctrl+n', async () => {
    deck = startDeck(sshd.local, { args: ['--hosts', 'local,box'], cols: 120, rows: 36, env: { PS1: 'deck$ ' } });
    await deck.waitForScreen(
      'both hosts’ panes are listed, box’s with its name',
      (s) => /running/.test(card(s, 'near')) && /running/.test(card(s, 'box · far')),
      40_000,
    );

    deck.type('1');
    deck.type('echo near-$((6*7))\r');
    await deck.waitForScreen('the local pane echoes', (s) => paneShows(s, 'near-42'), 15_000);
    deck.type(CTRL_D);
    deck.type('2');
    await deck.waitForScreen('typing into box’s pane, titled with its host', (s) => / TYPING /.test(s) && /box · far —/.test(s), 15_000);
    deck.type('echo far-$((6*7))\r');
    await deck.waitForScreen('box’s pane echoes', (s) => paneShows(s, 'far-42'), 15_000);
    deck.type(CTRL_D);

    // Cut the link to box and keep it cut: its sshd stops answering, then the ssh client dies.
    const [ssh] = await waitForValue('the deck runs ssh to box’s bridge', () => {
      const pids = sshPids(deck!.pty.pid);
      return pids.length > 0 ? pids : undefined;
    });
    sshdPaused = Number.parseInt(readFileSync(join(sshd.root, 'sshd.pid'), 'utf8'), 10);
    process.kill(sshdPaused, 'SIGSTOP');
    process.kill(ssh!, 'SIGKILL');
    const cut = await deck.waitForScreen(
      'only box’s card greys out, saying it is reconnecting',
      (s) => /offline/.test(card(s, 'box · far')) && /reconnecting to box…/.test(s),
      20_000,
    );
    expect(card(cut, 'near')).toMatch(/running/);
    expect(cut).not.toMatch(/RECONNECTING/);
    deck.type('1');
    deck.type('echo still-$((6*7))\r');
    await deck.waitForScreen('the local pane still echoes while box is away', (s) => paneShows(s, 'still-42'), 15_000);
    deck.type(CTRL_D);

    process.kill(sshdPaused, 'SIGCONT');
    sshdPaused = null;
    await deck.waitForScreen('box comes back', (s) => /running/.test(card(s, 'box · far')) && !/reconnecting to box…/.test(s), 60_000);

    // Ctrl+n on the local pane: the picker, Space takes its directory, then the form's Host field
    // (above Mode and Name) moved to box.
    deck.type(CTRL_N);
    await deck.waitForScreen('the directory picker', /New pane: choose a directory/, 10_000);
    deck.type(' ');
    await deck.waitForScreen('the form on the local host', /New pane on local in/, 10_000);
    deck.type('\x1b[A');
    deck.type('\x1b[A');
    deck.type('\x1b[C');
    await deck.waitForScreen('the form on box, in box’s directory', (s) => s.includes(`New pane on box in ${box.world.home}`), 10_000);
    deck.type('\r');
    await waitForValue('box’s daemon has a second pane', async () => ((await remotePanes()).length === 2 ? true : undefined), { timeoutMs: 20_000 });
    // Named after the directory it opened in (box's home), typed into at once.
    await deck.waitForScreen('the new pane’s card carries box', (s) => /running/.test(card(s, 'box · home')) && / TYPING /.test(s), 15_000);
    expect(await remotePanes()).toEqual(['far', 'home']);

    // Stop all names the hosts it would stop (asked, here refused); detach leaves both running.
    deck.type(CTRL_D);
    deck.type(CTRL_C);
    await deck.waitForScreen('the quit dialog', /Leave the deck\?/, 10_000);
    deck.type('s');
    await deck.waitForScreen('Stop all names both hosts', /Stop every agent on local, box\?/, 10_000);
    deck.type('n');
    await deck.waitForScreen('the question is gone', (s) => !/Stop every agent/.test(s), 10_000);
    deck.type(CTRL_C);
    await deck.waitForScreen('the quit dialog again', /Leave the deck\?/, 10_000);
    deck.type('d');
    expect((await deck.exited).exitCode).toBe(0);
    expect(deck.output()).toContain('Detached; the panes keep running on local, box.');
    expect(await remotePanes()).toEqual(['far', 'home']);
    const local = JSON.parse((await runCli(['ls', '--json'], { env: sshd.local.env })).stdout) as { panes: { name: string }[] };
    expect(local.panes.map((pane) => pane.name)).toEqual(['near']);
  }, 240_000);

  it('refuses a host that is neither local nor a remote, with one sentence, before anything opens', async () => {
    const fresh = createDeckEnv();
    try {
      const refused = await runCli(['--hosts', 'local,nosuch'], { env: fresh.env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/"nosuch", which is neither local nor a remote.*`dot-agent-deck remote list`/);
      // No daemon was started for it.
      expect(existsSync(fresh.runtimeDir) ? readdirSync(fresh.runtimeDir) : []).toEqual([]);
    } finally {
      fresh.cleanup();
    }
  }, 30_000);
});
