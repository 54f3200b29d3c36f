// Packs one of xterm.js's buffer lines into bytes and back, word for word. A line is 3 words per
// cell (content, fg, bg). Packed: the colours (and underline styles) as runs, the characters at 1
// byte per cell when all are narrow Latin-1, 2 bytes when all are in the BMP and not combined (a
// bitmap marks the wide ones; their placeholder cells are implied), else the 4-byte content word;
// and the trailing cells identical to the last one (the blank rest of a short line) once.
// Combined characters (base + combining marks) are the only part kept outside the bytes.

/** xterm's BufferLine as it stores a line (internal fields). */
export interface StoredLine {
  readonly length: number;
  readonly isWrapped: boolean;
  readonly _data: Uint32Array;
  readonly _combined: Record<number, string>;
  readonly _extendedAttrs: Record<number, ExtendedWords | undefined>;
}

/** xterm's ExtendedAttrs (underline style and colour, hyperlink id) as two words. */
export interface ExtendedWords {
  _ext: number;
  _urlId: number;
}

/** A decoded line: the cell words, and what lives beside them. */
export interface DecodedLine {
  isWrapped: boolean;
  words: Uint32Array;
  /** ExtendedAttrs by column, for cells whose bg has HAS_EXTENDED. */
  extended: (ExtendedWords | undefined)[] | undefined;
  combined: Map<number, string> | undefined;
}

// Bits of xterm's content and bg words (xterm.js Content / BgFlags).
export const IS_COMBINED = 0x200000;
export const CODEPOINT_MASK = 0x1fffff;
export const WIDTH_SHIFT = 22;
export const HAS_EXTENDED = 0x10000000;
const NARROW = 1 << WIDTH_SHIFT;
const WIDE = 2 << WIDTH_SHIFT;

const HEADER_BYTES = 20;
const RUN_BYTES = 10;
const RUN_EXTENDED_BYTES = 8;
const FLAG_WRAPPED = 1;
const MODE_LATIN1 = 1;
const MODE_BMP = 2;
const MODE_WORDS = 4;

function sameExtended(a: ExtendedWords | undefined, b: ExtendedWords | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a._ext === b._ext && a._urlId === b._urlId);
}

/** Writes a colour run (first column, fg and bg words) at `at`; returns the offset after it. */
function writeRun(view: DataView, at: number, x: number, fg: number, bg: number): number {
  view.setUint16(at, x, true);
  view.setUint32(at + 2, fg, true);
  view.setUint32(at + 6, bg, true);
  return at + RUN_BYTES;
}

export class LineEncoder {
  private buffer = new Uint8Array(4096);
  private view = new DataView(this.buffer.buffer);
  /** The characters of a Latin-1 line, before they follow its runs. */
  private chars = new Uint8Array(256);

  /** `latin1Fast`: off only in the test that holds the fast path to the general one. */
  constructor(private readonly latin1Fast = true) {}

  /** The encoded bytes of the last `encode` (valid until the next). */
  get bytes(): Uint8Array {
    return this.buffer;
  }

  /** Encodes `line`; returns its size in `bytes` and its combined characters, if any. */
  encode(line: StoredLine): { size: number; combined: Map<number, string> | undefined } {
    const width = line.length;
    const data = line._data;
    const ext = line._extendedAttrs;
    // Explicit cells: all but the trailing run identical to a plain last cell.
    let explicit = width;
    if (width > 0) {
      const last = (width - 1) * 3;
      const c = data[last]!;
      const f = data[last + 1]!;
      const b = data[last + 2]!;
      if (!(c & IS_COMBINED) && !(b & HAS_EXTENDED)) {
        explicit = width - 1;
        while (explicit > 0 && data[(explicit - 1) * 3] === c && data[(explicit - 1) * 3 + 1] === f && data[(explicit - 1) * 3 + 2] === b) explicit -= 1;
      }
    }
    // One pass over the cells writes the colour runs (into the buffer right after the header) and
    // finds how the characters can be stored; the characters follow the runs in a second pass.
    // Worst case: a run with extended attributes at every cell, then 4 bytes a cell.
    const worst = HEADER_BYTES + explicit * (RUN_BYTES + RUN_EXTENDED_BYTES + 4) + Math.ceil(explicit / 8);
    if (this.buffer.length < worst) {
      this.buffer = new Uint8Array(worst * 2);
      this.view = new DataView(this.buffer.buffer);
    }
    const fast = this.latin1Fast ? this.latin1Runs(data, explicit) : 0;
    if (fast > 0) {
      this.header(line, width, MODE_LATIN1, explicit);
      this.buffer.set(this.chars.subarray(0, explicit), fast);
      return { size: fast + explicit, combined: undefined };
    }
    const { buffer, view } = this;
    let mode = MODE_LATIN1;
    let combined: Map<number, string> | undefined;
    let runs = 0;
    let at = HEADER_BYTES;
    let fg = 0;
    let bg = 0;
    let placeholder = false;
    for (let x = 0; x < explicit; x++) {
      const i = x * 3;
      const cellFg = data[i + 1]!;
      const cellBg = data[i + 2]!;
      if (x === 0 || cellFg !== fg || cellBg !== bg || (cellBg & HAS_EXTENDED && !sameExtended(ext[x], ext[x - 1]))) {
        fg = cellFg;
        bg = cellBg;
        at = writeRun(view, at, x, fg, bg);
        if (bg & HAS_EXTENDED) {
          view.setUint32(at, ext[x]?._ext ?? 0, true);
          view.setUint32(at + 4, ext[x]?._urlId ?? 0, true);
          at += RUN_EXTENDED_BYTES;
        }
        runs += 1;
      }
      const content = data[i]!;
      if (content & IS_COMBINED) (combined ??= new Map()).set(x, line._combined[x] ?? '');
      // The placeholder cell after a wide character (content 0) is implied in BMP mode.
      if (placeholder) {
        placeholder = false;
        continue;
      }
      if (mode === MODE_WORDS || (content & ~0xff) === NARROW) continue;
      const small = !(content & IS_COMBINED) && (content & CODEPOINT_MASK) <= 0xffff;
      if (small && (content & ~CODEPOINT_MASK) === NARROW) mode = MODE_BMP;
      else if (small && (content & ~CODEPOINT_MASK) === WIDE && x + 1 < explicit && data[i + 3] === 0) {
        mode = MODE_BMP;
        placeholder = true;
      } else mode = MODE_WORDS;
    }
    const bitmap = mode === MODE_BMP ? Math.ceil(explicit / 8) : 0;
    const size = at + bitmap + explicit * mode;
    this.header(line, width, mode, explicit);
    view.setUint16(4, runs, true);
    if (mode === MODE_LATIN1) {
      for (let x = 0; x < explicit; x++) buffer[at + x] = data[x * 3]! & 0xff;
    } else if (mode === MODE_BMP) {
      buffer.fill(0, at, at + bitmap);
      for (let x = 0; x < explicit; x++) {
        const content = data[x * 3]!;
        if ((content & ~CODEPOINT_MASK) === WIDE) buffer[at + (x >> 3)]! |= 1 << (x & 7);
        view.setUint16(at + bitmap + x * 2, content & 0xffff, true);
      }
    } else {
      for (let x = 0; x < explicit; x++) view.setUint32(at + x * 4, data[x * 3]!, true);
    }
    return { size, combined };
  }

  /**
   * The common line (every cell a narrow Latin-1 character, no extended attributes) in one pass:
   * the colour runs written after the header, the characters into `chars`. Returns where the runs
   * end, or 0 at the first other cell (encode then starts over on the general path). The bytes
   * are the general path's (tests/unit/pty/line-codec.test.ts).
   */
  private latin1Runs(data: Uint32Array, explicit: number): number {
    if (this.chars.length < explicit) this.chars = new Uint8Array(explicit * 2);
    const { chars, view } = this;
    let at = HEADER_BYTES;
    let runs = 0;
    let fg = 0;
    let bg = 0;
    for (let x = 0, i = 0; x < explicit; x++, i += 3) {
      const content = data[i]!;
      const cellBg = data[i + 2]!;
      if ((content & ~0xff) !== NARROW || cellBg & HAS_EXTENDED) return 0;
      chars[x] = content;
      const cellFg = data[i + 1]!;
      if (x === 0 || cellFg !== fg || cellBg !== bg) {
        fg = cellFg;
        bg = cellBg;
        at = writeRun(view, at, x, fg, bg);
        runs += 1;
      }
    }
    view.setUint16(4, runs, true);
    return at;
  }

  /** The header but its run count: width, flags, mode, explicit cells, the trailing cell. */
  private header(line: StoredLine, width: number, mode: number, explicit: number): void {
    const { view } = this;
    const data = line._data;
    const tail = width > 0 ? (width - 1) * 3 : 0;
    view.setUint16(0, width, true);
    view.setUint8(2, line.isWrapped ? FLAG_WRAPPED : 0);
    view.setUint8(3, mode);
    view.setUint16(6, explicit, true);
    view.setUint32(8, width > 0 ? data[tail]! : 0, true);
    view.setUint32(12, width > 0 ? data[tail + 1]! : 0, true);
    view.setUint32(16, width > 0 ? data[tail + 2]! : 0, true);
  }
}

/** Decodes the line at `offset`; `extended` makes an ExtendedAttrs from its two words. */
export function decodeLine(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  combined: Map<number, string> | undefined,
  extended: (ext: number, urlId: number) => ExtendedWords,
): DecodedLine {
  const width = view.getUint16(offset, true);
  const flags = view.getUint8(offset + 2);
  const mode = view.getUint8(offset + 3);
  const runs = view.getUint16(offset + 4, true);
  const explicit = view.getUint16(offset + 6, true);
  const words = new Uint32Array(width * 3);
  let byColumn: (ExtendedWords | undefined)[] | undefined;
  let at = offset + HEADER_BYTES;
  let start = 0;
  let fg = 0;
  let bg = 0;
  let ext: ExtendedWords | undefined;
  const fill = (end: number) => {
    for (let x = start; x < end; x++) {
      words[x * 3 + 1] = fg;
      words[x * 3 + 2] = bg;
    }
    if (ext !== undefined) {
      byColumn ??= new Array<ExtendedWords | undefined>(width);
      for (let x = start; x < end; x++) byColumn[x] = ext;
    }
  };
  for (let r = 0; r < runs; r++) {
    const next = view.getUint16(at, true);
    if (r > 0) fill(next);
    start = next;
    fg = view.getUint32(at + 2, true);
    bg = view.getUint32(at + 6, true);
    at += RUN_BYTES;
    ext = undefined;
    if (bg & HAS_EXTENDED) {
      ext = extended(view.getUint32(at, true), view.getUint32(at + 4, true));
      at += RUN_EXTENDED_BYTES;
    }
  }
  if (runs > 0) fill(explicit);
  if (mode === MODE_LATIN1) {
    for (let x = 0; x < explicit; x++) words[x * 3] = NARROW | bytes[at + x]!;
  } else if (mode === MODE_BMP) {
    const bitmap = Math.ceil(explicit / 8);
    for (let x = 0; x < explicit; x++) {
      const codepoint = view.getUint16(at + bitmap + x * 2, true);
      const wide = (bytes[at + (x >> 3)]! >> (x & 7)) & 1;
      words[x * 3] = (wide ? WIDE : NARROW) | codepoint;
      if (wide) x += 1; // its placeholder: content 0
    }
  } else {
    for (let x = 0; x < explicit; x++) words[x * 3] = view.getUint32(at + x * 4, true);
  }
  const tailContent = view.getUint32(offset + 8, true);
  const tailFg = view.getUint32(offset + 12, true);
  const tailBg = view.getUint32(offset + 16, true);
  for (let x = explicit; x < width; x++) {
    words[x * 3] = tailContent;
    words[x * 3 + 1] = tailFg;
    words[x * 3 + 2] = tailBg;
  }
  return { isWrapped: (flags & FLAG_WRAPPED) !== 0, words, extended: byColumn, combined };
}
