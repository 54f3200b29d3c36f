// The deck outlives its daemon: a daemon killed under it is restarted and the deck comes back on
// the same tab; a re-attach opens where the person left; a daemon of another protocol version
// (an upgrade while it ran) gets a dialog instead of an exit.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openDeckSession, PLAIN_BASH, type DeckSession } from '../helpers/deck-session.js';
import { isProcessGone } from '../helpers/process.js';
import { waitFor, waitForValue } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

/** The pane area (right of the sidebar rule) of each screen row. */
const paneArea = (screen: string) => screen.split('\n').map((line) => line.split('│').slice(1).join('│'));
const paneShows = (screen: string, text: string) => paneArea(screen).some((line) => line.trimEnd() === text);

/** The daemon's pid as `daemon status --json` reports it (null when none answers). */
async function statusPid(current: DeckSession, env: NodeJS.ProcessEnv = {}): Promise<number | null> {
  const result = await runCli(['daemon', 'status', '--json'], { env: { ...current.harness.deck.env, ...env } });
  const status = JSON.parse(result.stdout) as { running: boolean; pid?: number; protocol?: number };
  return status.running ? (status.pid ?? null) : null;
}

async function newPaneInTab(current: DeckSession, name: string, tab: string): Promise<void> {
  await current.harness.ok(['new', '-n', name, '-t', tab, '-p', current.dir(name), '--', ...PLAIN_BASH]);
}

describe('a daemon that dies under the deck', () => {
  it('shows reconnecting, starts a new daemon, and comes back on the same tab with keys reaching the pane', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await newPaneInTab(session, 'beta', 'dev');
    const { deck } = session;
    await deck.waitForScreen('a tab bar with the dev tab', /^ Dashboard +dev/);
    deck.type('l');
    await deck.waitForScreen('the dev tab shows beta', /▌1 beta\s+running/);
    deck.type('\r');
    await deck.waitForScreen('typing into beta', (s) => / TYPING /.test(s) && paneArea(s).some((l) => l.startsWith('deck$')));
    deck.type('echo before-$((1+1))\r');
    await deck.waitForScreen('the echo before the crash', (s) => paneShows(s, 'before-2'));

    const old = (await statusPid(session))!;
    expect(old).toBe(session.harness.daemonPid());
    process.kill(old, 'SIGKILL');

    await deck.waitForScreen(
      'reconnecting is shown, the last frame still drawn',
      (s) => / RECONNECTING .*Lost the daemon, reconnecting…/.test(s) && /reconnecting…/.test(s.split('\n')[1] ?? '') && paneShows(s, 'before-2'),
    );
    await deck.waitForScreen(
      'back on the dev tab, reconnected, beta restarted with its prompt',
      (s) =>
        /Reconnected to the daemon \(2 panes\)/.test(s) &&
        /▌1 beta\s+running/.test(s) &&
        !/alpha\s+running/.test(s) &&
        !/RECONNECTING/.test(s) &&
        paneArea(s).some((l) => l.startsWith('deck$')),
    );
    const fresh = await waitForValue('a new daemon answers', () => statusPid(session!));
    expect(fresh).not.toBe(old);
    expect(isProcessGone(old)).toBe(true);

    // Still TYPING into beta: keys reach the restored pane in the new daemon.
    deck.type('echo after-$((2+2))\r');
    await deck.waitForScreen('the echo after the reconnect', (s) => / TYPING /.test(s) && paneShows(s, 'after-4'));
    const beta = (await session.harness.panes()).find((pane) => pane.name === 'beta')!;
    await session.harness.waitForScreen(beta.id, 'the new daemon has the keys in beta', /^after-4$/m);
  });

  it('comes back tiled after `daemon restart`, with every tile subscribed at its size', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    const { deck } = session;
    deck.type('\x14');
    await deck.waitForScreen('both panes tiled', (s) => /▌1 alpha — bash/.test(s) && / 2 beta — bash/.test(s));
    const restarted = await session.harness.cli(['daemon', 'restart']);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(restarted.stdout).toMatch(/daemon restarted \(pid \d+; 2 panes restored\)/);
    await deck.waitForScreen(
      'reconnected, still tiled, both prompts drawn',
      (s) =>
        /Reconnected to the daemon/.test(s) && /▌1 alpha — bash/.test(s) && / 2 beta — bash/.test(s) && paneArea(s).filter((l) => /deck\$/.test(l)).length >= 1,
    );
    const panes = await session.harness.panes();
    // Tiled in a 120-column deck: each tile is narrower than the whole pane area, so the new daemon
    // got the tiles' sizes from the re-subscription, not its default.
    await waitFor('both restored panes are sized as tiles', async () => (await session!.harness.panes()).every((pane) => pane.cols < 60 && pane.cols > 20), {
      describe: () => JSON.stringify(panes.map((pane) => [pane.name, pane.cols, pane.rows])),
    });
  });
});

describe('a daemon stopped on purpose elsewhere', () => {
  it('ends the deck instead of starting an empty daemon after `daemon stop --force`', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const { deck } = session;
    const stopped = await session.harness.cli(['daemon', 'stop', '--force']);
    expect(stopped.stdout).toContain('daemon stopped (1 pane closed)');
    const exit = await deck.exited;
    expect(exit.exitCode).toBe(0);
    expect(deck.output()).toContain('Stopped the deck and every pane.');
    expect(await statusPid(session)).toBeNull();
  });
});

describe('re-attaching after Detach', () => {
  it('opens on the tab and pane that were shown', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await newPaneInTab(session, 'gamma', 'dev');
    await newPaneInTab(session, 'delta', 'dev');
    let deck = session.deck;
    await deck.waitForScreen('a tab bar with the dev tab', /^ Dashboard +dev/);
    deck.type('l');
    await deck.waitForScreen('the dev tab shows gamma first, then delta', /▌1 gamma\s+running[\s\S]*2 delta\s+running/);
    deck.type('j');
    await deck.waitForScreen('delta selected', /▌2 delta\s+running/);
    deck.type('\x03');
    await deck.waitForScreen('the quit dialog', /Leave the deck\?/);
    deck.type('\r');
    expect((await deck.exited).exitCode).toBe(0);

    deck = await session.reopen();
    await deck.waitForScreen(
      'the dev tab with delta selected and shown',
      (s) => /▌2 delta\s+running/.test(s) && /▌2 delta — bash/.test(s) && !/alpha\s+running/.test(s),
    );
  });
});

describe('a daemon of another protocol version', () => {
  /** Stands for "this deck was upgraded": every process of the new deck speaks protocol 2. */
  const UPGRADED = { DOT_AGENT_DECK_TEST_PROTOCOL_VERSION: '99' };

  async function refusedDeck() {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    session.deck.type('\x03\r');
    await session.deck.exited;
    const old = session.harness.daemonPid()!;
    const deck = await session.reopen({ env: UPGRADED });
    await deck.waitForScreen(
      'the mismatch dialog names the saved panes and offers both ways',
      (s) =>
        /This deck cannot use the running daemon/.test(s) &&
        /daemon is version \S+ \(protocol 2\)/.test(s) &&
        /\(protocol 99\)\./.test(s) &&
        /session file holds 2 panes: alpha, beta\./.test(s) &&
        /\[ Restart the daemon and restore the panes \] {2}\[ Keep the running daemon \(quit\) \]/.test(s) &&
        / NOT CONNECTED /.test(s),
    );
    return { deck, old };
  }

  it('restarts the daemon and restores its panes when asked', async () => {
    const { deck, old } = await refusedDeck();
    deck.type('\r');
    await deck.waitForScreen(
      'the new daemon restored both panes',
      (s) =>
        /Restarted the daemon with this version: 2 panes restored/.test(s) &&
        /1 alpha\s+running[\s\S]*2 beta\s+running/.test(s) &&
        !/cannot use the running daemon/.test(s),
    );
    expect(isProcessGone(old)).toBe(true);
    const fresh = await waitForValue('the new daemon answers in protocol 2', () => statusPid(session!, UPGRADED));
    expect(fresh).not.toBe(old);
    await deck.waitForScreen('alpha shows its prompt again', (s) => paneArea(s).some((l) => l.startsWith('deck$')));
  });

  it('keeps the running daemon and quits with what to do, when asked', async () => {
    const { deck, old } = await refusedDeck();
    deck.type('q');
    const exit = await deck.exited;
    expect(exit.exitCode).toBe(1);
    expect(deck.output()).toContain('error: The running dot-agent-deck daemon is version');
    expect(deck.output()).toContain('run `dot-agent-deck daemon restart` when you are ready');
    expect(isProcessGone(old)).toBe(false);
    expect(await session!.harness.ok(['ls'])).toMatch(/alpha[\s\S]*beta/);
  });
});
