// Names for the bytes a terminal sends for keys: control bytes, CSI and SS3 sequences. Names use
// the canonical spelling of keybindings.toml (modifiers ctrl, alt, shift in that order).

export interface Modifiers {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

const NONE: Modifiers = { ctrl: false, alt: false, shift: false };

/** Joins modifiers and a base key name in canonical order. */
export function composeKey(mods: Modifiers, base: string): string {
  const parts: string[] = [];
  if (mods.ctrl) parts.push('ctrl');
  if (mods.alt) parts.push('alt');
  if (mods.shift) parts.push('shift');
  parts.push(base);
  return parts.join('+');
}

/** Splits a canonical key name back into modifiers and base ("ctrl++" has base "+"). */
export function splitKey(key: string): { mods: Modifiers; base: string } {
  const mods = { ...NONE };
  let rest = key;
  for (;;) {
    const match = /^(ctrl|alt|shift)\+(.+)$/.exec(rest);
    if (!match) break;
    mods[match[1] as keyof Modifiers] = true;
    rest = match[2]!;
  }
  return { mods, base: rest };
}

/** Adds alt to a key name (ESC followed by a key is how terminals send alt/meta). */
export function withAlt(key: string): string {
  const { mods, base } = splitKey(key);
  return composeKey({ ...mods, alt: true }, base);
}

/** Ctrl chords whose byte is also a named key (ctrl+i is tab, ctrl+m enter, ctrl+h backspace). */
const CONTROL_NAMES: Record<number, string> = {
  0x00: 'ctrl+space',
  0x08: 'backspace',
  0x09: 'tab',
  0x0d: 'enter',
  0x1b: 'escape',
  0x1c: 'ctrl+\\',
  0x1d: 'ctrl+]',
  0x1e: 'ctrl+^',
  0x1f: 'ctrl+/',
  0x20: 'space',
  0x7f: 'backspace',
};

/** Name of a single-byte key in 0x00–0x20 or 0x7f. */
export function controlKeyName(byte: number): string {
  const named = CONTROL_NAMES[byte];
  if (named) return named;
  if (byte >= 0x01 && byte <= 0x1a) return `ctrl+${String.fromCharCode(byte + 0x60)}`;
  return 'unknown';
}

/** The xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4); meta (8) counts as alt. */
export function decodeModifierParam(param: number): Modifiers {
  const bits = Math.max(0, param - 1);
  return { shift: (bits & 1) !== 0, alt: (bits & 2) !== 0 || (bits & 8) !== 0, ctrl: (bits & 4) !== 0 };
}

const LETTER_KEYS: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  E: 'clear',
  P: 'f1',
  Q: 'f2',
  R: 'f3',
  S: 'f4',
};

const TILDE_KEYS: Record<number, string> = {
  1: 'home',
  2: 'insert',
  3: 'delete',
  4: 'end',
  5: 'pageup',
  6: 'pagedown',
  7: 'home',
  8: 'end',
  11: 'f1',
  12: 'f2',
  13: 'f3',
  14: 'f4',
  15: 'f5',
  17: 'f6',
  18: 'f7',
  19: 'f8',
  20: 'f9',
  21: 'f10',
  23: 'f11',
  24: 'f12',
};

/**
 * Names a CSI key sequence from its parameter bytes and final byte ("1;5" + "A" → "ctrl+up").
 * Returns "unknown" for sequences that are not keys a binding could name.
 */
export function csiKeyName(params: string, final: string): string {
  if (final === 'Z' && params === '') return 'shift+tab';
  const fields = params.split(';');
  if (!/^[\d;]*$/.test(params)) return 'unknown';
  if (final === '~') {
    const base = TILDE_KEYS[Number(fields[0])];
    if (!base) return 'unknown';
    return composeKey(decodeModifierParam(Number(fields[1] ?? 1)), base);
  }
  const base = LETTER_KEYS[final];
  if (!base || base === 'clear') return 'unknown';
  // "ESC[A" or "ESC[1;5A": the first field is always 1 when a modifier follows.
  if (params !== '' && fields[0] !== '1') return 'unknown';
  return composeKey(decodeModifierParam(Number(fields[1] ?? 1)), base);
}

/** Names an SS3 sequence (ESC O x): application cursor keys, home/end, F1–F4. */
export function ss3KeyName(final: string): string {
  const base = LETTER_KEYS[final];
  return base && base !== 'clear' ? base : 'unknown';
}
