// The keys and clicks people expect, in the built deck: Shift+Enter reaches the agent as its own
// key when the outer terminal speaks the kitty keyboard protocol (and the deck asks only outside
// tmux), Ctrl+w and a tab's × close a whole tab after a confirmation, Stop all asks once more,
// status-bar hints and dialog buttons answer the mouse.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const KITTY_ON = '\x1b[>1u';
const click = (x: number, y: number) => `\x1b[<0;${x};${y}M\x1b[<0;${x};${y}m`;

/** A pane program that prints every chunk of input it gets as hex. */
async function hexEcho(s: DeckSession): Promise<string> {
  const script = join(s.dir('echo'), 'echo.cjs');
  writeFileSync(
    script,
    "process.stdin.setRawMode(true);process.stdin.on('data',(d)=>process.stdout.write('GOT '+d.toString('hex')+'\\n'));process.stdout.write('READY\\n');\n",
  );
  const id = await s.newPane('echo', ['node', script]);
  await s.deck.waitForScreen('the echo program is ready', /READY/);
  return id;
}

describe('Shift+Enter', () => {
  it.each([
    ['outside tmux the deck asks for the kitty protocol, and Shift+Enter arrives as CSI 13;2u', '', '\x1b[13;2u', 'GOT 1b5b31333b3275', true],
    ['under tmux it does not ask, and the terminal sends a plain CR', '/tmp/tmux-1000/default,1,0', '\r', 'GOT 0d', false],
  ])('%s', async (_what, tmux, sent, received, asked) => {
    session = await openDeckSession({ env: { TMUX: tmux } });
    const { deck } = session;
    await hexEcho(session);
    expect(deck.output().includes(KITTY_ON)).toBe(asked);
    deck.type('\r'); // type into the pane
    await deck.waitForScreen('typing', / TYPING /);
    deck.type(sent);
    await deck.waitForScreen('the pane got the key', (s) => s.includes(received));
  });
});

describe('closing and leaving', () => {
  it('Ctrl+w in a tab closes the whole tab after a confirmation; a click on × does too', async () => {
    session = await openDeckSession();
    const { deck, harness } = session;
    for (const [name, tab] of [
      ['one', 'alpha'],
      ['two', 'alpha'],
      ['three', 'beta'],
    ] as const) {
      await harness.ok(['new', '-n', name, '-t', tab, '-p', session.dir(name), '--', 'bash', '--norc', '--noprofile']);
    }
    await deck.waitForScreen('three tabs', / alpha × .* beta × /);
    deck.type('l'); // to alpha
    await deck.waitForScreen('the alpha tab', /1 one\s+running[\s\S]*2 two\s+running/);
    deck.type('\x17');
    await deck.waitForScreen('the close-tab dialog', /Close tab "alpha"\?[\s\S]*its 2 panes/);
    deck.type('y');
    await waitFor('both panes of alpha are gone', async () => (await harness.panes()).length === 1);

    // The × of beta (the tab bar is " Dashboard   beta × ").
    const bar = (await deck.waitForScreen('two tabs left', (s) => !/alpha/.test(s.split('\n')[0]!))).split('\n')[0]!;
    deck.type(click([...bar].indexOf('×') + 1, 1));
    const dialog = await deck.waitForScreen('the close-tab dialog for beta', /Close tab "beta"\?/);
    const rows = dialog.split('\n');
    const y = rows.findIndex((row) => row.includes('[ Close tab ]'));
    deck.type(click([...rows[y]!].join('').indexOf('[ Close tab ]') + 3, y + 1));
    await waitFor('the beta pane is gone', async () => (await harness.panes()).length === 0);
  });

  it('Stop all asks once more; Cancel keeps every pane; Ctrl+c twice leaves at once', async () => {
    session = await openDeckSession();
    const { deck, harness } = session;
    await session.newPane('keeper');
    deck.type('\x03');
    await deck.waitForScreen('the quit dialog', /Leave the deck\?/);
    deck.type('s');
    await deck.waitForScreen('asked once more', /Stop every agent\?[\s\S]*\[ Stop all \]\s+\[ Cancel \]/);
    deck.type('\r'); // the default is Cancel
    await deck.waitForScreen('the dialog closes', (s) => !/Stop every agent/.test(s));
    expect((await harness.panes()).map((p) => p.state)).toEqual(['running']);

    // A click on the status bar's "ctrl+c quit" hint opens the same dialog.
    const screen = deck.screen().split('\n');
    const y = screen.findIndex((row) => row.includes('ctrl+c quit'));
    deck.type(click(screen[y]!.indexOf('ctrl+c quit') + 2, y + 1));
    await deck.waitForScreen('the quit dialog from a click', /Leave the deck\?/);
    deck.type('\x03');
    expect((await deck.exited).exitCode).toBe(0);
    expect((await harness.panes()).map((p) => p.state)).toEqual(['running']);
  });
});
