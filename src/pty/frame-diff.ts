// Turns rendered screens into wire frames that carry only the rows a subscriber has not seen.
// Pure: the daemon keeps, per subscriber, the last screen it sent and decides when to send.
import type { PaneFrame } from '../protocol/pane-types.js';
import type { RenderedScreen } from './render-screen.js';

/** What a subscriber already has on its screen (a RenderedScreen fits). */
export interface FrameBasis {
  cols: number;
  rows: number;
  lines: readonly string[];
}

export interface RowChanges {
  /** Every row is included: there was nothing to diff against, or the size changed. */
  full: boolean;
  /** [rowIndex, row] for each row to repaint, in row order. */
  lines: Array<[number, string]>;
}

/** The rows of `current` that differ from `previous`; all of them when there is no comparable basis. */
export function diffRows(previous: FrameBasis | undefined, current: FrameBasis): RowChanges {
  const full = previous === undefined || previous.cols !== current.cols || previous.rows !== current.rows;
  const lines: Array<[number, string]> = [];
  current.lines.forEach((row, index) => {
    if (full || previous.lines[index] !== row) lines.push([index, row]);
  });
  return { full, lines };
}

/** A complete PaneFrame message for `current`, diffed against what the subscriber was sent last. */
export function buildPaneFrame(paneId: string, current: RenderedScreen, previous?: FrameBasis): PaneFrame {
  const { full, lines } = diffRows(previous, current);
  return {
    paneId,
    cols: current.cols,
    rows: current.rows,
    full,
    lines,
    cursor: current.cursor,
    modes: current.modes,
    title: current.title,
    scroll: current.scroll,
  };
}
