// Which key runs which deck action, in each mode. Built from the merged keybindings
// (src/config/keybindings.ts) plus the deck's fixed keys: 1–9, the tab aliases and Escape.
import { ACTIONS, type Action, type Keybindings } from '../../config/keybindings.js';
import { splitKey } from './key-names.js';

export type PaneNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Config actions, plus the ones keybindings.toml does not name. */
export type TuiAction = Action | `focus_${PaneNumber}` | 'send_prefix' | 'cancel';

export interface KeyMap {
  /** Keys intercepted in TYPING mode; every other byte goes to the pane. */
  readonly typing: ReadonlyMap<string, TuiAction>;
  /** Keys of COMMAND mode. */
  readonly command: ReadonlyMap<string, TuiAction>;
  /** The keys that run an action in COMMAND mode, first the one to show in hints. */
  keysOf(action: TuiAction): readonly string[];
}

/** Fixed COMMAND-mode keys, used when the user's bindings leave them free (tmux habits). */
const FIXED: ReadonlyArray<[string, TuiAction]> = [
  ...([1, 2, 3, 4, 5, 6, 7, 8, 9] as const).map((n): [string, TuiAction] => [String(n), `focus_${n}`]),
  ['h', 'prev_tab'],
  ['left', 'prev_tab'],
  ['shift+tab', 'prev_tab'],
  ['l', 'next_tab'],
  ['right', 'next_tab'],
  ['tab', 'next_tab'],
  ['escape', 'cancel'],
];

/** Actions whose keys also work while typing. Tab switching only on chords, never a plain letter. */
function worksWhileTyping(action: Action, key: string): boolean {
  if (action === 'toggle_mode') return true;
  if (action !== 'prev_tab' && action !== 'next_tab') return false;
  const { mods } = splitKey(key);
  return mods.ctrl || mods.alt;
}

export function buildKeyMap(bindings: Keybindings): KeyMap {
  const typing = new Map<string, TuiAction>();
  const command = new Map<string, TuiAction>();
  for (const action of ACTIONS) {
    for (const key of bindings[action]) {
      if (!command.has(key)) command.set(key, action);
      if (worksWhileTyping(action, key) && !typing.has(key)) typing.set(key, action);
    }
  }
  for (const [key, action] of FIXED) if (!command.has(key)) command.set(key, action);
  // "ctrl+d d" sends a literal ctrl+d (EOF), as tmux's prefix twice sends the prefix.
  const prefixLetter = prefixBaseLetter(bindings.toggle_mode[0]);
  if (prefixLetter && !command.has(prefixLetter)) command.set(prefixLetter, 'send_prefix');

  const byAction = new Map<TuiAction, string[]>();
  for (const [key, action] of command) byAction.set(action, [...(byAction.get(action) ?? []), key]);
  return { typing, command, keysOf: (action) => byAction.get(action) ?? [] };
}

function prefixBaseLetter(key: string | undefined): string | null {
  if (!key) return null;
  const { mods, base } = splitKey(key);
  return mods.ctrl && !mods.alt && !mods.shift && /^[a-z]$/.test(base) ? base : null;
}

/** The bytes of a ctrl+letter prefix, for `send_prefix`. */
export function prefixBytes(bindings: Keybindings): Buffer | null {
  const letter = prefixBaseLetter(bindings.toggle_mode[0]);
  return letter ? Buffer.from([letter.charCodeAt(0) - 0x60]) : null;
}
