// Facts derived from DeckState: the tabs, the cards of the current tab, the selected pane.
// Pure and cheap; components and the input router call them instead of storing copies.
import type { PaneInfo } from '../../protocol/messages.js';
import { tabKey, type DeckState } from './deck-state.js';
import { modeOrder } from './mode-order.js';
import { tabLabel } from './hosts.js';

export interface TabInfo {
  /** null for the Dashboard. */
  tab: string | null;
  label: string;
}

/** The Dashboard, then one tab per distinct `tab` of the panes, in order of first appearance. */
export function tabsOf(panes: readonly PaneInfo[], hosts: Pick<DeckState, 'hosts'> = { hosts: [] }): TabInfo[] {
  const tabs: TabInfo[] = [{ tab: null, label: 'Dashboard' }];
  const seen = new Set<string>();
  for (const pane of panes) {
    if (pane.tab !== null && !seen.has(pane.tab)) {
      seen.add(pane.tab);
      tabs.push({ tab: pane.tab, label: tabLabel(hosts, pane.tab) });
    }
  }
  return tabs;
}

export function panesInTab(panes: readonly PaneInfo[], tab: string | null): PaneInfo[] {
  return panes.filter((pane) => pane.tab === tab);
}

export function matchesFilter(pane: PaneInfo, filter: string): boolean {
  if (filter === '') return true;
  const needle = filter.toLowerCase();
  return [pane.name, pane.command, pane.cwd].some((field) => field.toLowerCase().includes(needle));
}

/** The cards of the current tab, filtered: card n (1-based) is `cards[n - 1]`; a mode's tab
 *  lists them in the order of its layout. */
export function cardsOf(state: DeckState): PaneInfo[] {
  const cards = panesInTab(state.panes, state.tab).filter((pane) => matchesFilter(pane, state.filter));
  return state.tab !== null && cards.some((pane) => pane.mode) ? modeOrder(cards) : cards;
}

/** The selected pane of the current tab, or the first card when the selection is gone. */
export function selectedPane(state: DeckState): PaneInfo | null {
  const cards = cardsOf(state);
  const id = state.selection[tabKey(state.tab)];
  return cards.find((pane) => pane.id === id) ?? cards[0] ?? null;
}

/** The panes on screen: the selected one when stacked, every card (up to 9) when tiled, every
 *  pane of a mode's tab in its layout. */
export function visiblePanes(state: DeckState): PaneInfo[] {
  if (state.tab !== null && state.panes.some((pane) => pane.tab === state.tab && pane.mode)) return cardsOf(state);
  if (state.layout === 'tiled') return cardsOf(state).slice(0, 9);
  const selected = selectedPane(state);
  return selected ? [selected] : [];
}

/** The pane that receives keys in TYPING mode. */
export function typingPane(state: DeckState): PaneInfo | null {
  return state.mode === 'typing' ? selectedPane(state) : null;
}

/** An orchestration whose journal cannot be written: the current tab's first, else any tab's
 *  (a person on the Dashboard must hear it too). */
export function journalProblemOf(state: DeckState): { tab: string; problem: string } | null {
  const withProblem = state.panes.filter((pane): pane is PaneInfo & { tab: string; journalProblem: string } => pane.tab !== null && !!pane.journalProblem);
  const pane = withProblem.find((candidate) => candidate.tab === state.tab) ?? withProblem[0];
  return pane ? { tab: pane.tab, problem: pane.journalProblem } : null;
}

export function paneById(state: DeckState, id: string): PaneInfo | undefined {
  return state.panes.find((pane) => pane.id === id);
}
