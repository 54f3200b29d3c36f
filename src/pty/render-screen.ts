// Reads a headless terminal's screen (or a scrollback viewport) into rendered rows and plain text.
// It only reads the buffer; frame diffing and transport belong to frame-diff.ts and the daemon.
import type { IBufferLine, Terminal } from '@xterm/headless';
import type { CursorPosition, PaneModes } from '../protocol/pane-types.js';
import { renderRow } from './render-row.js';
import type { RowCache } from './row-cache.js';

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

/** History older than the terminal's own scrollback (the pane's archived lines), oldest first. */
export interface OlderHistory {
  readonly length: number;
  line(index: number): IBufferLine | undefined;
}

export interface ScreenView {
  modes: PaneModes;
  title: string;
  /** Lines to scroll back from the live view; clamped to the scrollback that exists. */
  scrollOffset?: number;
  /** Lines above the terminal's scrollback (shown only with the normal screen active). */
  older?: OlderHistory;
  /** The live view's rows from the previous render, reused where their cells are unchanged. */
  rows?: RowCache;
}

/** One history: `older` lines, then the terminal's buffer (its scrollback, then its screen). */
interface History {
  /** Scrollback lines in all (older + the terminal's). */
  total: number;
  line(y: number): IBufferLine | undefined;
}

function historyOf(term: Terminal, older: OlderHistory | undefined): History {
  const buffer = term.buffer.active;
  // The alternate screen has no scrollback, and the normal screen's history is not reachable from it.
  const archived = older !== undefined && buffer.type === 'normal' ? older.length : 0;
  return {
    total: archived + buffer.baseY,
    line: (y) => (y < archived ? older!.line(y) : buffer.getLine(y - archived)),
  };
}

function wholeLines(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0;
}

/** Renders the rows from `baseY - offset` (the live screen when offset is 0). */
export function renderScreen(term: Terminal, view: ScreenView): RenderedScreen {
  const buffer = term.buffer.active;
  const { cols, rows } = term;
  const history = historyOf(term, view.older);
  const total = history.total;
  const offset = Math.min(wholeLines(view.scrollOffset), total);
  const top = total - offset;
  const scratch = buffer.getNullCell();
  let lines: string[] = [];
  if (offset === 0 && view.rows !== undefined) {
    const live: (IBufferLine | undefined)[] = [];
    for (let y = 0; y < rows; y++) live.push(history.line(top + y));
    lines = view.rows.render(live, cols, scratch);
  } else {
    for (let y = 0; y < rows; y++) lines.push(renderRow(history.line(top + y), cols, scratch));
  }

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
export function screenText(term: Terminal, scrollback?: number, older?: OlderHistory): string[] {
  const history = historyOf(term, older);
  const start = Math.max(0, history.total - wholeLines(scrollback));
  const end = history.total + term.rows;
  const text: string[] = [];
  for (let y = start; y < end; y++) text.push((history.line(y)?.translateToString(true) ?? '').trimEnd());
  return text;
}
