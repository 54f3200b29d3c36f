// Rendered rows of a pane's live screen, kept between frames (issue #17 item 2). A keystroke's echo
// changes one row of 50, but rendering the whole 200×50 screen cell by cell through xterm's public
// API took ~1.3 ms per frame, most of an echo's time in the daemon. A row whose cells (xterm's
// three words per cell) are the ones it was rendered from is the same string: it is reused, and
// being the same string object, the frame diff compares it by pointer. When the screen scrolls,
// a row is looked up where it was before the scroll as well.
import type { IBufferCell, IBufferLine } from '@xterm/headless';
import type { StoredLine } from './line-codec.js';
import { renderRow } from './render-row.js';

interface CachedRow {
  /** A copy of the first `cols * 3` words of the line it was rendered from, as bytes. */
  bytes: Buffer;
  row: string;
}

/** xterm's stored line behind a public line view (BufferLineApiView keeps it as `_line`). */
function storedLine(line: IBufferLine | undefined): StoredLine | undefined {
  const stored = (line as { _line?: Partial<StoredLine> } | undefined)?._line;
  return stored?._data instanceof Uint32Array ? (stored as StoredLine) : undefined;
}

/**
 * The words that decide how `line` renders at `cols`, or undefined when they do not decide it
 * alone: a combined character's text lives outside the words, and a line shorter than `cols`
 * (mid-resize) renders blanks past its end.
 */
function renderWords(line: IBufferLine | undefined, cols: number): Uint32Array | undefined {
  const stored = storedLine(line);
  if (stored === undefined || stored.length < cols || stored._data.length < cols * 3) return undefined;
  for (const _ in stored._combined) return undefined;
  return stored._data;
}

/** The bytes of the first `count` words (a view, no copy): Buffer.equals compares them with memcmp. */
function bytesOf(words: Uint32Array, count: number): Buffer {
  return Buffer.from(words.buffer, words.byteOffset, count * 4);
}

function sameWords(cached: CachedRow | undefined, words: Buffer): boolean {
  return cached !== undefined && cached.bytes.equals(words);
}

export class RowCache {
  private rows: (CachedRow | undefined)[] = [];
  private cols = 0;
  /** How far the rows moved up at the last scroll (where to look first for a row not in place). */
  private shift = 0;

  /** Renders `lines` (one screen, top to bottom), reusing every row whose cells are unchanged. */
  render(lines: ReadonlyArray<IBufferLine | undefined>, cols: number, scratch?: IBufferCell): string[] {
    if (cols !== this.cols) {
      this.rows = [];
      this.cols = cols;
    }
    const previous = this.rows;
    const next: (CachedRow | undefined)[] = [];
    const count = cols * 3;
    const out: string[] = [];
    for (let y = 0; y < lines.length; y++) {
      const line = lines[y];
      const data = renderWords(line, cols);
      if (data === undefined) {
        out.push(renderRow(line, cols, scratch));
        next.push(undefined);
        continue;
      }
      const words = bytesOf(data, count);
      let hit = sameWords(previous[y], words) ? previous[y] : undefined;
      if (hit === undefined) {
        for (const shift of [this.shift, 1]) {
          if (shift > 0 && sameWords(previous[y + shift], words)) {
            hit = previous[y + shift];
            this.shift = shift;
            break;
          }
        }
      }
      hit ??= { bytes: Buffer.from(words), row: renderRow(line, cols, scratch) };
      out.push(hit.row);
      next.push(hit);
    }
    this.rows = next;
    return out;
  }
}
