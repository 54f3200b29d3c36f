// Reads what sits in an agent's input box: the block of rows around the cursor, bounded by blank
// rows and horizontal rules, with box borders and spaces taken out so a line the agent wrapped
// onto several rows (at a word or at a hyphen) reads as one text. Delivery counts how many copies
// of its line the box holds before it presses Enter, and checks the box is empty before it types
// again (docs/AGENT-NOTES.md, "Typing a prompt into an agent"). Pure.
import type { CursorPosition } from '../protocol/pane-types.js';

/** At most this many rows above and below the cursor row belong to the input box. */
export const INPUT_REGION_ROWS = 8;
// A row that closes the box: a horizontal rule (─━═ or dashes, as screen-region.ts reads them).
const RULE = /^[\s╭╮╰╯┌┐└┘├┤]*[─━═▀▄-]{8,}[\s╭╮╰╯┌┐└┘├┤]*$/;
// Box drawing, block elements and the prompt glyphs agents draw in front of the text.
const DECORATION = /[\s\u2500-\u259f❯›»>]/gu;

const closes = (row: string | undefined) => row === undefined || row.trim() === '' || RULE.test(row);

/** The first row of the box the cursor is in. */
function boxTop(lines: readonly string[], at: number): number {
  let top = at;
  while (top > 0 && at - top < INPUT_REGION_ROWS && !closes(lines[top - 1])) top -= 1;
  return top;
}

const cursorRow = (lines: readonly string[], cursor: CursorPosition) => Math.min(Math.max(cursor.y, 0), Math.max(lines.length - 1, 0));

/** The rows of the input box around the cursor, top to bottom. */
export function inputRegionRows(lines: readonly string[], cursor: CursorPosition): string[] {
  const at = cursorRow(lines, cursor);
  let bottom = at;
  while (bottom < lines.length - 1 && bottom - at < INPUT_REGION_ROWS && !closes(lines[bottom + 1])) bottom += 1;
  return lines.slice(boxTop(lines, at), bottom + 1);
}

/** The box's text from its first row up to the cursor. */
function textBeforeCursor(lines: readonly string[], cursor: CursorPosition, joinAbove: boolean): string {
  const at = cursorRow(lines, cursor);
  // The cell under the cursor too: a line that ends in the last column leaves the cursor there.
  const own = (lines[at] ?? '').slice(0, cursor.x + 1);
  // Nothing typed before the cursor on its row (an empty prompt, or a blank row): the text above
  // is history, unless the row may be a newline in a multi-line box.
  if (squeeze(own) === '') return joinAbove && at > 0 && (lines[at] ?? '').trim() === '' ? lines.slice(boxTop(lines, at - 1), at).join('') : '';
  return [...lines.slice(boxTop(lines, at), at), own].join('');
}

/** Text with decoration and every space removed: wrapping and borders no longer matter. */
export function squeeze(text: string): string {
  return text.replace(DECORATION, '');
}

export interface InputBoxReading {
  /** Whole copies of the line that end at the cursor, one after the other (2 = typed twice). */
  copies: number;
  /** Just before those copies the box holds the start of another copy (keys of an earlier
   *  attempt that arrived in part): Enter would submit a garbled line. */
  garbled: boolean;
  /** Some of the line's text is anywhere in the box (a whole copy, or a part of one). */
  hasFragment: boolean;
  /** The box holds no text of the line at all. */
  empty: boolean;
}

/** The box holds exactly one clean copy of the line, ending at the cursor: Enter submits it. */
export function holdsOneCopy(reading: InputBoxReading): boolean {
  return reading.copies === 1 && !reading.garbled;
}

export interface InputBoxOptions {
  /** A blank cursor row belongs to the rows above it: a CR taken as a newline in a multi-line
   *  box (Claude Code under load) leaves the cursor on a new empty row below the text. Only for
   *  agents whose hooks confirm a submitted prompt: a plain program prints its echo and a
   *  newline, which looks the same. */
  newlineBox?: boolean;
}

/** How much of `line` the input box around the cursor holds. The text the agent is editing
 *  ends at the cursor; text that moved into the transcript above the box no longer does. */
export function readInputBox(lines: readonly string[], cursor: CursorPosition, line: string, options: InputBoxOptions = {}): InputBoxReading {
  const wanted = squeeze(line);
  if (wanted === '') return { copies: 0, garbled: false, hasFragment: false, empty: true };
  let before = squeeze(textBeforeCursor(lines, cursor, options.newlineBox ?? false));
  let copies = 0;
  while (before.endsWith(wanted)) {
    copies += 1;
    before = before.slice(0, -wanted.length);
  }
  const garbled = copies > 0 && startsCopy(before, wanted);
  const box = squeeze(inputRegionRows(lines, cursor).join(''));
  const hasFragment = copies > 0 || box.includes(wanted) || fragmentOf(box, wanted);
  return { copies, garbled, hasFragment, empty: !hasFragment };
}

const MIN_FRAGMENT = 6;

// `text` ends with the first characters of the line (a copy whose rest was lost).
function startsCopy(text: string, wanted: string): boolean {
  for (let size = Math.min(wanted.length - 1, text.length); size >= MIN_FRAGMENT; size--) {
    if (text.endsWith(wanted.slice(0, size))) return true;
  }
  return false;
}

// A part of the line: its start or its end (keys dropped in the middle or at either side), at
// least MIN_FRAGMENT characters so a stray word on the box's own footer does not count.
function fragmentOf(box: string, wanted: string): boolean {
  const size = Math.min(wanted.length, Math.max(MIN_FRAGMENT, Math.floor(wanted.length / 4)));
  return box.includes(wanted.slice(0, size)) || box.includes(wanted.slice(-size));
}
