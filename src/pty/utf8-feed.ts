// Raw PTY bytes for xterm.js, in the parse worker. xterm parses a Uint8Array faster than a string
// (its own UTF-8 decoder, no UTF-16 string in between: ~15 % less parse time for the 20 MB colour
// log, bench/RESULTS.md), but its decoder drops invalid bytes and U+FEFF where the in-thread path
// (node-pty's StringDecoder) shows U+FFFD and keeps U+FEFF. So a chunk goes to xterm as bytes only
// when it is valid UTF-8 without U+FEFF; any other chunk is decoded as StringDecoder would, and the
// screen is the in-thread one cell for cell either way. An incomplete character at the end of a
// chunk waits for the next one, cut where StringDecoder cuts it (node's src/string_decoder.cc).
import { isUtf8 } from 'node:buffer';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How many bytes at the end of `bytes` StringDecoder would hold back for the next chunk. */
export function incompleteTail(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let held = 1; held <= Math.min(4, length); held++) {
    const byte = bytes[length - held]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needs = (byte & 0xe0) === 0xc0 ? 2 : (byte & 0xf0) === 0xe0 ? 3 : (byte & 0xf8) === 0xf0 ? 4 : 0;
    return needs > held ? held : 0; // complete, ASCII, or a lead byte past U+10FFFF
  }
  return 0; // only continuation bytes: passed on as they are
}

/** One pane's output on its way to xterm: bytes when xterm decodes them as StringDecoder would. */
export class Utf8Feed {
  private held: Uint8Array | undefined;

  /** What of `chunk` (after any bytes held from before) xterm can parse now: bytes or a string. */
  next(chunk: Uint8Array): Uint8Array | string {
    let bytes = chunk;
    if (this.held !== undefined) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held);
      bytes.set(chunk, this.held.length);
      this.held = undefined;
    }
    const tail = incompleteTail(bytes);
    if (tail > 0) {
      this.held = bytes.slice(bytes.length - tail);
      bytes = bytes.subarray(0, bytes.length - tail);
    }
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    return isUtf8(view) && view.indexOf(BOM) < 0 ? bytes : view.toString('utf8');
  }

  /** The bytes held back, decoded (StringDecoder's end()): the stream ended or was reset. */
  end(): string {
    const held = this.held;
    this.held = undefined;
    return held === undefined ? '' : Buffer.from(held).toString('utf8');
  }
}
