// The pure raw-stdin parser: bytes in, input events out, plus the bytes of an event that has not
// fully arrived yet (the caller prepends them to the next chunk). It never waits and never drops
// a byte: what it cannot name becomes an "unknown" key that still carries its bytes.
// Modelled on Ink's parseKeypresses; the timeout for a lone ESC lives in the stateful wrapper.
import { decodeKittyKey } from './kitty-keys.js';
import { PASTE_END as PASTE_END_TEXT, PASTE_START as PASTE_START_TEXT } from '../../protocol/bracketed-paste.js';
import type { InputEvent, KeyEvent } from './input-event.js';
import { controlKeyName, csiKeyName, ss3KeyName, withAlt } from './key-names.js';
import { decodeSgrMouse, decodeX10Mouse } from './mouse-codec.js';

export interface ParseOptions {
  /** No more bytes are coming soon: a lone ESC is the Escape key, and a half sequence is split up. */
  flush?: boolean;
  /** The input starts inside a bracketed paste whose start marker was already consumed. */
  inPaste?: boolean;
}

export interface ParseResult {
  events: InputEvent[];
  /** Bytes of an incomplete event, to be parsed again with the next chunk. */
  pending: Buffer;
}

const ESC = 0x1b;
/** The bracketed-paste markers (protocol/bracketed-paste.ts) as the bytes stdin delivers. */
export const PASTE_START = Buffer.from(PASTE_START_TEXT, 'latin1');
export const PASTE_END = Buffer.from(PASTE_END_TEXT, 'latin1');

/** Outcome of parsing one event at an index: the events and where the next one starts. */
type Step = { events: InputEvent[]; next: number } | 'pending';

const key = (name: string, raw: Buffer): KeyEvent => ({ kind: 'key', key: name, raw });

export function parseInput(input: Buffer, options: ParseOptions = {}): ParseResult {
  const events: InputEvent[] = [];
  let index = 0;
  if (options.inPaste) {
    const end = input.indexOf(PASTE_END);
    if (end === -1) return { events, pending: input };
    events.push({ kind: 'paste', data: input.subarray(0, end) });
    index = end + PASTE_END.length;
  }
  while (index < input.length) {
    let step = parseAt(input, index);
    if (step === 'pending') {
      if (!options.flush || startsWith(input, index, PASTE_START)) {
        return { events, pending: input.subarray(index) };
      }
      step = splitIncomplete(input, index);
    }
    events.push(...step.events);
    index = step.next;
  }
  return { events, pending: Buffer.alloc(0) };
}

function parseAt(input: Buffer, index: number): Step {
  const byte = input[index]!;
  if (byte === ESC) return parseEscape(input, index);
  if (byte < 0x20 || byte === 0x7f) return single(input, index, controlKeyName(byte));
  if (byte < 0x80) return single(input, index, byte === 0x20 ? 'space' : String.fromCharCode(byte));
  return parseUtf8(input, index);
}

function single(input: Buffer, index: number, name: string): Step {
  return { events: [key(name, input.subarray(index, index + 1))], next: index + 1 };
}

/** Length of a UTF-8 sequence from its lead byte; 0 for a byte that cannot start one. */
function utf8Length(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function parseUtf8(input: Buffer, index: number): Step {
  const length = utf8Length(input[index]!);
  if (length === 0) return single(input, index, 'unknown');
  const available = Math.min(length, input.length - index);
  for (let k = 1; k < available; k++) {
    const cont = input[index + k]!;
    if (cont < 0x80 || cont > 0xbf) return single(input, index, 'unknown');
  }
  if (available < length) return 'pending';
  const raw = input.subarray(index, index + length);
  return { events: [key(raw.toString('utf8'), raw)], next: index + length };
}

function parseEscape(input: Buffer, index: number): Step {
  if (index + 1 >= input.length) return 'pending';
  const next = input[index + 1]!;
  switch (next) {
    case 0x5b: // [
      return parseCsi(input, index);
    case 0x4f: // O
      return parseSs3(input, index);
    case 0x5d: // ] OSC
    case 0x50: // P DCS
    case 0x5f: // _ APC
    case 0x5e: // ^ PM
      return parseString(input, index);
    case ESC:
      // ESC ESC: the first is the Escape key; the second starts whatever follows.
      return { events: [key('escape', input.subarray(index, index + 1))], next: index + 1 };
    default: {
      const inner = parseAt(input, index + 1);
      if (inner === 'pending') return 'pending';
      const first = inner.events[0] as KeyEvent;
      const name = first.key === 'unknown' ? 'unknown' : withAlt(first.key);
      return { events: [key(name, input.subarray(index, inner.next))], next: inner.next };
    }
  }
}

const isParam = (b: number) => b >= 0x30 && b <= 0x3f;
const isIntermediate = (b: number) => b >= 0x20 && b <= 0x2f;
const isFinal = (b: number) => b >= 0x40 && b <= 0x7e;

function parseCsi(input: Buffer, index: number): Step {
  const start = index + 2;
  if (start >= input.length) return 'pending';
  // `ESC[M` followed by three raw bytes is a legacy X10 mouse report.
  if (input[start] === 0x4d) {
    if (start + 3 >= input.length) return 'pending';
    const raw = input.subarray(index, start + 4);
    return { events: [decodeX10Mouse(input[start + 1]!, input[start + 2]!, input[start + 3]!, raw)], next: start + 4 };
  }
  let pos = start;
  // The Linux console sends F1–F5 as ESC[[A … ESC[[E.
  if (input[pos] === 0x5b) pos++;
  while (pos < input.length && (isParam(input[pos]!) || isIntermediate(input[pos]!))) pos++;
  if (pos >= input.length) return 'pending';
  const finalByte = input[pos]!;
  if (!isFinal(finalByte)) {
    // Not a sequence after all: hand over what we scanned as one unknown key, bytes intact.
    return { events: [key('unknown', input.subarray(index, pos))], next: pos };
  }
  const raw = input.subarray(index, pos + 1);
  const params = input.toString('latin1', start, pos);
  const final = String.fromCharCode(finalByte);
  const next = pos + 1;
  if (params === '200' && final === '~') return parsePaste(input, index, next);
  // A paste end without a start carries no key; forwarding it would confuse the pane.
  if (params === '201' && final === '~') return { events: [], next };
  if (params === '' && (final === 'I' || final === 'O')) {
    return { events: [{ kind: 'focus', focused: final === 'I', raw }], next };
  }
  if (params.startsWith('<') && (final === 'M' || final === 'm')) {
    const mouse = decodeSgrMouse(params, final, raw);
    return { events: [mouse ?? key('unknown', raw)], next };
  }
  if (final === 'u' && /^[?\d:;]*$/.test(params)) return { events: kittyEvents(params, raw), next };
  return { events: [key(csiKeyName(params, final), raw)], next };
}

/** A kitty-protocol key as the key the legacy bytes would have been (kitty-keys.ts). */
function kittyEvents(params: string, raw: Buffer): InputEvent[] {
  const decoded = decodeKittyKey(params);
  if (decoded.kind === 'none') return [];
  if (decoded.kind === 'kitty') return [key(decoded.name, raw)];
  // A lone ESC would wait for more bytes: it is the Escape key, whole.
  if (decoded.bytes.length === 1 && decoded.bytes[0] === ESC) return [key('escape', decoded.bytes)];
  const step = parseAt(decoded.bytes, 0);
  return step === 'pending' ? [key('unknown', raw)] : step.events;
}

function parsePaste(input: Buffer, index: number, contentStart: number): Step {
  const end = input.indexOf(PASTE_END, contentStart);
  if (end === -1) return 'pending';
  return { events: [{ kind: 'paste', data: input.subarray(contentStart, end) }], next: end + PASTE_END.length };
}

function parseSs3(input: Buffer, index: number): Step {
  if (index + 2 >= input.length) return 'pending';
  const finalByte = input[index + 2]!;
  if (!isFinal(finalByte)) {
    return { events: [key('alt+O', input.subarray(index, index + 2))], next: index + 2 };
  }
  const raw = input.subarray(index, index + 3);
  return { events: [key(ss3KeyName(String.fromCharCode(finalByte)), raw)], next: index + 3 };
}

/** OSC/DCS/APC/PM strings (e.g. a terminal's reply to a query): end at BEL or ESC \. */
function parseString(input: Buffer, index: number): Step {
  for (let pos = index + 2; pos < input.length; pos++) {
    const b = input[pos]!;
    if (b === 0x07) return { events: [key('unknown', input.subarray(index, pos + 1))], next: pos + 1 };
    if (b === ESC) {
      if (pos + 1 >= input.length) return 'pending';
      if (input[pos + 1] === 0x5c) return { events: [key('unknown', input.subarray(index, pos + 2))], next: pos + 2 };
    }
  }
  return 'pending';
}

/**
 * The bytes at `index` never completed. A lone ESC is the Escape key; ESC plus one byte is alt
 * with that key; a truncated UTF-8 character is kept as unknown bytes.
 */
function splitIncomplete(input: Buffer, index: number): { events: InputEvent[]; next: number } {
  if (input[index] !== ESC) return { events: [key('unknown', input.subarray(index))], next: input.length };
  if (index + 1 >= input.length) return { events: [key('escape', input.subarray(index, index + 1))], next: index + 1 };
  const second = input[index + 1]!;
  const name =
    second < 0x80 ? (second < 0x20 || second === 0x7f ? controlKeyName(second) : second === 0x20 ? 'space' : String.fromCharCode(second)) : 'unknown';
  return { events: [key(withAlt(name), input.subarray(index, index + 2))], next: index + 2 };
}

function startsWith(input: Buffer, index: number, prefix: Buffer): boolean {
  return input.length - index >= prefix.length && input.compare(prefix, 0, prefix.length, index, index + prefix.length) === 0;
}
