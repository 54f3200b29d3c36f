// The "needs you" queue: panes in any tab whose agent waits for a person (needs input, blocked,
// or a worker that ended its task with `work-done --outcome needs-human`), oldest wait first. Pure.
import type { PaneInfo } from '../../protocol/messages.js';
import type { DeckState } from './deck-state.js';
import { selectedPane } from './selectors.js';

export function isWaiting(pane: PaneInfo): boolean {
  return pane.outcome?.outcome === 'needs-human' || isAgentWaiting(pane);
}

/** Since when the pane waits: its status, or the report that asked for a person. */
function waitingSince(pane: PaneInfo): number {
  const at = Date.parse(pane.outcome?.outcome === 'needs-human' && !isAgentWaiting(pane) ? pane.outcome.at : pane.status.since);
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
}

function isAgentWaiting(pane: PaneInfo): boolean {
  return pane.state === 'running' && (pane.status.kind === 'needs-input' || pane.status.kind === 'blocked');
}

/** Every waiting pane, the longest waiting first (ties in deck order). */
export function waitingPanes(panes: readonly PaneInfo[]): PaneInfo[] {
  const order = new Map(panes.map((pane, i) => [pane.id, i]));
  return panes.filter(isWaiting).sort((a, b) => waitingSince(a) - waitingSince(b) || order.get(a.id)! - order.get(b.id)!);
}

/** Where the queue key goes: the oldest waiting pane, or, from a waiting pane not yet answered,
 *  the one after it (so pressing again walks the queue). Null when nobody waits. */
export function nextWaiting(state: DeckState): PaneInfo | null {
  const queue = waitingPanes(state.panes);
  if (queue.length === 0) return null;
  const current = selectedPane(state);
  const index = current ? queue.findIndex((pane) => pane.id === current.id) : -1;
  return queue[(index + 1) % queue.length]!;
}
