// A grid of styled cells the first paint draws the chrome into, then serializes to one string of
// escape sequences. It knows nothing of the deck; it refuses (Uncovered) whatever it could not
// draw exactly as Ink would: text past its box (Ink would wrap it) or a character whose width
// Ink and the terminal might see differently.

/** Ink's styles as its components use them: colour names (chalk's), bold, dim, inverse. */
export interface CellStyle {
  fg?: string | undefined;
  bg?: string | undefined;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

/** A run of text in one style. */
export type Segment = readonly [text: string, style?: CellStyle];

/** Thrown while painting: the state is one the first paint does not draw (Ink will). */
export class Uncovered extends Error {}

// Basic ANSI colours as chalk writes them (ansi-styles); Ink's components use no others.
const FG: Readonly<Record<string, number>> = { black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90, grey: 90 };

/** Characters of one cell for string-width (Ink), Unicode 11 (the painter) and a terminal alike:
 *  printable ASCII and Latin-1, and the few symbols the chrome uses. Anything else: Uncovered. */
function oneCell(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0x2ff) return code !== 0xad; // soft hyphen: zero width
  if (code >= 0x2500 && code <= 0x259f) return true; // box drawing, blocks
  return [0x2014, 0x2026, 0x2190, 0x2191, 0x2192, 0x2193, 0x25b8, 0x26a0].includes(code);
}

function sameStyle(a: CellStyle | undefined, b: CellStyle | undefined): boolean {
  return a?.fg === b?.fg && a?.bg === b?.bg && !a?.bold === !b?.bold && !a?.dim === !b?.dim && !a?.inverse === !b?.inverse;
}

function sgr(style: CellStyle | undefined): string {
  const codes = ['0'];
  if (style?.bold) codes.push('1');
  if (style?.dim) codes.push('2');
  if (style?.inverse) codes.push('7');
  if (style?.fg !== undefined) codes.push(String(colourCode(style.fg)));
  if (style?.bg !== undefined) codes.push(String(colourCode(style.bg) + 10));
  return `\x1b[${codes.join(';')}m`;
}

function colourCode(name: string): number {
  const code = FG[name];
  if (code === undefined) throw new Uncovered(`colour ${name}`);
  return code;
}

export class Canvas {
  private readonly chars: string[][];
  private readonly styles: Array<Array<CellStyle | undefined>>;

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.chars = Array.from({ length: rows }, () => Array<string>(cols).fill(' '));
    this.styles = Array.from({ length: rows }, () => Array<CellStyle | undefined>(cols).fill(undefined));
  }

  /** Segments from column x of row y (0-based); `right` is the first column past the box. */
  line(x: number, y: number, segments: readonly Segment[], right = this.cols): void {
    let col = x;
    for (const [text, style] of segments) {
      for (const char of text) {
        if (!oneCell(char.codePointAt(0)!)) throw new Uncovered(`character U+${char.codePointAt(0)!.toString(16)}`);
        if (col >= right || col >= this.cols) throw new Uncovered(`text past its box at ${x},${y}`);
        if (y >= 0 && y < this.rows && col >= 0) {
          this.chars[y]![col] = char;
          this.styles[y]![col] = style;
        }
        col++;
      }
    }
  }

  /** The whole grid as one write onto a cleared screen: each row from its first column up to its
   *  last cell that is not a plain space. */
  toAnsi(): string {
    let out = '';
    for (let y = 0; y < this.rows; y++) {
      const chars = this.chars[y]!;
      const styles = this.styles[y]!;
      let end = this.cols;
      while (end > 0 && chars[end - 1] === ' ' && styles[end - 1] === undefined) end--;
      if (end === 0) continue;
      out += `\x1b[${y + 1};1H\x1b[0m`;
      let current: CellStyle | undefined;
      for (let x = 0; x < end; x++) {
        if (!sameStyle(current, styles[x])) {
          current = styles[x];
          out += sgr(current);
        }
        out += chars[x];
      }
      out += '\x1b[0m';
    }
    return out;
  }
}
