// Encodes input for the modes a pane's program switched on: pastes (mode 2004), cursor keys
// (DECCKM), mouse reports (9/1000/1002/1003 with 1006) and focus events (1004). Pure: it imports
// only protocol types and common errors, so the TUI's input router can share it.
import type { PaneModes } from '../protocol/pane-types.js';
import { UserError } from '../common/errors.js';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * Text as a terminal would deliver a paste: line breaks become CR (what xterm.js and other
 * terminals send for a pasted newline), wrapped in bracketed-paste markers only when the program
 * enabled mode 2004. Text that itself contains a marker is refused: it could end the paste early
 * and have the rest typed as keys (AGENT-NOTES.md, "Typing a prompt into an agent").
 */
export function encodePaste(text: string, modes: Pick<PaneModes, 'bracketedPaste'>): string {
  if (text.includes(PASTE_START) || text.includes(PASTE_END)) {
    throw new UserError('Refusing to paste text that contains a bracketed-paste marker (ESC[200~ or ESC[201~)', {
      hint: 'Remove the escape sequences from the text, or put the content in a file and send its path.',
    });
  }
  const body = text.replace(/\r?\n/g, '\r');
  return modes.bracketedPaste ? `${PASTE_START}${body}${PASTE_END}` : body;
}

/**
 * Rewrites unmodified cursor keys (and Home/End, which xterm switches with them) for the pane's
 * DECCKM mode: `ESC [ A` ↔ `ESC O A`. Keys with modifiers (`ESC [ 1 ; 5 A`) are the same in both
 * modes and pass through. Give it key input only, not the inside of a paste.
 */
export function reencodeCursorKeys(input: string, modes: Pick<PaneModes, 'applicationCursor'>): string {
  return modes.applicationCursor
    ? input.replace(/\x1b\[([ABCDHF])/g, '\x1bO$1')
    : input.replace(/\x1bO([ABCDHF])/g, '\x1b[$1');
}

export type MouseButton = 'left' | 'middle' | 'right';

export interface MouseModifiers {
  shift?: boolean;
  alt?: boolean;
  ctrl?: boolean;
}

/** A mouse event in the client's screen cells (0-based). */
export type PaneMouseEvent = MouseModifiers & { x: number; y: number } & (
    | { kind: 'press' | 'release'; button: MouseButton }
    /** Motion; `button` is the one held down, or 'none'. */
    | { kind: 'move'; button: MouseButton | 'none' }
    | { kind: 'wheel'; direction: 'up' | 'down' | 'left' | 'right' }
  );

const BUTTON_CODE: Record<MouseButton | 'none', number> = { left: 0, middle: 1, right: 2, none: 3 };
const WHEEL_CODE = { up: 64, down: 65, left: 66, right: 67 } as const;
const MOTION = 32;

/** Which events each tracking mode reports (xterm.js CoreMouseService's protocols). */
function reported(event: PaneMouseEvent, tracking: PaneModes['mouseTracking']): boolean {
  switch (tracking) {
    case 'none':
      return false;
    case 'x10': // mode 9: button presses only
      return event.kind === 'press';
    case 'vt200': // mode 1000: presses, releases, wheel
      return event.kind !== 'move';
    case 'drag': // mode 1002: …and motion while a button is held
      return event.kind !== 'move' || event.button !== 'none';
    case 'any': // mode 1003: all motion
      return true;
  }
}

function buttonCode(event: PaneMouseEvent, sgr: boolean, x10: boolean): number {
  let code: number;
  if (event.kind === 'wheel') code = WHEEL_CODE[event.direction];
  // The legacy encoding cannot say which button was released: it sends "3" (no button).
  else if (event.kind === 'release' && !sgr) code = BUTTON_CODE.none;
  else code = BUTTON_CODE[event.button];
  if (event.kind === 'move') code += MOTION;
  // X10 mode reports no modifiers (xterm); the others add shift 4, meta 8, control 16.
  if (!x10) code += (event.shift ? 4 : 0) + (event.alt ? 8 : 0) + (event.ctrl ? 16 : 0);
  return code;
}

/**
 * The report the program asked for, for an event at client cell (x, y) in a pane whose top-left
 * cell is at `offset`; null when the pane does not track mouse events, does not report this kind
 * of event, or the event lies above or left of the pane. SGR (1006) when the pane enabled it, else
 * the legacy `ESC [ M` bytes, which are limited to code points below 128 here (a string is sent as
 * UTF-8, so a larger "byte" would arrive as two), i.e. columns and rows up to 95.
 */
export function encodeMouse(
  event: PaneMouseEvent,
  modes: Pick<PaneModes, 'mouseTracking' | 'mouseSgr'>,
  offset: { x: number; y: number },
): string | null {
  if (!reported(event, modes.mouseTracking)) return null;
  const col = event.x - offset.x + 1;
  const row = event.y - offset.y + 1;
  if (col < 1 || row < 1) return null;
  const code = buttonCode(event, modes.mouseSgr, modes.mouseTracking === 'x10');
  if (modes.mouseSgr) {
    const final = event.kind === 'release' ? 'm' : 'M';
    return `\x1b[<${code};${col};${row}${final}`;
  }
  const bytes = [code + 32, col + 32, row + 32];
  if (bytes.some((byte) => byte > 127)) return null;
  return `\x1b[M${String.fromCharCode(...bytes)}`;
}

/** `ESC [ I` / `ESC [ O` when the program enabled focus reporting (mode 1004), else null. */
export function encodeFocus(focused: boolean, modes: Pick<PaneModes, 'focusEvents'>): string | null {
  if (!modes.focusEvents) return null;
  return focused ? '\x1b[I' : '\x1b[O';
}
