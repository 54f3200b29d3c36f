// Mouse reports both ways: decoding what the outer terminal sends (SGR 1006 or legacy X10 bytes)
// and re-encoding an event for a pane, with the pane's own tracking level and encoding.
import type { MouseTracking } from '../../protocol/pane-types.js';
import type { MouseAction, MouseEvent } from './input-event.js';

const SHIFT = 4;
const ALT = 8;
const CTRL = 16;
const MOTION = 32;
const WHEEL = 64;
const EXTRA = 128;

/** Builds an event from a button code as both encodings report it. */
export function mouseFromCode(code: number, x: number, y: number, released: boolean, raw: Buffer): MouseEvent {
  const low = code & 3;
  let action: MouseAction;
  let button: number;
  if ((code & WHEEL) !== 0 && (code & EXTRA) === 0) {
    action = 'wheel';
    button = 64 + low;
  } else {
    button = (code & EXTRA) !== 0 ? 128 + low : low;
    if ((code & MOTION) !== 0) action = low === 3 ? 'move' : 'drag';
    else if (released || low === 3) action = 'release';
    else action = 'press';
  }
  return {
    kind: 'mouse',
    action,
    button,
    code,
    x,
    y,
    shift: (code & SHIFT) !== 0,
    alt: (code & ALT) !== 0,
    ctrl: (code & CTRL) !== 0,
    raw,
  };
}

/** Parses the parameters of `ESC[<b;x;yM` / `…m`; null when they are not three numbers. */
export function decodeSgrMouse(params: string, final: 'M' | 'm', raw: Buffer): MouseEvent | null {
  const match = /^<(\d+);(\d+);(\d+)$/.exec(params);
  if (!match) return null;
  return mouseFromCode(Number(match[1]), Number(match[2]), Number(match[3]), final === 'm', raw);
}

/** Decodes the three bytes after `ESC[M` (each value offset by 32). */
export function decodeX10Mouse(b: number, x: number, y: number, raw: Buffer): MouseEvent {
  return mouseFromCode(b - 32, x - 32, y - 32, false, raw);
}

/** Which events a pane's tracking level asks for (DECSET 9, 1000, 1002, 1003). */
export function trackingWants(tracking: MouseTracking, action: MouseAction): boolean {
  switch (tracking) {
    case 'none':
      return false;
    case 'x10':
      return action === 'press' || action === 'wheel';
    case 'vt200':
      return action === 'press' || action === 'release' || action === 'wheel';
    case 'drag':
      return action !== 'move';
    case 'any':
      return true;
  }
}

/** Legacy X10 bytes can carry coordinates up to 223 (255 - 32). */
const X10_MAX = 223;

/**
 * Encodes a mouse event at pane-relative cell (x, y), 1-based, for a pane with the given
 * tracking and encoding; null when the pane did not ask for this kind of event or the
 * legacy encoding cannot carry the position.
 */
export function encodeMouse(event: MouseEvent, x: number, y: number, tracking: MouseTracking, sgr: boolean): Buffer | null {
  if (!trackingWants(tracking, event.action)) return null;
  // Mode 9 (X10 compatibility) reports presses without modifier bits.
  const code = tracking === 'x10' ? event.code & ~(SHIFT | ALT | CTRL) : event.code;
  const release = event.action === 'release';
  if (sgr) return Buffer.from(`\x1b[<${code};${x};${y}${release ? 'm' : 'M'}`, 'latin1');
  if (x > X10_MAX || y > X10_MAX) return null;
  // X10 cannot say which button was released: it always reports button 3.
  const legacy = release ? (code & ~3 & ~MOTION) | 3 : code;
  return Buffer.from([0x1b, 0x5b, 0x4d, 32 + legacy, 32 + x, 32 + y]);
}
