// Reading cells out of an @xterm/headless terminal: the text of a screen, cell-by-cell snapshots
// with colours and attributes, and a model row rendered the way the daemon sends rows (one SGR
// string that paints exactly `cols` cells) — for painter tests and e2e screen comparisons.
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';

const { Terminal } = xtermHeadless;
export type HeadlessTerminal = InstanceType<typeof Terminal>;
type Cell = NonNullable<ReturnType<NonNullable<ReturnType<HeadlessTerminal['buffer']['active']['getLine']>>['getCell']>>;

/** A headless terminal with Unicode 11 widths (DESIGN.md §7), as the daemon and the painter use. */
export function createTerminal(cols: number, rows: number, scrollback = 0): HeadlessTerminal {
  const term = new Terminal({ cols, rows, scrollback, allowProposedApi: true });
  term.loadAddon(new unicode11.Unicode11Addon());
  term.unicode.activeVersion = '11';
  return term;
}

export function writeAsync(term: HeadlessTerminal, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

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
    cell.isBold() && 'b', cell.isDim() && 'f', cell.isItalic() && 'i', cell.isUnderline() && 'u',
    cell.isInverse() && 'r', cell.isInvisible() && 'h', cell.isStrikethrough() && 's', cell.isBlink() && 'k',
  ].filter(Boolean).join('');
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

function sgrOf(cell: Cell): string {
  const params = ['0'];
  if (cell.isBold()) params.push('1');
  if (cell.isDim()) params.push('2');
  if (cell.isItalic()) params.push('3');
  if (cell.isUnderline()) params.push('4');
  if (cell.isBlink()) params.push('5');
  if (cell.isInverse()) params.push('7');
  if (cell.isInvisible()) params.push('8');
  if (cell.isStrikethrough()) params.push('9');
  const colour = (rgb: boolean, palette: boolean, value: number, base: number) => {
    if (rgb) params.push(`${base + 8};2;${(value >> 16) & 255};${(value >> 8) & 255};${value & 255}`);
    else if (palette) params.push(`${base + 8};5;${value}`);
  };
  colour(cell.isFgRGB(), cell.isFgPalette(), cell.getFgColor(), 30);
  colour(cell.isBgRGB(), cell.isBgPalette(), cell.getBgColor(), 40);
  return `\x1b[${params.join(';')}m`;
}

/** A model row as the daemon sends it: starts with a reset, paints exactly `cols` cells. */
export function renderRow(term: HeadlessTerminal, y: number): string {
  const buffer = term.buffer.active;
  const line = buffer.getLine(buffer.viewportY + y);
  let out = '\x1b[0m';
  let current = '\x1b[0m';
  for (let x = 0; x < term.cols; x++) {
    const cell = line?.getCell(x);
    if (!cell) {
      out += ' ';
      continue;
    }
    if (cell.getWidth() === 0) continue;
    const sgr = sgrOf(cell);
    if (sgr !== current) {
      out += sgr;
      current = sgr;
    }
    out += cell.getChars() || ' ';
  }
  return out;
}

export function renderRows(term: HeadlessTerminal): string[] {
  return Array.from({ length: term.rows }, (_, y) => renderRow(term, y));
}
