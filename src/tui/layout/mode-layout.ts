// Where a workspace mode's panes go in the main area: the agent pane on the left half, the side
// panes (persistent, then the reactive slots) stacked on the right, each in a frame whose top
// edge carries its title. Pure; deck-layout.ts uses it for a mode's tab.
import type { PaneInfo } from '../../protocol/messages.js';
import type { PaneSlot, Rect } from './deck-layout.js';

export { modeOrder } from '../state/mode-order.js';

/** A side pane needs its frame's two edges and at least one row of content. */
const MIN_SIDE_ROWS = 3;

/** Whether the tab is a mode's tab (its panes carry a mode part). */
export function isModeTab(panes: readonly PaneInfo[], tab: string | null): boolean {
  return tab !== null && panes.some((pane) => pane.tab === tab && pane.mode);
}

const rect = (x: number, y: number, cols: number, rows: number): Rect => ({ x, y, cols: Math.max(0, cols), rows: Math.max(0, rows) });

function framed(paneId: string, frame: Rect): PaneSlot {
  return {
    paneId,
    frame,
    title: rect(frame.x + 1, frame.y, frame.cols - 2, 1),
    content: rect(frame.x + 1, frame.y + 1, frame.cols - 2, frame.rows - 2),
  };
}

/**
 * The frames of a mode's tab. `ordered` is modeOrder's list; its first pane is the agent pane.
 * When the side panes do not all fit, a window of them around `selectedId` is shown.
 */
export function modeSlots(ordered: readonly PaneInfo[], selectedId: string | null, main: Rect): PaneSlot[] {
  const [agent, ...sides] = ordered;
  if (!agent) return [];
  if (sides.length === 0) return [framed(agent.id, main)];
  const agentCols = Math.floor(main.cols / 2);
  const sideCols = main.cols - agentCols;
  const capacity = Math.max(1, Math.floor(main.rows / MIN_SIDE_ROWS));
  const selected = Math.max(
    0,
    sides.findIndex((pane) => pane.id === selectedId),
  );
  const first = Math.min(Math.max(0, selected - capacity + 1), Math.max(0, sides.length - capacity));
  const shown = sides.slice(first, first + capacity);
  const slots = [framed(agent.id, rect(main.x, main.y, agentCols, main.rows))];
  shown.forEach((pane, i) => {
    const y = main.y + Math.floor((main.rows * i) / shown.length);
    const next = main.y + Math.floor((main.rows * (i + 1)) / shown.length);
    slots.push(framed(pane.id, rect(main.x + agentCols, y, sideCols, next - y)));
  });
  return slots;
}
