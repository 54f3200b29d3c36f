import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { DeckProvider, type SizeSource } from '../../../../src/tui/app/deck-context.js';
import { DeckStore } from '../../../../src/tui/app/deck-store.js';
import { DeckScreen } from '../../../../src/tui/components/DeckScreen.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import { waitFor } from '../../../helpers/wait.js';
import { plain } from '../components/plain.js';
import { deck, keys, pane } from '../state/fixtures.js';

function screen(state: DeckState, cols = 100, rows = 30) {
  const fixed = { cols, rows };
  const size: SizeSource = { get: () => fixed, subscribe: () => () => undefined };
  const store = new DeckStore(state, keys);
  const view = render(
    <DeckProvider value={{ store, keyMap: keys, size, home: '/home/me' }}>
      <DeckScreen />
    </DeckProvider>,
  );
  return { store, frame: () => plain(view.lastFrame()) };
}

describe('DeckScreen', () => {
  it('tells a first-time user what to press', () => {
    const { frame } = screen(deck({ panes: [] }));
    expect(frame()).toContain('No panes yet.');
    expect(frame()).toContain('Press ctrl+n to open one');
    expect(frame()).toContain(' COMMAND ');
  });

  it('draws cards, the tab bar and the selected pane’s title', () => {
    const { frame } = screen(deck());
    expect(frame()).toMatch(/Dashboard\s+dev-flow/);
    expect(frame()).toMatch(/▌1 pane-p1\s+running/);
    expect(frame()).toContain('2 api');
    expect(frame()).toMatch(/▌1 pane-p1 — bash · ~\/p1/);
  });

  it('follows the store: typing mode changes the chip and the hints', async () => {
    const { store, frame } = screen(deck());
    store.dispatch({ type: 'action', action: 'toggle_mode' });
    await waitFor('the typing chip', () => frame().includes(' TYPING  ctrl+d command mode'));
  });

  it('shows a dialog over everything', async () => {
    const { store, frame } = screen(deck());
    store.dispatch({ type: 'action', action: 'quit' });
    await waitFor('the quit dialog', () => frame().includes('Leave the deck?'));
  });

  it('shows that the daemon is gone in the status bar and over each pane, keeping the cards', () => {
    const { frame } = screen(deck({ layout: 'tiled', link: { kind: 'reconnecting', attempt: 1, downForMs: 0, error: null } }));
    expect(frame()).toMatch(/ COMMAND {3}RECONNECTING {2}Lost the daemon, reconnecting…/);
    // One chip per tile title (the status bar's sentence goes on with " · ").
    expect(frame().match(/reconnecting…(?! ·)/g)).toHaveLength(3);
    expect(frame()).toMatch(/▌1 pane-p1\s+running/);
  });

  it("warns on the status bar while an orchestration's journal cannot be written (issue 11, item 7)", () => {
    const problem = '.dot-agent-deck/journal.jsonl is a directory, not a journal file';
    const panes = [pane('p1'), pane('p4', { tab: 'dev-flow', role: 'orchestrator', journalProblem: problem })];
    expect(screen(deck({ panes, tab: 'dev-flow' }), 160).frame()).toContain(
      ` COMMAND  journal not written: ${problem} — \`dot-agent-deck log\` will miss events`,
    );
    expect(screen(deck({ panes, tab: null }), 160).frame()).toContain(' COMMAND  tab dev-flow: journal not written: ');
    expect(screen(deck({ panes: [pane('p1'), pane('p4', { tab: 'dev-flow' })] }), 160).frame()).not.toContain('journal not written');
  });

  it('says so when the terminal is too small', () => {
    const { frame } = screen(deck(), 50, 10);
    expect(frame()).toContain('Terminal too small');
  });

  it('colours nothing it cannot name: an exited pane says so', () => {
    const { frame } = screen(deck({ panes: [pane('p1', { state: 'exited', exit: { exitCode: 2, signal: null } })] }));
    expect(frame()).toContain('exited 2');
  });
});
