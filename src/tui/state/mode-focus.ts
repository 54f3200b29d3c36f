// Focus inside a workspace mode's tab: Esc brings the selection back to the agent pane. (Closing
// a pane of any tab offers to close the whole tab: dialogs/close-dialog.ts.) Pure.
import type { PaneInfo } from '../../protocol/messages.js';
import { tabKey, type DeckState } from './deck-state.js';
import { panesInTab } from './selectors.js';

function modePanes(state: DeckState): PaneInfo[] {
  return state.tab === null ? [] : panesInTab(state.panes, state.tab).filter((pane) => pane.mode);
}

/** Esc in COMMAND mode on a side pane of a mode's tab: the agent pane is selected again. */
export function backToAgent(state: DeckState): DeckState | null {
  const agent = modePanes(state).find((pane) => pane.mode?.part === 'agent');
  if (!agent || state.selection[tabKey(state.tab)] === agent.id) return null;
  return { ...state, selection: { ...state.selection, [tabKey(state.tab)]: agent.id } };
}
