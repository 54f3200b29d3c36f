// Turns one row of a headless xterm buffer into a self-contained SGR string for the pane painter.
// It owns cell → escape-sequence encoding; where the row is drawn is the painter's business.
import type { IBufferCell, IBufferLine } from '@xterm/headless';

const RESET = '\x1b[0m';

// Colour modes as returned by IBufferCell.getFgColorMode()/getBgColorMode() (xterm.js
// Attributes.CM_*); the public API exposes the raw numbers, which keep 16- and 256-colour apart.
const CM_P16 = 0x1000000;
const CM_P256 = 0x2000000;
const CM_RGB = 0x3000000;

/** Attribute bits of a pen. */
const Flag = {
  Bold: 1,
  Dim: 2,
  Italic: 4,
  Underline: 8,
  Blink: 16,
  Inverse: 32,
  Invisible: 64,
  Strikethrough: 128,
  Overline: 256,
} as const;

/** [flag, SGR on, SGR off] for the attributes that have their own "off" code. */
const TOGGLES: ReadonlyArray<readonly [number, number, number]> = [
  [Flag.Italic, 3, 23],
  [Flag.Underline, 4, 24],
  [Flag.Blink, 5, 25],
  [Flag.Inverse, 7, 27],
  [Flag.Invisible, 8, 28],
  [Flag.Strikethrough, 9, 29],
  [Flag.Overline, 53, 55],
];

interface Pen {
  flags: number;
  fgMode: number;
  fg: number;
  bgMode: number;
  bg: number;
}

const DEFAULT_PEN: Pen = { flags: 0, fgMode: 0, fg: 0, bgMode: 0, bg: 0 };

function penOf(cell: IBufferCell): Pen {
  let flags = 0;
  if (cell.isBold()) flags |= Flag.Bold;
  if (cell.isDim()) flags |= Flag.Dim;
  if (cell.isItalic()) flags |= Flag.Italic;
  if (cell.isUnderline()) flags |= Flag.Underline;
  if (cell.isBlink()) flags |= Flag.Blink;
  if (cell.isInverse()) flags |= Flag.Inverse;
  if (cell.isInvisible()) flags |= Flag.Invisible;
  if (cell.isStrikethrough()) flags |= Flag.Strikethrough;
  if (cell.isOverline()) flags |= Flag.Overline;
  const fgMode = cell.getFgColorMode();
  const bgMode = cell.getBgColorMode();
  // A default colour reads as -1; normalise so default pens compare equal to DEFAULT_PEN.
  return {
    flags,
    fgMode,
    fg: fgMode === 0 ? 0 : cell.getFgColor(),
    bgMode,
    bg: bgMode === 0 ? 0 : cell.getBgColor(),
  };
}

/** SGR parameters for a colour; `base` is 30 for foreground, 40 for background. */
function colourParams(mode: number, colour: number, base: 30 | 40): number[] {
  switch (mode) {
    case CM_P16:
      return [colour < 8 ? base + colour : base + 60 + colour - 8];
    case CM_P256:
      return [base + 8, 5, colour];
    case CM_RGB:
      return [base + 8, 2, (colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];
    default:
      return [base + 9];
  }
}

/** The shortest SGR that turns pen `from` into pen `to` ('' when they are equal). */
function transition(from: Pen, to: Pen): string {
  const params: number[] = [];
  const intensity = Flag.Bold | Flag.Dim;
  if ((from.flags & intensity) !== (to.flags & intensity)) {
    // Bold and dim share one "off" code (22), so dropping either means re-adding the other.
    const dropped = from.flags & intensity & ~to.flags;
    const base = dropped ? 0 : from.flags;
    if (dropped) params.push(22);
    if (to.flags & Flag.Bold && !(base & Flag.Bold)) params.push(1);
    if (to.flags & Flag.Dim && !(base & Flag.Dim)) params.push(2);
  }
  for (const [flag, on, off] of TOGGLES) {
    if ((from.flags & flag) !== (to.flags & flag)) params.push(to.flags & flag ? on : off);
  }
  if (from.fgMode !== to.fgMode || from.fg !== to.fg) params.push(...colourParams(to.fgMode, to.fg, 30));
  if (from.bgMode !== to.bgMode || from.bg !== to.bg) params.push(...colourParams(to.bgMode, to.bg, 40));
  return params.length === 0 ? '' : `\x1b[${params.join(';')}m`;
}

/**
 * Renders `line` as a string that starts with an SGR reset, paints exactly `cols` cells when
 * written at column 0 (a wide character counts two and its placeholder cell is skipped; blank
 * cells are painted as spaces in their own colours), emits SGR only where attributes change,
 * contains no erase or cursor sequences (the painter positions absolutely inside a rectangle), and
 * ends with a reset. `line` undefined renders a blank row. Pass `scratch` (from
 * `buffer.getNullCell()`) to avoid allocating a cell per column.
 */
export function renderRow(line: IBufferLine | undefined, cols: number, scratch?: IBufferCell): string {
  let out = RESET;
  let pen = DEFAULT_PEN;
  let x = 0;
  while (x < cols) {
    const cell = line?.getCell(x, scratch);
    if (cell === undefined) {
      // Past the end of the stored line (e.g. mid-resize): the rest is blank in default colours.
      out += transition(pen, DEFAULT_PEN) + ' '.repeat(cols - x);
      pen = DEFAULT_PEN;
      break;
    }
    const next = penOf(cell);
    out += transition(pen, next);
    pen = next;
    const width = cell.getWidth();
    // A wide character that would overhang the last column, or an orphaned placeholder (width 0
    // not preceded by its wide character), cannot be painted faithfully: paint a blank instead.
    if (width === 2 && x + 1 < cols) {
      out += cell.getChars() || ' ';
      x += 2;
    } else {
      out += width === 1 ? cell.getChars() || ' ' : ' ';
      x += 1;
    }
  }
  return out + RESET;
}
