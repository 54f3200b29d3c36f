import { describe, expect, it } from 'vitest';
import { initialDeckState, type DeckState } from '../../../../src/tui/state/deck-state.js';
import { journalStatus } from '../../../../src/tui/view/journal-status.js';
import { pane } from '../state/fixtures.js';

const PROBLEM = '.dot-agent-deck/journal.jsonl is a directory, not a journal file';
const state = (tab: string | null, panes: DeckState['panes']): DeckState => ({ ...initialDeckState, tab, panes, loaded: true });

describe('journalStatus (issue 11, item 7: journal write failures are silent)', () => {
  it.each<[string, string | null, DeckState['panes'], string | null]>([
    ['no problem anywhere', 'dev', [pane('p1', { tab: 'dev', role: 'orchestrator' })], null],
    ['an older daemon without the field', 'dev', [pane('p1', { tab: 'dev' })], null],
    [
      'the current tab',
      'dev',
      [pane('p1', { tab: 'dev', role: 'orchestrator', journalProblem: PROBLEM })],
      `journal not written: ${PROBLEM} — \`dot-agent-deck log\` will miss events`,
    ],
    [
      'another tab, seen from the Dashboard',
      null,
      [pane('p0'), pane('p1', { tab: 'dev', role: 'orchestrator', journalProblem: PROBLEM })],
      `tab dev: journal not written: ${PROBLEM} — \`dot-agent-deck log\` will miss events`,
    ],
    [
      'the current tab before another',
      'b',
      [pane('p1', { tab: 'a', journalProblem: 'A broke' }), pane('p2', { tab: 'b', journalProblem: 'B broke' })],
      'journal not written: B broke — `dot-agent-deck log` will miss events',
    ],
  ])('%s', (_name, tab, panes, expected) => {
    expect(journalStatus(state(tab, panes))).toBe(expected);
  });
});
