// The stateful wrapper around parseInput: carries incomplete bytes between stdin chunks, says when
// a lone ESC is waiting for the caller's short timeout, and bounds a paste that never ends.
import type { InputEvent } from './input-event.js';
import { PASTE_START, parseInput } from './parse-input.js';

/**
 * 25 ms: long enough for the rest of an escape sequence split by a slow SSH link to arrive,
 * short enough that Escape feels immediate (tmux's escape-time default is 10 ms, vim's 100).
 */
export const ESCAPE_TIMEOUT_MS = 25;

/** A paste larger than this is delivered in pieces so a missing end marker cannot hold memory. */
export const MAX_PASTE_BYTES = 8 * 1024 * 1024;

export interface InputDecoder {
  /** Parses a chunk of stdin together with whatever was left over from the previous one. */
  push(chunk: Buffer): InputEvent[];
  /** True when leftover bytes (not a paste) should be flushed if nothing follows within the timeout. */
  hasIncomplete(): boolean;
  /** Completes leftover bytes as they are (a lone ESC becomes Escape). */
  flush(): InputEvent[];
}

export function createInputDecoder(maxPasteBytes = MAX_PASTE_BYTES): InputDecoder {
  let pending: Buffer = Buffer.alloc(0);
  // Set while an oversized paste is being delivered in pieces: its start marker is gone.
  let inPaste = false;

  const run = (input: Buffer, flush: boolean): InputEvent[] => {
    const result = parseInput(input, { flush, inPaste });
    const events = result.events;
    // In a continued paste the first event, if any, is its last piece: the end marker arrived.
    if (inPaste && events.length > 0) inPaste = false;
    pending = Buffer.from(result.pending);
    const pasteBody = inPaste ? 0 : startsWithPaste(pending) ? PASTE_START.length : -1;
    if (pasteBody >= 0 && pending.length - pasteBody > maxPasteBytes) {
      events.push({ kind: 'paste', data: pending.subarray(pasteBody) });
      pending = Buffer.alloc(0);
      inPaste = true;
    }
    return events;
  };

  return {
    push(chunk) {
      return run(pending.length === 0 ? chunk : Buffer.concat([pending, chunk]), false);
    },
    hasIncomplete() {
      return pending.length > 0 && !inPaste && !startsWithPaste(pending);
    },
    flush() {
      if (pending.length === 0) return [];
      return run(pending, true);
    },
  };
}

function startsWithPaste(buffer: Buffer): boolean {
  return buffer.length >= PASTE_START.length && buffer.subarray(0, PASTE_START.length).equals(PASTE_START);
}
