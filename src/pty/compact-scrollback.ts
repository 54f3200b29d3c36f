// A pane's history beyond the last few lines above the screen, moved out of xterm.js into the
// packed LineArchive. xterm keeps `keep` lines of scrollback (enough for a pane that grows taller
// to pull history back onto its screen, as xterm does); after every parse slice the lines above
// those are archived and trimmed from xterm's buffer the way its own "erase scrollback" (ED 3)
// trims them. Lines above the screen never change (only a reset or ED 3 clears them), so moving
// them loses nothing. Readers see one history: archived lines, then xterm's (docs/ARCHITECTURE.md §7).
import type { IBufferLine, Terminal } from '@xterm/headless';
import type { Disposable } from '../common/disposable.js';
import { LineArchive, type StoredLine } from './line-archive.js';

/** The parts of xterm's normal buffer the trim touches (internal; checked when a pane starts). */
interface CoreBuffer {
  lines: { readonly length: number; get(index: number): StoredLine | undefined; set(index: number, value: unknown): void; trimStart(count: number): void };
  ybase: number;
  ydisp: number;
  savedY: number;
}

function coreNormalBuffer(term: Terminal): CoreBuffer {
  const buffer = (term as unknown as { _core?: { buffers?: { normal?: Partial<CoreBuffer> } } })._core?.buffers?.normal;
  const line = buffer?.lines?.get(0);
  if (typeof buffer?.lines?.trimStart !== 'function' || typeof buffer.ybase !== 'number' || !(line?._data instanceof Uint32Array)) {
    throw new Error(
      'This @xterm/headless has no Terminal._core.buffers.normal with lines.trimStart and BufferLine._data; the deck needs the version in package.json.',
    );
  }
  return buffer as CoreBuffer;
}

export interface CompactScrollbackOptions {
  /** Lines of history in all (archived + kept in xterm). */
  scrollback: number;
  /** Bytes the archive may hold; past it the oldest lines go. */
  maxBytes: number;
  /** Lines of history left in xterm. */
  keep: number;
}

/** How many lines xterm's own scrollback must hold: `keep` plus what one parse slice can add. */
export function xtermScrollback(options: CompactScrollbackOptions, sliceChars: number): number {
  // Each character adds at most one line (a line feed, or a wrap); only REP (CSI b) can add more.
  return Math.min(options.scrollback, options.keep) + sliceChars + 2;
}

export class CompactScrollback implements Disposable {
  private readonly archive: LineArchive;
  private readonly keep: number;
  private buffer: CoreBuffer;
  private readonly handlers: Disposable[] = [];

  constructor(
    private readonly term: Terminal,
    options: CompactScrollbackOptions,
  ) {
    this.keep = Math.min(options.scrollback, options.keep);
    this.archive = new LineArchive({ maxLines: options.scrollback - this.keep, maxBytes: options.maxBytes }, () => term.buffer.normal.getNullCell());
    this.buffer = coreNormalBuffer(term);
    // Erase scrollback (ED 3, DECSED 3) and a full reset clear the archived history too; xterm's
    // own handler runs after (false = not handled).
    const eraseScrollback = (params: (number | number[])[]) => {
      if (params[0] === 3 && term.buffer.active.type === 'normal') this.archive.clear();
      return false;
    };
    this.handlers.push(
      term.parser.registerCsiHandler({ final: 'J' }, eraseScrollback),
      term.parser.registerCsiHandler({ prefix: '?', final: 'J' }, eraseScrollback),
      term.parser.registerEscHandler({ final: 'c' }, () => {
        this.archive.clear();
        return false;
      }),
    );
  }

  /** Lines of history archived (older than any xterm still holds). */
  get length(): number {
    return this.archive.length;
  }

  /** Bytes the archive holds. */
  get bytes(): number {
    return this.archive.bytes;
  }

  /** Archived line `index` (0 = oldest). */
  line(index: number): IBufferLine | undefined {
    return this.archive.line(index);
  }

  /** Moves the history above the `keep` newest lines out of xterm; call after each parse slice. */
  compact(): void {
    const buffer = coreNormalBuffer(this.term);
    if (buffer !== this.buffer) {
      // A reset replaced the buffers (the escape handler cleared the archive already).
      this.buffer = buffer;
      this.archive.clear();
    }
    const excess = Math.min(buffer.ybase, buffer.lines.length - this.term.rows) - this.keep;
    if (excess <= 0) return;
    for (let y = 0; y < excess; y++) {
      const line = buffer.lines.get(y);
      if (line !== undefined) this.archive.push(line);
    }
    // xterm's trimStart leaves the trimmed lines in its ring until overwritten: drop them now.
    for (let y = 0; y < excess; y++) buffer.lines.set(y, undefined);
    buffer.lines.trimStart(excess);
    buffer.ybase -= excess;
    buffer.ydisp = Math.max(0, buffer.ydisp - excess);
    buffer.savedY = Math.max(0, buffer.savedY - excess);
  }

  dispose(): void {
    for (const handler of this.handlers.splice(0)) handler.dispose();
    this.archive.clear();
  }
}
