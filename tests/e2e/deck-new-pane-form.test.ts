// The new-pane form's memory and Agent field in the built deck: the agent CLIs on PATH are
// offered and set Command; the command launched is offered again by the next deck (after a detach).
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { standIn } from '../helpers/orchestration-project.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('the new-pane form', () => {
  it('offers the agent CLIs on PATH and remembers the last command across decks', async () => {
    let bin = '';
    session = await openDeckSession({
      before: (deck) => {
        bin = join(deck.root, 'bin');
        standIn(bin, 'claude');
        standIn(bin, 'codex');
      },
    });
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    session.deck.dispose();
    let deck = await session.reopen({ env });
    deck.type('\x0e');
    await deck.waitForScreen('the directory picker opens', /New pane: choose a directory/);
    deck.type(' ');
    await deck.waitForScreen('the Agent field lists what is on PATH', /Agent\s+‹ as typed in Command ›\s+\(claude, codex on PATH/);
    deck.type('\x1b[Z\x1b[Z\x1b[C\x1b[C'); // up to Agent (past Mode), then two CLIs on
    await deck.waitForScreen('codex is chosen and set as the Command', /Command\s+codex[\s\S]*Agent\s+‹ codex ›/);
    deck.type('\x1b[Z\x15bash --norc --noprofile\r'); // back to Command, which a person can still edit
    await deck.waitForScreen('the pane runs the command', /~ · [^\n│]* · bash +│/);

    deck.type('\x04\x03');
    await deck.waitForScreen('the quit dialog', /Leave the deck\?/);
    deck.type('\r');
    await deck.exited;
    deck = await session.reopen({ env });
    deck.type('\x0e');
    await deck.waitForScreen('the directory picker opens again', /New pane: choose a directory/);
    deck.type(' ');
    await deck.waitForScreen('the form offers the last command launched', /Command\s+bash --norc --noprofile[\s\S]*Agent\s+‹ as typed in Command ›/);
  });
});
