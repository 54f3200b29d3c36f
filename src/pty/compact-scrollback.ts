// A pane's history beyond the last few lines above the screen, moved out of xterm.js into the
// packed LineArchive. xterm keeps `keep` lines of scrollback (enough for a pane that grows taller
// to pull history back onto its screen, as xterm does), so its ring of lines is full and each line
// scrolled off the top is recycled in place, as in any xterm whose scrollback is full; the line
// leaving the ring is archived just before that. Every way the ring drops lines is caught (recycle,
// push, splice and trimStart of the normal buffer's list; a narrowing reflow gets room first, see
// resize), except the erase-scrollback sequences and a reset, which clear the archive too. Lines
// above the screen never change, so moving them loses nothing. Readers see one history: archived
// lines, then xterm's (docs/ARCHITECTURE.md §7). An earlier version trimmed xterm's ring itself
// after each parse slice; a ring that is never full makes xterm allocate a new line for every
// line scrolled (measured: ~15 % of a 20 MB log's parse time, and the allocator's heap fragmented
// by the churn kept ~60 MiB after a 20-pane flood).
import type { IBufferLine, Terminal } from '@xterm/headless';
import type { Disposable } from '../common/disposable.js';
import { LineArchive, type StoredLine } from './line-archive.js';
import type { ScrollbackBudget } from './scrollback-budget.js';

/** xterm's CircularList of buffer lines (internal; checked when a pane starts). */
interface LineList {
  readonly length: number;
  readonly maxLength: number;
  get(index: number): StoredLine | undefined;
  push(value: unknown): void;
  recycle(): unknown;
  splice(start: number, deleteCount: number, ...items: unknown[]): void;
  trimStart(count: number): void;
}

interface CoreBuffer {
  lines: LineList;
}

interface CoreBuffers {
  readonly normal: CoreBuffer;
  onBufferActivate(listener: () => void): Disposable;
}

function coreBuffers(term: Terminal): CoreBuffers {
  const buffers = (term as unknown as { _core?: { buffers?: Partial<CoreBuffers> } })._core?.buffers;
  const lines = buffers?.normal?.lines as Partial<LineList> | undefined;
  const line = lines?.get?.(0);
  const methods = ['push', 'recycle', 'splice', 'trimStart'] as const;
  if (
    typeof buffers?.onBufferActivate !== 'function' ||
    !methods.every((name) => typeof lines?.[name] === 'function') ||
    !(line?._data instanceof Uint32Array)
  ) {
    throw new Error(
      'This @xterm/headless has no Terminal._core.buffers (normal.lines with push, recycle, splice, trimStart; BufferLine._data; onBufferActivate); the deck needs the version in package.json.',
    );
  }
  return buffers as CoreBuffers;
}

export interface CompactScrollbackOptions {
  /** Lines of history in all (archived + kept in xterm). */
  scrollback: number;
  /** Bytes the archive may hold; past it the oldest lines go. */
  maxBytes: number;
  /** Lines of history left in xterm. */
  keep: number;
  /** The byte budget shared with the other panes' archives. */
  budget?: ScrollbackBudget;
}

export class CompactScrollback implements Disposable {
  private readonly archive: LineArchive;
  private readonly keep: number;
  private readonly handlers: Disposable[] = [];
  private watched: LineList | undefined;
  /** Set by an erase-scrollback sequence until xterm's own handler has trimmed the ring. */
  private erasing = false;

  constructor(
    private readonly term: Terminal,
    options: CompactScrollbackOptions,
  ) {
    this.keep = Math.min(options.scrollback, options.keep);
    this.archive = new LineArchive(
      { maxLines: options.scrollback - this.keep, maxBytes: options.maxBytes, ...(options.budget ? { budget: options.budget } : {}) },
      () => term.buffer.normal.getNullCell(),
    );
    const buffers = coreBuffers(term);
    this.watch(buffers.normal.lines);
    // A full reset (RIS) replaces the buffers: watch the new normal buffer's lines.
    this.handlers.push(buffers.onBufferActivate(() => this.watch(buffers.normal.lines)));
    // Erase scrollback (ED 3, DECSED 3) and a full reset clear the archived history too; xterm's
    // own handler runs after (false = not handled), and the lines it trims are dropped.
    const eraseScrollback = (params: (number | number[])[]) => {
      if (params[0] === 3 && term.buffer.active.type === 'normal') {
        this.archive.clear();
        this.erasing = true;
        // xterm trims only when there is history; the flag must not outlive this parse.
        queueMicrotask(() => (this.erasing = false));
      }
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

  /** The scrollback xterm itself is given: the ring holds this many lines above the screen. */
  get xtermScrollback(): number {
    return this.keep;
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

  /**
   * Resizes the terminal. Reflowing to fewer columns drops the oldest lines of a full ring without
   * a word (xterm only reports how many), so the ring gets room for every line to wrap first, and
   * the excess goes through trimStart (archived) when the room is taken away again.
   */
  resize(cols: number, rows: number): void {
    const narrower = cols < this.term.cols;
    if (narrower) this.term.options.scrollback = this.keep + (this.keep + this.term.rows) * Math.ceil(this.term.cols / cols);
    try {
      this.term.resize(cols, rows);
    } finally {
      if (narrower) this.term.options.scrollback = this.keep;
    }
  }

  dispose(): void {
    for (const handler of this.handlers.splice(0)) handler.dispose();
    this.archive.dispose();
  }

  /** Archives the lines `lines` is about to drop, through its own methods (instance properties). */
  private watch(lines: LineList): void {
    if (this.watched === lines) return;
    this.watched = lines;
    const archive = (index: number) => {
      const line = lines.get(index);
      if (line !== undefined) this.archive.push(line);
    };
    const { push, recycle, splice, trimStart } = lines;
    const list = lines as { -readonly [K in keyof LineList]: LineList[K] };
    // The hot path: a line scrolls off the top of a full ring and is reused for the new bottom.
    list.recycle = () => {
      archive(0);
      return recycle.call(lines);
    };
    list.push = (value: unknown) => {
      if (lines.length === lines.maxLength) archive(0);
      push.call(lines, value);
    };
    // Inserting into a full ring (a scroll region that starts at the top) drops the first lines
    // of the result: original lines before `start`, then inserted ones, then the rest.
    list.splice = (start: number, deleteCount: number, ...items: unknown[]) => {
      const overflow = lines.length - deleteCount + items.length - lines.maxLength;
      for (let k = 0; k < overflow; k++) {
        if (k < start) archive(k);
        else if (k < start + items.length) this.archive.push(items[k - start] as StoredLine);
        else archive(k - items.length + deleteCount);
      }
      splice.call(lines, start, deleteCount, ...items);
    };
    // A shorter screen trims the oldest lines (archived); erasing scrollback trims them for good.
    list.trimStart = (count: number) => {
      if (this.erasing) this.erasing = false;
      else for (let y = 0; y < Math.min(count, lines.length); y++) archive(y);
      trimStart.call(lines, count);
    };
  }
}
