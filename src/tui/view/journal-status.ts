// The status bar's standing warning while an orchestration's journal cannot be written: the
// delegations still happen, but `log`, the timeline and a daemon restart will not know them.
import { journalWarning } from '../../protocol/journal-warning.js';
import type { DeckState } from '../state/deck-state.js';
import { journalProblemOf } from '../state/selectors.js';

export function journalStatus(state: DeckState): string | null {
  const found = journalProblemOf(state);
  if (!found) return null;
  const text = journalWarning(found.problem);
  return found.tab === state.tab ? text : `tab ${found.tab}: ${text}`;
}
