// Reads a headless terminal's screen (or a scrollback viewport) into rendered rows and plain text.
// It only reads the buffer; frame diffing and transport belong to frame-diff.ts and the daemon.
import type { Terminal } from '@xterm/headless';
import type { CursorPosition, PaneModes } from '../protocol/pane-types.js';
import { renderRow } from './render-row.js';

/** Every visible row of a pane (or of a scrollback viewport), rendered for the painter. */
export interface RenderedScreen {
  cols: number;
  rows: number;
  /** One SGR row string per row, each painting exactly `cols` cells (see renderRow). */
  lines: string[];
  cursor: CursorPosition;
  modes: PaneModes;
  title: string;
  /** Lines scrolled back from the live view, and how many scrollback lines exist. */
  scroll: { offset: number; total: number };
}

export interface ScreenView {
  modes: PaneModes;
  title: string;
  /** Lines to scroll back from the live view; clamped to the scrollback that exists. */
  scrollOffset?: number;
}

function wholeLines(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0;
}

/** Renders the rows from `baseY - offset` (the live screen when offset is 0). */
export function renderScreen(term: Terminal, view: ScreenView): RenderedScreen {
  const buffer = term.buffer.active;
  const { cols, rows } = term;
  const total = buffer.baseY;
  const offset = Math.min(wholeLines(view.scrollOffset), total);
  const top = total - offset;
  const scratch = buffer.getNullCell();
  const lines: string[] = [];
  for (let y = 0; y < rows; y++) lines.push(renderRow(buffer.getLine(top + y), cols, scratch));

  // Scrolling back pushes the live cursor down, possibly out of the viewport. cursorX may equal
  // cols (a pending wrap after writing the last column); the painter needs a real cell.
  const cursorRow = buffer.cursorY + offset;
  const cursor: CursorPosition = {
    x: Math.min(buffer.cursorX, cols - 1),
    y: Math.min(cursorRow, rows - 1),
    visible: view.modes.cursorVisible && cursorRow < rows,
  };
  return { cols, rows, lines, cursor, modes: view.modes, title: view.title, scroll: { offset, total } };
}

/** Plain text of the live screen, right-trimmed, preceded by up to `scrollback` history lines. */
export function screenText(term: Terminal, scrollback?: number): string[] {
  const buffer = term.buffer.active;
  const start = Math.max(0, buffer.baseY - wholeLines(scrollback));
  const end = buffer.baseY + term.rows;
  const text: string[] = [];
  for (let y = start; y < end; y++) text.push((buffer.getLine(y)?.translateToString(true) ?? '').trimEnd());
  return text;
}
