// An orchestration as a person opens it in the deck: Ctrl+n, the directory, the Mode field set to
// the project's orchestration, Enter; then `t` in COMMAND mode shows the tab's timeline, headed
// by the morning summary.
import { afterEach, describe, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { writeSimProject } from '../helpers/orchestration-project.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('orchestrations in the deck', () => {
  it('opens one from the new-pane form and shows its timeline', async () => {
    session = await openDeckSession({
      before: (deck) =>
        writeSimProject(deck.home, 'dev', [
          { name: 'orchestrator', start: true, script: { startDelayMs: 100, workMs: 10 } },
          { name: 'coder', script: { startDelayMs: 100, workMs: 10 } },
        ]),
    });
    const { deck } = session;
    deck.type('\x0e');
    await deck.waitForScreen('the directory picker opens', /New pane: choose a directory/);
    deck.type(' ');
    await deck.waitForScreen('the form offers the orchestration as a mode', /Mode\s+‹ no mode ›/);
    deck.type('\x1b[Z'); // shift+tab: from Name up to Mode
    deck.type('\x1b[C'); // right: the next mode
    await deck.waitForScreen('the orchestration is chosen', /‹ orchestration: dev ›[\s\S]*Enter opens dev in a new tab/);
    deck.type('\r');
    await deck.waitForScreen('the orchestrator got its opening line', /» Read \.dot-agent-deck\/[\w.-]+\/orchestrator-context\.md/, 20_000);
    deck.type('\x04'); // the prefix: back to COMMAND mode
    await deck.waitForScreen('COMMAND mode', / COMMAND /);
    deck.type('t');
    await deck.waitForScreen(
      'the timeline of the tab',
      /Timeline of dev[\s\S]*What waits for you now[\s\S]*Steps[\s\S]*opened dev with orchestrator, coder[\s\S]*→ orchestrator {2}told about orchestrator in/,
    );
  });
});
