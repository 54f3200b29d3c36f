// Focus inside a workspace mode's tab: Esc brings the selection back to the agent pane, and
// closing any of its panes offers to close the whole tab. Pure.
import type { PaneInfo } from '../../protocol/messages.js';
import { tabKey, type DeckState, type Dialog } from './deck-state.js';
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

/** In a mode's tab, closing a pane closes the tab: every pane in it, after one confirmation. */
export function closeDialogFor(state: DeckState, selected: PaneInfo): Dialog {
  const inMode = selected.tab !== null && modePanes(state).length > 0;
  if (!inMode) return { kind: 'close', paneId: selected.id, confirm: false };
  return { kind: 'close', paneId: selected.id, confirm: false, tab: selected.tab!, panes: panesInTab(state.panes, selected.tab).map((pane) => pane.id) };
}
