// The key hints of the status bar, from the active key map (so a remapped key shows as remapped).
import type { KeyMap, TuiAction } from '../input/key-map.js';
import type { Hint } from '../components/StatusBar.js';
import type { DeckState } from '../state/deck-state.js';
import { waitingPanes } from '../state/needs-you.js';

function hint(keyMap: KeyMap, actions: readonly TuiAction[], label: string): Hint | null {
  const keys = actions.map((action) => keyMap.keysOf(action)[0]).filter((key): key is string => key !== undefined);
  return keys.length > 0 ? { keys: keys.join('/'), label, action: actions[0]! } : null;
}

/** "w 2 need you", first and in the attention colour, while anyone waits; in TYPING the prefix too. */
function waitingHint(state: DeckState, keyMap: KeyMap, prefix: string | undefined): Hint | null {
  const count = waitingPanes(state.panes).length;
  const key = keyMap.keysOf('next_waiting')[0];
  if (count === 0 || key === undefined) return null;
  const keys = state.mode === 'typing' ? (prefix === undefined ? null : `${prefix} ${key}`) : key;
  if (keys === null) return null;
  return { keys, label: `${count} need${count === 1 ? 's' : ''} you`, tone: 'attention', action: 'next_waiting' };
}

export function statusHints(state: DeckState, keyMap: KeyMap, tabCount: number): Hint[] {
  const typingKey = (action: TuiAction) => [...keyMap.typing].find(([, a]) => a === action)?.[0];
  if (state.mode === 'typing') {
    const hints: Hint[] = [];
    const prefix = typingKey('toggle_mode');
    const waiting = waitingHint(state, keyMap, prefix);
    if (waiting) hints.push(waiting);
    if (prefix) hints.push({ keys: prefix, label: 'command mode', action: 'toggle_mode' });
    const prev = typingKey('prev_tab');
    const next = typingKey('next_tab');
    if (tabCount > 1 && prev && next) hints.push({ keys: `${prev}/${next}`, label: 'tabs' });
    return hints;
  }
  const hasPanes = state.panes.length > 0;
  return [
    waitingHint(state, keyMap, undefined),
    hasPanes ? hint(keyMap, ['select_next', 'select_prev'], 'select') : null,
    hasPanes ? hint(keyMap, ['focus_selected'], 'type') : null,
    hint(keyMap, ['new_pane'], 'new'),
    hasPanes ? hint(keyMap, ['toggle_layout'], state.layout === 'stacked' ? 'tile' : 'stack') : null,
    hasPanes ? hint(keyMap, ['close_pane'], 'close') : null,
    hint(keyMap, ['help'], 'help'),
    hint(keyMap, ['quit'], 'quit'),
  ].filter((h): h is Hint => h !== null);
}
