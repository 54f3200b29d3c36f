// Scrollback lines that have left the emulator, packed. xterm.js keeps every line as 3 words per
// cell plus ~400 bytes of objects (120 cols ≈ 1.8 KB); here a line is its cell words with the
// colours run-length encoded, one byte per cell when every cell is a narrow Latin-1 character, and
// trailing identical cells (the blank rest of a short line) stored once. Lines are appended to
// shared 64 KiB chunks, so the store holds a few dozen objects however many lines it keeps.
// Decoding gives back the exact words, so a line reads, renders and translates cell for cell as it
// did in the emulator (docs/ARCHITECTURE.md §7).
import type { IBufferCell, IBufferLine } from '@xterm/headless';

/** A cell as xterm's CellData holds it: the raw words behind the public IBufferCell. */
export interface RawCell extends IBufferCell {
  content: number;
  fg: number;
  bg: number;
  combinedData: string;
  extended: object;
}

/** xterm's BufferLine as it stores a line (internal; the words are content, fg, bg per cell). */
export interface StoredLine {
  readonly length: number;
  readonly isWrapped: boolean;
  readonly _data: Uint32Array;
  readonly _combined: Record<number, string>;
  readonly _extendedAttrs: Record<number, object | undefined>;
}

export interface LineArchiveLimits {
  /** Lines kept; the oldest go first. */
  maxLines: number;
  /** Bytes held (chunks plus combined characters and extended attributes); the oldest lines go first. */
  maxBytes: number;
  /** Size of one storage chunk (default: 1/32 of maxBytes, within 4–64 KiB). */
  chunkBytes?: number;
}

// Bits of xterm's content and bg words (xterm.js Content / BgFlags).
const IS_COMBINED = 0x200000;
const CODEPOINT_MASK = 0x1fffff;
const WIDTH_SHIFT = 22;
const HAS_EXTENDED = 0x10000000;
/** A narrow (width 1), not combined, Latin-1 cell: its content word minus the low byte. */
const NARROW_LATIN1 = 1 << WIDTH_SHIFT;

const HEADER_BYTES = 20;
const RUN_BYTES = 10;
const FLAG_WRAPPED = 1;
const FLAG_ONE_BYTE = 2;
const SIDE_ENTRY_BYTES = 48;

interface Chunk {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly view: DataView;
  used: number;
}

/** Combined characters and extended attributes of one line, by column (rare: kept as objects). */
interface LineSide {
  combined: Map<number, string>;
  extended: Map<number, object>;
}

/** One archived line, decoded: reads like the emulator's line it was taken from. */
export class ArchivedLine implements IBufferLine {
  constructor(
    readonly isWrapped: boolean,
    private readonly words: Uint32Array,
    private readonly side: LineSide | undefined,
    private readonly newCell: () => IBufferCell,
  ) {}

  get length(): number {
    return this.words.length / 3;
  }

  getCell(x: number, cell?: IBufferCell): IBufferCell | undefined {
    if (x < 0 || x >= this.length) return undefined;
    const raw = (cell ?? this.newCell()) as RawCell;
    raw.content = this.words[x * 3]!;
    raw.fg = this.words[x * 3 + 1]!;
    raw.bg = this.words[x * 3 + 2]!;
    if (raw.content & IS_COMBINED) raw.combinedData = this.side?.combined.get(x) ?? '';
    if (raw.bg & HAS_EXTENDED) {
      const extended = this.side?.extended.get(x);
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
      out += content & IS_COMBINED ? (this.side?.combined.get(x) ?? '') : codepoint ? String.fromCodePoint(codepoint) : ' ';
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

export class LineArchive {
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
  private readonly sides = new Map<number, LineSide>();
  private sideBytes = 0;
  // Scratch for encoding, grown to the largest line seen.
  private scratch = new Uint8Array(0);
  private scratchView = new DataView(this.scratch.buffer);

  constructor(
    limits: LineArchiveLimits,
    private readonly newCell: () => IBufferCell,
  ) {
    this.maxLines = Math.max(0, Math.trunc(limits.maxLines));
    this.maxBytes = Math.max(0, limits.maxBytes);
    this.chunkBytes = limits.chunkBytes ?? Math.min(64 * 1024, Math.max(4 * 1024, Math.floor(this.maxBytes / 32)));
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
    const size = this.encode(line);
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || chunk.bytes.length - chunk.used < size) {
      const bytes = new Uint8Array(Math.max(this.chunkBytes, size));
      chunk = { seq: this.nextChunkSeq++, bytes, view: new DataView(bytes.buffer), used: 0 };
      this.chunks.push(chunk);
      this.heldBytes += bytes.length;
    }
    chunk.bytes.set(this.scratch.subarray(0, size), chunk.used);
    if (this.count === this.slotChunk.length) this.grow();
    if (this.count === this.slotChunk.length) this.evictOldest();
    const slot = (this.head + this.count) % this.slotChunk.length;
    this.slotChunk[slot] = chunk.seq;
    this.slotOffset[slot] = chunk.used;
    chunk.used += size;
    this.count += 1;
    while (this.count > this.maxLines || (this.bytes > this.maxBytes && this.chunks.length > 1 && this.count > 0)) this.evictOldest();
  }

  /** The line `index` lines after the oldest (0 = oldest), decoded; undefined out of range. */
  line(index: number): ArchivedLine | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const slot = (this.head + index) % this.slotChunk.length;
    const chunk = this.chunks[this.slotChunk[slot]! - this.chunks[0]!.seq]!;
    return this.decode(chunk, this.slotOffset[slot]!, this.sides.get(this.firstSeq + index));
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
      this.sides.delete(this.firstSeq);
    }
    this.head = (this.head + 1) % this.slotChunk.length;
    this.count -= 1;
    this.firstSeq += 1;
    // A chunk goes once no line lives in it; the one being filled stays.
    const oldestChunk = this.count > 0 ? this.slotChunk[this.head]! : this.nextChunkSeq - 1;
    while (this.chunks.length > 1 && this.chunks[0]!.seq < oldestChunk) this.heldBytes -= this.chunks.shift()!.bytes.length;
  }

  /** Packs `line` into the scratch bytes; returns their length. */
  private encode(line: StoredLine): number {
    const width = line.length;
    const data = line._data;
    // Explicit cells: all but the run of cells identical to the last one (a plain last cell only).
    let explicit = width;
    if (width > 0) {
      const last = (width - 1) * 3;
      const [c, f, b] = [data[last]!, data[last + 1]!, data[last + 2]!];
      if (!(c & IS_COMBINED) && !(b & HAS_EXTENDED)) {
        explicit = width - 1;
        while (explicit > 0 && data[(explicit - 1) * 3] === c && data[(explicit - 1) * 3 + 1] === f && data[(explicit - 1) * 3 + 2] === b) explicit -= 1;
      }
    }
    let runs = 0;
    let oneByte = true;
    let special = false;
    for (let x = 0, i = 0; x < explicit; x++, i += 3) {
      if (x === 0 || data[i + 1] !== data[i - 2] || data[i + 2] !== data[i - 1]) runs += 1;
      const content = data[i]!;
      if ((content & ~0xff) !== NARROW_LATIN1) {
        oneByte = false;
        if (content & IS_COMBINED) special = true;
      }
      if (data[i + 2]! & HAS_EXTENDED) special = true;
    }
    const size = HEADER_BYTES + runs * RUN_BYTES + explicit * (oneByte ? 1 : 4);
    if (this.scratch.length < size) {
      this.scratch = new Uint8Array(size * 2);
      this.scratchView = new DataView(this.scratch.buffer);
    }
    const view = this.scratchView;
    const bytes = this.scratch;
    const tail = width > 0 ? (width - 1) * 3 : 0;
    view.setUint16(0, width, true);
    view.setUint8(2, (line.isWrapped ? FLAG_WRAPPED : 0) | (oneByte ? FLAG_ONE_BYTE : 0));
    view.setUint16(4, runs, true);
    view.setUint16(6, explicit, true);
    view.setUint32(8, width > 0 ? data[tail]! : 0, true);
    view.setUint32(12, width > 0 ? data[tail + 1]! : 0, true);
    view.setUint32(16, width > 0 ? data[tail + 2]! : 0, true);
    let at = HEADER_BYTES;
    for (let x = 0, i = 0; x < explicit; x++, i += 3) {
      if (x !== 0 && data[i + 1] === data[i - 2] && data[i + 2] === data[i - 1]) continue;
      view.setUint16(at, x, true);
      view.setUint32(at + 2, data[i + 1]!, true);
      view.setUint32(at + 6, data[i + 2]!, true);
      at += RUN_BYTES;
    }
    if (oneByte) {
      // Every cell is narrow Latin-1 (a blank is code 0): its code is the whole cell.
      for (let x = 0, i = 0; x < explicit; x++, i += 3) bytes[at + x] = data[i]! & 0xff;
    } else {
      for (let x = 0, i = 0; x < explicit; x++, i += 3) view.setUint32(at + x * 4, data[i]!, true);
    }
    if (special) {
      const side: LineSide = { combined: new Map(), extended: new Map() };
      for (let x = 0, i = 0; x < explicit; x++, i += 3) {
        if (data[i]! & IS_COMBINED) side.combined.set(x, line._combined[x] ?? '');
        const extended = line._extendedAttrs[x];
        if (data[i + 2]! & HAS_EXTENDED && extended !== undefined) side.extended.set(x, extended);
      }
      const seq = this.firstSeq + this.count;
      this.sides.set(seq, side);
      this.sideBytes += sideSize(side);
    }
    return size;
  }

  private decode(chunk: Chunk, offset: number, side: LineSide | undefined): ArchivedLine {
    const view = chunk.view;
    const width = view.getUint16(offset, true);
    const flags = view.getUint8(offset + 2);
    const runs = view.getUint16(offset + 4, true);
    const explicit = view.getUint16(offset + 6, true);
    const words = new Uint32Array(width * 3);
    const tailContent = view.getUint32(offset + 8, true);
    const tailFg = view.getUint32(offset + 12, true);
    const tailBg = view.getUint32(offset + 16, true);
    const cells = offset + HEADER_BYTES + runs * RUN_BYTES;
    for (let r = 0; r < runs; r++) {
      const at = offset + HEADER_BYTES + r * RUN_BYTES;
      const start = view.getUint16(at, true);
      const end = r + 1 < runs ? view.getUint16(at + RUN_BYTES, true) : explicit;
      const runFg = view.getUint32(at + 2, true);
      const runBg = view.getUint32(at + 6, true);
      for (let x = start; x < end; x++) {
        words[x * 3 + 1] = runFg;
        words[x * 3 + 2] = runBg;
      }
    }
    if (flags & FLAG_ONE_BYTE) {
      for (let x = 0; x < explicit; x++) words[x * 3] = NARROW_LATIN1 | chunk.bytes[cells + x]!;
    } else {
      for (let x = 0; x < explicit; x++) words[x * 3] = view.getUint32(cells + x * 4, true);
    }
    for (let x = explicit; x < width; x++) {
      words[x * 3] = tailContent;
      words[x * 3 + 1] = tailFg;
      words[x * 3 + 2] = tailBg;
    }
    return new ArchivedLine((flags & FLAG_WRAPPED) !== 0, words, side, this.newCell);
  }
}

function sideSize(side: LineSide): number {
  let bytes = SIDE_ENTRY_BYTES * (1 + side.extended.size);
  for (const chars of side.combined.values()) bytes += SIDE_ENTRY_BYTES + chars.length * 2;
  return bytes;
}
