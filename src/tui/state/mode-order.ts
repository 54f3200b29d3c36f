// The order of a workspace mode's panes, everywhere the deck lists them (cards, j/k, the layout):
// the agent, the persistent panes, the reactive slots, then panes opened into the tab by hand.
// A leaf: it imports only the protocol's types.
import type { PaneInfo } from '../../protocol/messages.js';

const PART_ORDER = { agent: 0, persistent: 1, reactive: 2 } as const;

export function modeOrder(panes: readonly PaneInfo[]): PaneInfo[] {
  const rank = (pane: PaneInfo) => (pane.mode ? PART_ORDER[pane.mode.part] * 1000 + pane.mode.slot : 3000);
  return [...panes].sort((a, b) => rank(a) - rank(b));
}
