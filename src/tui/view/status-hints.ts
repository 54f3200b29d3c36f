// The key hints of the status bar, from the active key map (so a remapped key shows as remapped).
import type { KeyMap, TuiAction } from '../input/key-map.js';
import type { Hint } from '../components/StatusBar.js';
import type { DeckState } from '../state/deck-state.js';

function hint(keyMap: KeyMap, actions: readonly TuiAction[], label: string): Hint | null {
  const keys = actions.map((action) => keyMap.keysOf(action)[0]).filter((key): key is string => key !== undefined);
  return keys.length > 0 ? { keys: keys.join('/'), label } : null;
}

export function statusHints(state: DeckState, keyMap: KeyMap, tabCount: number): Hint[] {
  const typingKey = (action: TuiAction) => [...keyMap.typing].find(([, a]) => a === action)?.[0];
  if (state.mode === 'typing') {
    const hints: Hint[] = [];
    const prefix = typingKey('toggle_mode');
    if (prefix) hints.push({ keys: prefix, label: 'command mode' });
    const prev = typingKey('prev_tab');
    const next = typingKey('next_tab');
    if (tabCount > 1 && prev && next) hints.push({ keys: `${prev}/${next}`, label: 'tabs' });
    return hints;
  }
  const hasPanes = state.panes.length > 0;
  return [
    hasPanes ? hint(keyMap, ['select_next', 'select_prev'], 'select') : null,
    hasPanes ? hint(keyMap, ['focus_selected'], 'type') : null,
    hint(keyMap, ['new_pane'], 'new'),
    hasPanes ? hint(keyMap, ['toggle_layout'], state.layout === 'stacked' ? 'tile' : 'stack') : null,
    hasPanes ? hint(keyMap, ['close_pane'], 'close') : null,
    hint(keyMap, ['help'], 'help'),
    hint(keyMap, ['quit'], 'quit'),
  ].filter((h): h is Hint => h !== null);
}
