// `connect NAME` through a real sshd on loopback: the deck in a PTY attached to the remote's
// daemon; typing echoes, a resize reaches the remote pane, and an ssh link killed mid-session
// comes back ("reconnecting to NAME…") with the remote panes intact.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startDeck, type DeckTerminal } from '../helpers/deck-terminal.js';
import { hasSshd, startSshd, type RemoteLogin, type Sshd } from '../helpers/sshd.js';
import { waitForValue } from '../helpers/wait.js';

let sshd: Sshd;
let box: RemoteLogin;
let deck: DeckTerminal | null = null;

const paneArea = (screen: string) => screen.split('\n').map((line) => line.split('│').slice(1).join('│'));
const paneShows = (screen: string, text: string | RegExp) =>
  paneArea(screen).some((line) => (typeof text === 'string' ? line.trimEnd() === text : text.test(line)));

/** The pids of the ssh clients the deck runs to the bridge (children of the deck process). */
function sshPids(deckPid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(deckPid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => /\bssh\b.*daemon bridge/.test(line))
    .map((line) => Number.parseInt(line.trim(), 10));
}

describe.skipIf(!hasSshd)('connect NAME', () => {
  beforeAll(async () => {
    sshd = await startSshd();
    box = sshd.addLogin('box');
    const add = await runCli(['remote', 'add', 'box', 'box', '--dir', box.world.home], { env: sshd.local.env });
    expect(add.code, add.stderr).toBe(0);
    // A pane on the remote before the deck attaches: what the reconnect must keep.
    const created = await runCli(['new', '-n', 'far', '-p', box.world.home, '--', 'bash', '--norc', '--noprofile'], { env: box.world.env });
    expect(created.code, created.stderr).toBe(0);
  }, 40_000);
  afterAll(async () => {
    deck?.dispose();
    await sshd?.dispose();
  }, 30_000);

  it('types and echoes, resizes, and reconnects with the panes intact after the ssh link is killed', async () => {
    deck = startDeck(sshd.local, { args: ['connect', 'box'], cols: 120, rows: 36 });
    await deck.waitForScreen('the remote pane is listed', /[1-9] far +running/, 30_000);
    deck.type('1');
    deck.type('\r');
    await deck.waitForScreen('typing into the remote pane', (s) => / TYPING /.test(s) && paneShows(s, /deck\$/), 15_000);
    deck.type('echo over-$((6*7))\r');
    await deck.waitForScreen('the echo from the remote', (s) => paneShows(s, 'over-42'), 15_000);

    const sizes = (s: string) => paneArea(s).flatMap((line) => /^(\d+) (\d+)\s*$/.exec(line)?.slice(1).join('x') ?? []);
    deck.type('stty size\r');
    const before = (await waitForValue('the remote pane reports its size', () => sizes(deck!.screen())[0]))!;
    deck.resize(100, 30);
    // The resize travels deck → ssh → bridge → daemon → PTY; asked again each second until the
    // pane's program sees it (a `stty size` typed before it lands still prints the old size).
    let asked = 0;
    const after = await waitForValue(
      'the remote pane reports a new, smaller size',
      () => {
        const found = sizes(deck!.screen()).find((size) => size !== before && Number(size.split('x')[1]) < Number(before.split('x')[1]));
        if (!found && Date.now() - asked > 1000) {
          asked = Date.now();
          deck!.type('stty size\r');
        }
        return found;
      },
      { timeoutMs: 20_000 },
    );
    expect(after).not.toBe(before);

    const [ssh] = await waitForValue('the deck runs ssh to the bridge', () => {
      const pids = sshPids(deck!.pty.pid);
      return pids.length > 0 ? pids : undefined;
    });
    process.kill(ssh!, 'SIGKILL');
    await deck.waitForScreen('the deck says it is reconnecting to box', /reconnecting to box…/, 15_000);
    await deck.waitForScreen(
      'back, with the same remote pane and its screen',
      (s) => !/RECONNECTING/.test(s) && /[1-9] far +running/.test(s) && paneShows(s, 'over-42'),
      40_000,
    );
    // The remote pane was never restarted: the daemon over there kept it (not restored from a session).
    const panes = JSON.parse((await runCli(['ls', '--json'], { env: box.world.env })).stdout) as { panes: { name: string; restored?: boolean }[] };
    expect(panes.panes).toEqual([expect.objectContaining({ name: 'far' })]);
    expect(panes.panes[0]!.restored ?? false).toBe(false);
  }, 120_000);
});
