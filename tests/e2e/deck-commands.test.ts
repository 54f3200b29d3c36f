// COMMAND mode with real panes: layouts, tabs, rename, filter, help and closing a pane.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, PLAIN_BASH, type DeckSession } from '../helpers/deck-session.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('command mode', () => {
  it('switches between stacked and tiled with Ctrl+t', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    const { deck } = session;
    await deck.waitForScreen('one pane title when stacked', (s) => /▌1 alpha — bash/.test(s) && !/2 beta — bash/.test(s));
    deck.type('\x14');
    await deck.waitForScreen('both pane titles when tiled', (s) => /▌1 alpha — bash/.test(s) && / 2 beta — bash/.test(s));
    await deck.waitForScreen('the hint offers to stack again', /ctrl\+t stack/);
    deck.type('\x14');
    await deck.waitForScreen('one pane title again', (s) => /▌1 alpha — bash/.test(s) && !/2 beta — bash/.test(s));
  });

  it('shows a tab bar for a second tab and moves between tabs', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const cli = await session.harness.connect('cli');
    await cli.request({ kind: 'new', command: PLAIN_BASH.join(' '), cwd: session.dir('gamma'), name: 'gamma', tab: 'dev-flow' });
    const { deck } = session;
    await deck.waitForScreen('a tab bar with both tabs', (s) => /^ Dashboard +dev-flow/.test(s));
    deck.type('l');
    await deck.waitForScreen('the dev-flow tab shows its pane', /▌1 gamma\s+running/);
    deck.type('\x1b[5;5~');
    await deck.waitForScreen('ctrl+pageup goes back to the dashboard', /▌1 alpha\s+running/);
  });

  it('renames the selected pane with r', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const { deck } = session;
    deck.type('r');
    await deck.waitForScreen('the rename dialog', /Rename "alpha"[\s\S]*Name: alpha/);
    deck.type('\x15server\r');
    await deck.waitForScreen('the card has the new name', /▌1 server\s+running/);
    await waitFor('the daemon knows the new name', async () => (await session!.harness.ok(['ls'])).includes('server'));
  });

  it('filters the cards with /', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    const { deck } = session;
    await deck.waitForScreen('two cards', /1 alpha[\s\S]*2 beta/);
    deck.type('/bet');
    await deck.waitForScreen('only beta is left, numbered 1', (s) => /\/bet▏\s+1\/2/.test(s) && /1 beta/.test(s) && !/alpha\s+running/.test(s));
    deck.type('\x1b');
    await deck.waitForScreen('Escape clears the filter', (s) => /1 alpha\s+running/.test(s) && /2 beta\s+running/.test(s));
  });

  it('shows every key with ?', async () => {
    session = await openDeckSession();
    const { deck } = session;
    deck.type('?');
    await deck.waitForScreen('the help overlay', /Keys[\s\S]*Anywhere, even while typing[\s\S]*ctrl\+d\s+Switch between typing/);
    deck.type('q');
    await deck.waitForScreen('any key closes it', (s) => !/Anywhere, even while typing/.test(s));
  });

  it('closes a pane only after confirmation, Cancel being the default', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const { deck } = session;
    deck.type('\x17');
    await deck.waitForScreen('the close dialog', /Close pane "alpha"\?/);
    deck.type('\r');
    await deck.waitForScreen('Enter cancels', (s) => !/Close pane/.test(s) && /1 alpha\s+running/.test(s));
    deck.type('\x17y');
    await deck.waitForScreen('y closes: the deck is empty again', /No panes yet\./);
    expect(await session.harness.ok(['ls'])).not.toContain('alpha');
  });

  it('follows keybindings.toml: a remapped prefix, and a warning for an unknown action', async () => {
    session = await openDeckSession({
      before: (env) => {
        mkdirSync(env.configDir, { recursive: true });
        writeFileSync(join(env.configDir, 'keybindings.toml'), '[bindings]\ntoggle_mode = "ctrl+a"\nbogus = "x"\n');
      },
    });
    await session.newPane('alpha');
    const { deck } = session;
    await deck.waitForScreen('the unknown action is named', /unknown action `bogus` is ignored/);
    deck.type('\r');
    await deck.waitForScreen('the hint shows the new prefix', / TYPING {2}ctrl\+a command mode/);
    deck.type('\x04');
    await deck.waitForScreen('ctrl+d now goes to the pane (bash exits on EOF)', /1 alpha\s+exited/);
  });

  it('follows the mouse: click selects a card, double click types into it, the wheel scrolls', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    const { deck } = session;
    // SGR reports, as the terminal sends them once the deck turned mouse reporting on.
    const click = (x: number, y: number) => deck.type(`\x1b[<0;${x};${y}M\x1b[<0;${x};${y}m`);
    click(5, 8);
    await deck.waitForScreen('a click selects the second card', /▌2 beta\s+running/);
    // Both clicks in one write: a double click however slow the machine is.
    const press = '\x1b[<0;5;3M\x1b[<0;5;3m';
    deck.type(press + press);
    await deck.waitForScreen('a double click types into the first card', (s) => / TYPING /.test(s) && /▌1 alpha — bash/.test(s));
    deck.type('seq 1 200\r');
    await deck.waitForScreen('the output', /│200/);
    deck.type('\x1b[<64;60;10M');
    await deck.waitForScreen('the wheel scrolls the pane back', /↑ 3 lines back/);
  });
});
