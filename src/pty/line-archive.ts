// Scrollback lines that have left the emulator, packed (pty/line-codec.ts) into shared chunks, so
// the store holds a few dozen objects however many lines it keeps. xterm.js keeps every line as 3
// words per cell plus ~400 bytes of objects (120 cols ≈ 1.8 KB). Decoding gives back the exact
// words, so a line reads, renders and translates cell for cell as it did in the emulator
// (docs/ARCHITECTURE.md §7).
import type { IBufferCell, IBufferLine } from '@xterm/headless';
import {
  CODEPOINT_MASK,
  decodeLine,
  HAS_EXTENDED,
  IS_COMBINED,
  LineEncoder,
  WIDTH_SHIFT,
  type DecodedLine,
  type ExtendedWords,
  type StoredLine,
} from './line-codec.js';
import type { BudgetMember, ScrollbackBudget } from './scrollback-budget.js';

export type { StoredLine } from './line-codec.js';

/** A cell as xterm's CellData holds it: the raw words behind the public IBufferCell. */
export interface RawCell extends IBufferCell {
  content: number;
  fg: number;
  bg: number;
  combinedData: string;
  extended: object;
}

export interface LineArchiveLimits {
  /** Lines kept; the oldest go first. */
  maxLines: number;
  /** Bytes held (chunks plus combined characters); the oldest lines go first. */
  maxBytes: number;
  /** Size of one storage chunk (default: 1/32 of maxBytes, within 4–64 KiB). */
  chunkBytes?: number;
  /** The daemon-wide byte budget this archive shares with the other panes' (none: only its own caps). */
  budget?: ScrollbackBudget;
}

const SIDE_ENTRY_BYTES = 48;

interface Chunk {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly view: DataView;
  used: number;
}

/** One archived line, decoded: reads like the emulator's line it was taken from. */
export class ArchivedLine implements IBufferLine {
  readonly isWrapped: boolean;
  private readonly words: Uint32Array;
  private readonly extended: (ExtendedWords | undefined)[] | undefined;
  private readonly combined: Map<number, string> | undefined;

  constructor(
    decoded: DecodedLine,
    private readonly newCell: () => IBufferCell,
  ) {
    this.isWrapped = decoded.isWrapped;
    this.words = decoded.words;
    this.extended = decoded.extended;
    this.combined = decoded.combined;
  }

  get length(): number {
    return this.words.length / 3;
  }

  getCell(x: number, cell?: IBufferCell): IBufferCell | undefined {
    if (x < 0 || x >= this.length) return undefined;
    const raw = (cell ?? this.newCell()) as RawCell;
    raw.content = this.words[x * 3]!;
    raw.fg = this.words[x * 3 + 1]!;
    raw.bg = this.words[x * 3 + 2]!;
    if (raw.content & IS_COMBINED) raw.combinedData = this.combined?.get(x) ?? '';
    if (raw.bg & HAS_EXTENDED) {
      const extended = this.extended?.[x];
      if (extended !== undefined) raw.extended = extended;
    }
    return raw;
  }

  /** As xterm's BufferLine.translateToString: a cell's characters, a blank cell as a space. */
  translateToString(trimRight?: boolean, startColumn = 0, endColumn = this.length): string {
    let end = endColumn;
    if (trimRight) end = Math.min(end, this.trimmedLength());
    let out = '';
    let x = startColumn;
    while (x < end) {
      const content = this.words[x * 3]!;
      const codepoint = content & CODEPOINT_MASK;
      out += content & IS_COMBINED ? (this.combined?.get(x) ?? '') : codepoint ? String.fromCodePoint(codepoint) : ' ';
      x += content >>> WIDTH_SHIFT || 1;
    }
    return out;
  }

  private trimmedLength(): number {
    for (let x = this.length - 1; x >= 0; x--) {
      const content = this.words[x * 3]!;
      if (content & (CODEPOINT_MASK | IS_COMBINED)) return x + (content >>> WIDTH_SHIFT);
    }
    return 0;
  }
}

export class LineArchive implements BudgetMember {
  private readonly maxLines: number;
  private readonly maxBytes: number;
  private readonly chunkBytes: number;
  private chunks: Chunk[] = [];
  private nextChunkSeq = 0;
  private heldBytes = 0;
  /** Ring of line locations: chunk sequence number and offset in it. */
  private slotChunk = new Int32Array(0);
  private slotOffset = new Int32Array(0);
  private head = 0;
  private count = 0;
  /** Sequence number of the oldest line (sides are keyed by it). */
  private firstSeq = 0;
  /** Combined characters of the lines that have any, by line sequence number. */
  private readonly sides = new Map<number, Map<number, string>>();
  private sideBytes = 0;
  private readonly encoder = new LineEncoder();
  private readonly makeExtended: (ext: number, urlId: number) => ExtendedWords;
  private readonly budget: ScrollbackBudget | undefined;
  /** Without a shared budget: the chunk freed last, for the next one (the budget keeps spares itself). */
  private spare: Uint8Array | undefined;

  constructor(
    limits: LineArchiveLimits,
    private readonly newCell: () => IBufferCell,
  ) {
    this.maxLines = Math.max(0, Math.trunc(limits.maxLines));
    this.maxBytes = Math.max(0, limits.maxBytes);
    this.chunkBytes = limits.chunkBytes ?? Math.min(64 * 1024, Math.max(4 * 1024, Math.floor(this.maxBytes / 32)));
    // xterm's ExtendedAttrs class, from a cell's own: constructed from its two words.
    const Extended = (newCell() as RawCell).extended.constructor as new (ext: number, urlId: number) => ExtendedWords;
    this.makeExtended = (ext, urlId) => new Extended(ext, urlId);
    this.budget = limits.budget;
    this.budget?.join(this);
  }

  /** Lines held. */
  get length(): number {
    return this.count;
  }

  /** Bytes held: chunks (allocated, not only used) plus the side objects' estimate. */
  get bytes(): number {
    return this.heldBytes + this.sideBytes;
  }

  clear(): void {
    for (const chunk of this.chunks) this.budget?.recycle(chunk.bytes);
    this.account(-this.heldBytes - this.sideBytes);
    this.chunks = [];
    this.heldBytes = 0;
    this.slotChunk = new Int32Array(0);
    this.slotOffset = new Int32Array(0);
    this.head = 0;
    this.firstSeq += this.count;
    this.count = 0;
    this.sides.clear();
    this.sideBytes = 0;
  }

  /** Appends `line` (one of xterm's own buffer lines). */
  push(line: StoredLine): void {
    if (this.maxLines === 0) return;
    const { size, combined } = this.encoder.encode(line);
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || chunk.bytes.length - chunk.used < size) {
      const length = Math.max(this.chunkBytes, size);
      const bytes = this.budget?.allocate(length) ?? this.takeSpare(length);
      chunk = { seq: this.nextChunkSeq++, bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length), used: 0 };
      this.chunks.push(chunk);
      this.heldBytes += bytes.length;
      this.account(bytes.length);
    }
    chunk.bytes.set(this.encoder.bytes.subarray(0, size), chunk.used);
    if (this.count === this.slotChunk.length) this.grow();
    if (this.count === this.slotChunk.length) this.evictOldest();
    const slot = (this.head + this.count) % this.slotChunk.length;
    this.slotChunk[slot] = chunk.seq;
    this.slotOffset[slot] = chunk.used;
    chunk.used += size;
    if (combined !== undefined) {
      this.sides.set(this.firstSeq + this.count, combined);
      this.sideBytes += sideSize(combined);
      this.account(sideSize(combined));
    }
    this.count += 1;
    while (this.count > this.maxLines || (this.bytes > this.maxBytes && this.chunks.length > 1 && this.count > 0)) this.evictOldest();
    this.budget?.settle();
  }

  /** Drops the oldest chunk and the lines in it, for the shared budget; false if only the chunk
   *  being filled is left. */
  shedOldest(): boolean {
    if (this.chunks.length <= 1) return false;
    const oldest = this.chunks[0]!.seq;
    while (this.count > 0 && this.chunks[0]!.seq === oldest) this.evictOldest();
    return true;
  }

  /** Frees every line and leaves the shared budget. */
  dispose(): void {
    this.clear();
    this.budget?.leave(this);
  }

  /** The line `index` lines after the oldest (0 = oldest), decoded; undefined out of range. */
  line(index: number): ArchivedLine | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const slot = (this.head + index) % this.slotChunk.length;
    const chunk = this.chunks[this.slotChunk[slot]! - this.chunks[0]!.seq]!;
    const decoded = decodeLine(chunk.bytes, chunk.view, this.slotOffset[slot]!, this.sides.get(this.firstSeq + index), this.makeExtended);
    return new ArchivedLine(decoded, this.newCell);
  }

  private grow(): void {
    const capacity = Math.min(this.maxLines, Math.max(1024, this.slotChunk.length * 2));
    if (capacity === this.slotChunk.length) return;
    const chunkSeqs = new Int32Array(capacity);
    const offsets = new Int32Array(capacity);
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) % this.slotChunk.length;
      chunkSeqs[i] = this.slotChunk[slot]!;
      offsets[i] = this.slotOffset[slot]!;
    }
    this.slotChunk = chunkSeqs;
    this.slotOffset = offsets;
    this.head = 0;
  }

  private evictOldest(): void {
    if (this.count === 0) return;
    const side = this.sides.get(this.firstSeq);
    if (side !== undefined) {
      this.sideBytes -= sideSize(side);
      this.account(-sideSize(side));
      this.sides.delete(this.firstSeq);
    }
    this.head = (this.head + 1) % this.slotChunk.length;
    this.count -= 1;
    this.firstSeq += 1;
    // A chunk goes once no line lives in it; the one being filled stays.
    const oldestChunk = this.count > 0 ? this.slotChunk[this.head]! : this.nextChunkSeq - 1;
    while (this.chunks.length > 1 && this.chunks[0]!.seq < oldestChunk) {
      const { bytes } = this.chunks.shift()!;
      this.heldBytes -= bytes.length;
      this.account(-bytes.length);
      if (this.budget) this.budget.recycle(bytes);
      else this.spare = bytes;
    }
  }

  /** A chunk of `length` bytes: the last one freed if it fits (a flood frees one per chunk filled). */
  private takeSpare(length: number): Uint8Array {
    const spare = this.spare;
    this.spare = undefined;
    return spare !== undefined && spare.length === length ? spare : new Uint8Array(length);
  }

  private account(delta: number): void {
    if (delta !== 0) this.budget?.charge(delta);
  }
}

function sideSize(combined: Map<number, string>): number {
  let bytes = SIDE_ENTRY_BYTES;
  for (const chars of combined.values()) bytes += SIDE_ENTRY_BYTES + chars.length * 2;
  return bytes;
}
