// Reading cells out of an @xterm/headless terminal: the text of a screen and cell-by-cell
// snapshots with colours and attributes, for painter tests and e2e screen comparisons.
import { renderRow as renderPaneRow } from '../../src/pty/render-row.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from './headless-terminal.js';

export type { HeadlessTerminal } from './headless-terminal.js';
type Cell = NonNullable<ReturnType<NonNullable<ReturnType<HeadlessTerminal['buffer']['active']['getLine']>>['getCell']>>;

export const createTerminal = createHeadlessTerminal;
export const writeAsync = writeAndParse;

/** The visible screen as text, one line per row, trailing blanks trimmed. */
export function screenText(term: HeadlessTerminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
  return lines.join('\n');
}

/** One cell as a comparable string: characters, width, colours and attributes. */
function describeCell(cell: Cell): string {
  // 16-colour and 256-colour palette entries look the same: compare the index, not the SGR form.
  const colour = (mode: number, value: number, isDefault: boolean) => (isDefault ? 'd' : `${mode === 0x3000000 ? 'rgb' : 'p'}:${value}`);
  const attrs = [
    cell.isBold() && 'b',
    cell.isDim() && 'f',
    cell.isItalic() && 'i',
    cell.isUnderline() && 'u',
    cell.isInverse() && 'r',
    cell.isInvisible() && 'h',
    cell.isStrikethrough() && 's',
    cell.isBlink() && 'k',
  ]
    .filter(Boolean)
    .join('');
  return `${cell.getChars() || ' '}|${cell.getWidth()}|${colour(cell.getFgColorMode(), cell.getFgColor(), cell.isFgDefault())}|${colour(cell.getBgColorMode(), cell.getBgColor(), cell.isBgDefault())}|${attrs}`;
}

/** Cells of a rectangle (0-based x, y in the viewport), one array per row. */
export function cellsOf(term: HeadlessTerminal, x: number, y: number, cols: number, rows: number): string[][] {
  const buffer = term.buffer.active;
  const out: string[][] = [];
  for (let row = 0; row < rows; row++) {
    const line = buffer.getLine(buffer.viewportY + y + row);
    const cells: string[] = [];
    for (let col = 0; col < cols; col++) {
      const cell = line?.getCell(x + col);
      cells.push(cell ? describeCell(cell) : 'missing');
    }
    out.push(cells);
  }
  return out;
}

/** A model row as the daemon sends it (the pane engine's own renderer). */
export function renderRow(term: HeadlessTerminal, y: number): string {
  const buffer = term.buffer.active;
  return renderPaneRow(buffer.getLine(buffer.viewportY + y), term.cols);
}

export function renderRows(term: HeadlessTerminal): string[] {
  return Array.from({ length: term.rows }, (_, y) => renderRow(term, y));
}
