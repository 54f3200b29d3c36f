// Cuts cells [from, to) out of a pre-rendered pane row (SGR sequences + text, ARCHITECTURE.md
// §3.2) so the painter can clip a row to its rectangle or paint around a dialog. The
// result paints exactly `to - from` cells: a wide character cut by an edge becomes a space, a
// short row is padded. With `dim`, every SGR also switches on faint (SGR 2); with `reverse`,
// reverse video (SGR 7), which is how a text selection is drawn.
import type { RowChar } from '../state/pane-selection.js';
import { cellWidth } from './cell-width.js';

const RESET = '\x1b[0m';

/** `ESC[…m` with faint/reverse added last, so a later reset or `22` in the same sequence cannot undo it. */
function extraSgr(params: string, extra: string): string {
  return `\x1b[${params === '' ? '0' : params}${extra}m`;
}

/** Length of the escape sequence at `index` (CSI or OSC/string), or 0 if it is not one. */
export function escapeLength(row: string, index: number): number {
  const kind = row[index + 1];
  if (kind === '[') {
    for (let pos = index + 2; pos < row.length; pos++) {
      const code = row.charCodeAt(pos);
      if (code >= 0x40 && code <= 0x7e) return pos - index + 1;
    }
    return row.length - index;
  }
  if (kind === ']' || kind === 'P' || kind === '_') {
    for (let pos = index + 2; pos < row.length; pos++) {
      if (row[pos] === '\x07') return pos - index + 1;
      if (row[pos] === '\x1b' && row[pos + 1] === '\\') return pos - index + 2;
    }
    return row.length - index;
  }
  return 2;
}

export function sliceRow(row: string, from: number, to: number, dim = false, reverse = false): string {
  const extra = (dim ? ';2' : '') + (reverse ? ';7' : '');
  const restyled = extra !== '';
  let out = restyled ? extraSgr('0', extra) : '';
  // Attributes set before `from` still apply to the first visible cell.
  let carried = '';
  let col = 0;
  let lastVisible = false;
  let index = 0;
  while (index < row.length) {
    if (row.charCodeAt(index) === 0x1b) {
      const length = escapeLength(row, index);
      let sequence = row.slice(index, index + length);
      if (restyled && sequence.endsWith('m') && sequence.startsWith('\x1b[')) sequence = extraSgr(sequence.slice(2, -1), extra);
      if (col < from) carried += sequence;
      else if (col < to) out += sequence;
      index += length;
      continue;
    }
    const codepoint = row.codePointAt(index)!;
    const char = String.fromCodePoint(codepoint);
    index += char.length;
    const width = cellWidth(codepoint);
    if (width === 0) {
      // Combining marks belong to the character before them.
      if (lastVisible) out += char;
      continue;
    }
    if (col >= to) break;
    const start = col;
    col += width;
    lastVisible = false;
    if (col <= from) continue;
    out += carried;
    carried = '';
    if (start < from || col > to) {
      // A wide character cut by an edge: show the cells that are ours as blanks.
      out += ' '.repeat(Math.min(col, to) - Math.max(start, from));
      continue;
    }
    out += char;
    lastVisible = true;
  }
  const missing = to - from - Math.max(0, Math.min(col, to) - from);
  if (missing > 0) out += RESET + (restyled ? extraSgr('0', extra) : '') + ' '.repeat(missing);
  return out;
}

/** The characters of a pre-rendered row and the cells each starts at (escapes skipped,
 *  combining marks kept with the character before them). */
export function rowChars(row: string): RowChar[] {
  const chars: RowChar[] = [];
  let col = 0;
  let index = 0;
  while (index < row.length) {
    if (row.charCodeAt(index) === 0x1b) {
      index += escapeLength(row, index);
      continue;
    }
    const codepoint = row.codePointAt(index)!;
    const char = String.fromCodePoint(codepoint);
    index += char.length;
    const width = cellWidth(codepoint);
    const last = chars[chars.length - 1];
    if (width === 0) {
      if (last) last.char += char;
      continue;
    }
    chars.push({ col, width, char });
    col += width;
  }
  return chars;
}
