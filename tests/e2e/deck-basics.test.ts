// The deck as a new user meets it: the empty state, the Ctrl+n flow to a shell, typing into it,
// and a terminal that changes size.
import { afterEach, describe, it } from 'vitest';
import { openDeckSession, PLAIN_BASH, type DeckSession } from '../helpers/deck-session.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

/** The pane area (right of the sidebar rule) of each screen row. */
const paneArea = (screen: string) => screen.split('\n').map((line) => line.split('│').slice(1).join('│'));

describe('the deck', () => {
  it('starts empty and says what to press', async () => {
    session = await openDeckSession();
    await session.deck.waitForScreen('the empty state names the new-pane key', /No panes yet\.[\s\S]*Press ctrl\+n to open one/);
    await session.deck.waitForScreen('the status bar shows COMMAND mode and hints', / COMMAND {2}ctrl\+n new {2}\? help {2}ctrl\+c quit/);
  });

  it('opens a bash pane through Ctrl+n and shows what is typed into it', async () => {
    session = await openDeckSession();
    const { deck } = session;
    deck.type('\x0e');
    await deck.waitForScreen('the directory picker opens in the current directory', /New pane: choose a directory[\s\S]*› \.\/ {2}\(this directory\)/);
    deck.type(' ');
    await deck.waitForScreen('the form asks for mode, name and command', /Mode\s+no mode[\s\S]*Name\s+home[\s\S]*Command/);
    deck.type(`\t\x15${PLAIN_BASH.join(' ')}\r`);
    await deck.waitForScreen('the new pane shows its prompt, typing mode on', (s) => / TYPING /.test(s) && paneArea(s).some((l) => l.startsWith('deck$')));
    await deck.waitForScreen('the card shows the running pane', /▌1 home\s+running/);
    deck.type('echo hello-$((6*7))\r');
    await deck.waitForScreen('the echo appears in the pane', (s) => paneArea(s).some((l) => l.trimEnd() === 'hello-42'));
  });

  it('redraws everything when the terminal is resized, and says when it is too small', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const { deck } = session;
    await deck.waitForScreen('the pane prompt', (s) => paneArea(s).some((l) => l.startsWith('deck$')));
    deck.resize(100, 30);
    await deck.waitForScreen('the whole deck is drawn for 100×30, nothing left of the old size', (s) => {
      const rows = s.split('\n');
      return (
        /^ Dashboard +1 │▌1 alpha — bash/.test(rows[0] ?? '') &&
        // Row 2 is the stats bar, the card below it.
        /^ 1 running +│deck\$/.test(rows[1] ?? '') &&
        /^▌1 alpha +running│/.test(rows[2] ?? '') &&
        /^ COMMAND /.test(rows[28] ?? '') &&
        (rows[29] ?? '').trim() === '' &&
        rows.every((row) => [...row].length <= 100)
      );
    });
    deck.resize(50, 10);
    await deck.waitForScreen('the deck says the terminal is too small', /Terminal too small[\s\S]*50×10/);
    deck.resize(120, 36);
    await deck.waitForScreen('the deck comes back with its pane', (s) => {
      const rows = s.split('\n');
      return (
        /^ 1 running +│deck\$/.test(rows[1] ?? '') && /^▌1 alpha +running│/.test(rows[2] ?? '') && /^ COMMAND /.test(rows[34] ?? '') && !/too small/.test(s)
      );
    });
  });
});
