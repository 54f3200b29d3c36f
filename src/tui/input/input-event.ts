// What the raw-stdin decoder produces: keys, pastes, mouse reports and focus changes, each with
// the exact bytes that made it, so the TUI can forward anything it does not consume unchanged.

/**
 * A key press. `key` uses the canonical spelling of keybindings.toml (src/config/key-syntax.ts):
 * modifiers in the order ctrl, alt, shift, then a character ("j", "G", "?") or a named key
 * ("enter", "pageup", "f5"). Sequences the decoder cannot name are "unknown" but keep their bytes.
 */
export interface KeyEvent {
  kind: 'key';
  key: string;
  raw: Buffer;
}

/** Everything between ESC[200~ and ESC[201~, markers excluded; one unit however it arrived. */
export interface PasteEvent {
  kind: 'paste';
  data: Buffer;
}

export type MouseAction = 'press' | 'release' | 'drag' | 'move' | 'wheel';

/**
 * A mouse report from the outer terminal. `code` is the button byte as SGR reports it (button,
 * modifier and motion bits); `x`/`y` are 1-based terminal cells.
 */
export interface MouseEvent {
  kind: 'mouse';
  action: MouseAction;
  /** 0 left, 1 middle, 2 right, 3 none (motion without a button); wheel: 64 up, 65 down, 66/67 sideways. */
  button: number;
  code: number;
  x: number;
  y: number;
  shift: boolean;
  alt: boolean;
  ctrl: boolean;
  raw: Buffer;
}

export interface FocusEvent {
  kind: 'focus';
  focused: boolean;
  raw: Buffer;
}

export type InputEvent = KeyEvent | PasteEvent | MouseEvent | FocusEvent;
