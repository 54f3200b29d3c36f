// Bytes ↔ messages: newline-delimited JSON (JSON.stringify never emits a raw newline).
// Knows nothing of sockets or of what messages mean. A frame past the cap is an error, so a
// hostile or broken peer cannot make us buffer without bound.

/** 8 MiB: a full 500×1000 frame with colour is well below; anything bigger is garbage. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export function encodeFrame(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}

export type DecodeResult = { frames: string[]; error?: undefined } | { frames: string[]; error: 'oversized' };

/** Incremental decoder: push chunks, get complete frames. Holds at most one partial frame. */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxFrameBytes = MAX_FRAME_BYTES) {}

  push(chunk: Buffer): DecodeResult {
    const frames: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      if (this.pendingBytes + piece.length > this.maxFrameBytes) return this.fail(frames);
      const line = this.pendingBytes > 0 ? Buffer.concat([...this.pending, piece]) : piece;
      this.pending = [];
      this.pendingBytes = 0;
      if (line.length > 0) frames.push(line.toString('utf8'));
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0) {
      if (this.pendingBytes + rest.length > this.maxFrameBytes) return this.fail(frames);
      this.pending.push(Buffer.from(rest));
      this.pendingBytes += rest.length;
    }
    return { frames };
  }

  private fail(frames: string[]): DecodeResult {
    this.pending = [];
    this.pendingBytes = 0;
    return { frames, error: 'oversized' };
  }
}
