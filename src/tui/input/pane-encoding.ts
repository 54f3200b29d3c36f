// Client-side input encoding for a pane: the outer terminal's bytes, adjusted to the modes the
// program in the pane switched on (application cursor keys, bracketed paste, mouse reporting,
// focus events). The one encoder of pane input: the daemon types text through pane-writer.ts.
import type { PaneModes } from '../../protocol/pane-types.js';
import type { InputEvent, KeyEvent, MouseEvent, PasteEvent } from './input-event.js';
import { encodeMouse } from './mouse-codec.js';
import { PASTE_END, PASTE_START } from './parse-input.js';

/** Where a pane is drawn: its content's top-left terminal cell (1-based) and its size. */
export interface PaneRect {
  x: number;
  y: number;
  cols: number;
  rows: number;
}

const CURSOR_FINALS = new Set(['A', 'B', 'C', 'D', 'H', 'F']);

/**
 * Unmodified cursor keys are `ESC[A` in normal mode and `ESC O A` in application cursor mode
 * (DECCKM); a program in one mode does not understand the other (vim, less).
 */
export function encodeKey(event: KeyEvent, modes: PaneModes): Buffer {
  const raw = event.raw;
  if (raw.length === 3 && raw[0] === 0x1b && CURSOR_FINALS.has(String.fromCharCode(raw[2]!))) {
    const introducer = raw[1];
    if (modes.applicationCursor && introducer === 0x5b) return Buffer.from([0x1b, 0x4f, raw[2]!]);
    if (!modes.applicationCursor && introducer === 0x4f) return Buffer.from([0x1b, 0x5b, raw[2]!]);
  }
  return raw;
}

/** Paste markers only for programs that asked for them (mode 2004); others get the bare text. */
export function encodePaste(event: PasteEvent, modes: PaneModes): Buffer {
  return modes.bracketedPaste ? Buffer.concat([PASTE_START, event.data, PASTE_END]) : event.data;
}

/** A mouse event inside the pane, moved to pane coordinates; null when the pane gets nothing. */
export function encodeMouseForPane(event: MouseEvent, modes: PaneModes, rect: PaneRect): Buffer | null {
  const x = event.x - rect.x + 1;
  const y = event.y - rect.y + 1;
  if (x < 1 || y < 1 || x > rect.cols || y > rect.rows) return null;
  return encodeMouse(event, x, y, modes.mouseTracking, modes.mouseSgr);
}

/** Bytes for the focused pane, or null when the pane has not asked for this kind of event. */
export function encodeForPane(event: InputEvent, modes: PaneModes, rect: PaneRect): Buffer | null {
  switch (event.kind) {
    case 'key':
      return encodeKey(event, modes);
    case 'paste':
      return encodePaste(event, modes);
    case 'mouse':
      return encodeMouseForPane(event, modes, rect);
    case 'focus':
      return modes.focusEvents ? event.raw : null;
  }
}
