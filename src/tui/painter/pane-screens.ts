// The latest screen of every pane the TUI watches, kept as the daemon's pre-rendered rows and
// updated by full and partial frames. The painter draws from here; the input router reads modes.
import type { CursorPosition, PaneFrame, PaneModes } from '../../protocol/pane-types.js';

export interface PaneScreen {
  cols: number;
  rows: number;
  lines: string[];
  cursor: CursorPosition;
  modes: PaneModes;
  title: string;
  scroll: { offset: number; total: number };
}

export class PaneScreens {
  private readonly screens = new Map<string, PaneScreen>();

  get(paneId: string): PaneScreen | undefined {
    return this.screens.get(paneId);
  }

  /** Applies a frame; answers the rows that changed, or 'all' for a full frame or a new size. */
  apply(frame: PaneFrame): number[] | 'all' {
    const previous = this.screens.get(frame.paneId);
    const reshaped = !previous || previous.rows !== frame.rows || previous.cols !== frame.cols;
    const lines = frame.full || reshaped ? new Array<string>(frame.rows).fill('') : previous.lines;
    if (!frame.full && reshaped && previous) {
      for (let row = 0; row < Math.min(frame.rows, previous.rows); row++) lines[row] = previous.lines[row]!;
    }
    for (const [row, text] of frame.lines) if (row < frame.rows) lines[row] = text;
    this.screens.set(frame.paneId, {
      cols: frame.cols,
      rows: frame.rows,
      lines,
      cursor: frame.cursor,
      modes: frame.modes,
      title: frame.title,
      scroll: frame.scroll,
    });
    if (frame.full || reshaped) return 'all';
    return frame.lines.map(([row]) => row).filter((row) => row < frame.rows);
  }

  drop(paneId: string): void {
    this.screens.delete(paneId);
  }
}
