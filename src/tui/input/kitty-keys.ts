// Keys in the kitty keyboard protocol's "disambiguate" form (`CSI code ; mods u`), which the deck
// asks the outer terminal for so that Shift+Enter is told apart from Enter. Every key that has a
// legacy encoding is turned back into it (panes and the key map speak legacy); the few that have
// none (Shift+Enter, Ctrl+Enter, the keypad's own codes) keep their CSI u bytes. Pure.

export type KittyKey =
  /** The legacy bytes of the same key, to be decoded as if the terminal had sent them. */
  | { kind: 'legacy'; bytes: Buffer }
  /** No legacy form: the key under this name, with its CSI u bytes passed on as they are. */
  | { kind: 'kitty'; name: string }
  /** A report that is not a key press (a release, the terminal's answer to a flags query). */
  | { kind: 'none' };

const ESC = 0x1b;
const SHIFT = 1;
const ALT = 2;
const CTRL = 4;

const withAlt = (bytes: Buffer, alt: boolean) => (alt ? Buffer.concat([Buffer.from([ESC]), bytes]) : bytes);

/** `params` is what stands between `CSI` and `u`. */
export function decodeKittyKey(params: string): KittyKey {
  if (params.startsWith('?')) return { kind: 'none' };
  const [codeField = '', modsField = '1'] = params.split(';');
  const code = Number(codeField.split(':')[0]);
  const [modsText = '1', eventType = '1'] = modsField.split(':');
  if (!Number.isInteger(code) || eventType === '3') return { kind: 'none' };
  const mods = Math.max(0, Number(modsText) - 1);
  const shift = (mods & SHIFT) !== 0;
  const alt = (mods & ALT) !== 0;
  const ctrl = (mods & CTRL) !== 0;
  // Super, hyper, meta, caps and num lock: only shift, alt and ctrl have a legacy form.
  const other = (mods & ~(SHIFT | ALT | CTRL) & ~(64 | 128)) !== 0;
  if (other) return { kind: 'kitty', name: 'unknown' };
  switch (code) {
    case 13:
      if (shift && !ctrl) return { kind: 'kitty', name: alt ? 'alt+shift+enter' : 'shift+enter' };
      if (ctrl) return { kind: 'kitty', name: 'ctrl+enter' };
      return { kind: 'legacy', bytes: withAlt(Buffer.from([0x0d]), alt) };
    case 27:
      return { kind: 'legacy', bytes: withAlt(Buffer.from([ESC]), alt) };
    case 9:
      return { kind: 'legacy', bytes: shift ? Buffer.from('\x1b[Z') : withAlt(Buffer.from([0x09]), alt) };
    case 127:
      return { kind: 'legacy', bytes: withAlt(Buffer.from([ctrl ? 0x08 : 0x7f]), alt) };
    default:
      break;
  }
  // Private-use codes are keypad and modifier keys of their own: no legacy form.
  if (code < 32 || (code >= 57344 && code <= 63743) || code > 0x10ffff) return { kind: 'kitty', name: 'unknown' };
  let char = String.fromCodePoint(code);
  if (shift && !ctrl) char = char.toUpperCase();
  if (ctrl) {
    const lower = char.toLowerCase();
    if (lower >= 'a' && lower <= 'z') return { kind: 'legacy', bytes: withAlt(Buffer.from([lower.charCodeAt(0) - 0x60]), alt) };
    const control = { ' ': 0x00, '@': 0x00, '[': 0x1b, '\\': 0x1c, ']': 0x1d, '^': 0x1e, _: 0x1f, '/': 0x1f, '?': 0x7f }[char];
    if (control !== undefined) return { kind: 'legacy', bytes: withAlt(Buffer.from([control]), alt) };
    return { kind: 'kitty', name: 'unknown' };
  }
  return { kind: 'legacy', bytes: withAlt(Buffer.from(char, 'utf8'), alt) };
}
