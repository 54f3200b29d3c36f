// The syntax of a key in keybindings.toml ("ctrl+d", "j", "?", "pageup", "shift+tab") and its
// canonical spelling, so "Ctrl+D" and "ctrl+d" are the same binding. Only keys a terminal can
// tell apart are accepted: without the kitty keyboard protocol, ctrl+i *is* tab.
import { suggest } from '../common/suggest.js';

export const MODIFIERS = ['ctrl', 'alt', 'shift'] as const;
export type Modifier = (typeof MODIFIERS)[number];

const FUNCTION_KEYS = Array.from({ length: 12 }, (_, i) => `f${i + 1}`);

export const NAMED_KEYS: readonly string[] = [
  'enter',
  'tab',
  'escape',
  'space',
  'backspace',
  'delete',
  'insert',
  'home',
  'end',
  'pageup',
  'pagedown',
  'up',
  'down',
  'left',
  'right',
  ...FUNCTION_KEYS,
];

const ALIASES: Record<string, string> = {
  esc: 'escape',
  return: 'enter',
  del: 'delete',
  ins: 'insert',
  pgup: 'pageup',
  pgdn: 'pagedown',
  pgdown: 'pagedown',
};

/** Ctrl chords that send the same byte as another key in a terminal. */
const CTRL_TWINS: Record<string, string> = { i: 'tab', m: 'enter', h: 'backspace', '[': 'escape' };

/** Characters that still make a distinct byte together with ctrl (besides letters). */
const CTRL_SYMBOLS = new Set(['\\', ']', '^', '_', '@', '/']);

export type KeyParse = { ok: true; key: string } | { ok: false; message: string };

const fail = (message: string): KeyParse => ({ ok: false, message });

export function parseKey(spec: string): KeyParse {
  if (spec === '') return fail('a key must not be empty');
  if (/\s/.test(spec)) return fail(`${JSON.stringify(spec)} contains a space: write "space" for the space bar, and join modifiers with "+" (e.g. "ctrl+d")`);
  // "+" is itself a key: "+" and "ctrl++" must not be split on their last plus.
  const plusKey = spec === '+' || spec.endsWith('++');
  const parts = plusKey ? [...splitModifiers(spec.slice(0, spec.length - (spec === '+' ? 1 : 2))), '+'] : spec.split('+');
  const rawKey = parts.pop() ?? '';
  if (rawKey === '') return fail(`${JSON.stringify(spec)} ends with "+": name the key after the modifiers, e.g. "ctrl+d"`);

  const modifiers = new Set<Modifier>();
  for (const raw of parts) {
    const modifier = raw.toLowerCase();
    if (!isModifier(modifier)) {
      const hint = suggest(modifier, MODIFIERS);
      return fail(`unknown modifier ${JSON.stringify(raw)} in ${JSON.stringify(spec)}: use ${hint ? JSON.stringify(hint) : 'ctrl, alt or shift'}`);
    }
    if (modifiers.has(modifier)) return fail(`${JSON.stringify(spec)} names ${modifier} twice`);
    modifiers.add(modifier);
  }

  const key = keyName(rawKey, modifiers);
  if (typeof key !== 'string') return key;
  const ordered = MODIFIERS.filter((m) => modifiers.has(m));
  return { ok: true, key: [...ordered, key].join('+') };
}

function splitModifiers(text: string): string[] {
  return text === '' ? [] : text.split('+');
}

function isModifier(text: string): text is Modifier {
  return (MODIFIERS as readonly string[]).includes(text);
}

function keyName(raw: string, modifiers: ReadonlySet<Modifier>): string | KeyParse {
  const lower = raw.toLowerCase();
  const named = ALIASES[lower] ?? lower;
  if ([...raw].length > 1) {
    if (NAMED_KEYS.includes(named)) return named;
    const hint = suggest(lower, [...NAMED_KEYS, ...Object.keys(ALIASES)]);
    return fail(
      `unknown key ${JSON.stringify(raw)}${hint ? `: did you mean ${JSON.stringify(ALIASES[hint] ?? hint)}?` : ` (named keys: ${NAMED_KEYS.join(', ')})`}`,
    );
  }
  const code = raw.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return fail('a key must be a visible character or a key name such as "tab"');
  if (modifiers.has('shift')) {
    // A terminal sends "G" for shift+g and "?" for shift+/; it never reports shift on its own.
    return fail(`write the character shift produces (e.g. "G" or "?") instead of "shift+${raw}"; shift+ is for named keys such as "shift+tab"`);
  }
  if (modifiers.has('ctrl')) {
    const twin = CTRL_TWINS[lower];
    if (twin) return fail(`"ctrl+${lower}" sends the same byte as "${twin}" in a terminal: bind "${twin}" or another ctrl+letter`);
    if (/^[a-z]$/.test(lower)) return lower;
    if (!CTRL_SYMBOLS.has(raw)) return fail(`"ctrl+${raw}" is not a key a terminal can send: use ctrl with a letter`);
  }
  return raw;
}
