// The daemon's own view of a pane, for comparing what the deck drew with what the pane holds:
// a second client subscribes at the deck's size (so nothing is resized) and replays the frames
// into a headless terminal.
import type { Connection } from '../../src/protocol/connection.js';
import { PaneScreens } from '../../src/tui/painter/pane-screens.js';
import { cellsOf, createTerminal, writeAsync } from './terminal-cells.js';

export interface PaneModel {
  /** The pane's cells as the daemon has them now, one array per row. */
  cells(): Promise<string[][]>;
  dispose(): void;
}

export async function watchPane(connection: Connection, paneId: string, cols: number, rows: number): Promise<PaneModel> {
  const screens = new PaneScreens();
  const subscription = connection.onFrame((frame) => {
    if (frame.paneId === paneId) screens.apply(frame);
  });
  await connection.request({ kind: 'subscribe', pane: paneId, cols, rows });
  return {
    async cells() {
      const screen = screens.get(paneId);
      const term = createTerminal(cols, rows);
      if (screen) await writeAsync(term, screen.lines.map((line, y) => `\x1b[${y + 1};1H${line}`).join(''));
      const cells = cellsOf(term, 0, 0, cols, rows);
      term.dispose();
      return cells;
    },
    dispose() {
      subscription.dispose();
    },
  };
}
