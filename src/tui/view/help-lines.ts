// The help overlay's content, generated from the active key map so it never disagrees with
// what the keys do.
import { ACTION_DESCRIPTIONS, type Action } from '../../config/keybindings.js';
import type { KeyMap, TuiAction } from '../input/key-map.js';

export interface HelpSection {
  title: string;
  rows: Array<{ keys: string; what: string }>;
}

const EXTRA: Record<string, string> = {
  send_prefix: 'Send the prefix key itself to the pane (e.g. ctrl+d to end a shell).',
  cancel: 'Clear the filter, then the message.',
};

function describe(action: TuiAction): string {
  return EXTRA[action] ?? ACTION_DESCRIPTIONS[action as Action] ?? action;
}

function group(entries: Iterable<[string, TuiAction]>): Array<{ keys: string; what: string }> {
  const byAction = new Map<TuiAction, string[]>();
  for (const [key, action] of entries) {
    if (action.startsWith('focus_') && action !== 'focus_selected') continue;
    byAction.set(action, [...(byAction.get(action) ?? []), key]);
  }
  return [...byAction].map(([action, keys]) => ({ keys: keys.join(' '), what: describe(action) }));
}

export function helpSections(keyMap: KeyMap): HelpSection[] {
  const command = group(keyMap.command);
  const digits = [...keyMap.command].filter(([, action]) => /^focus_\d$/.test(action)).map(([key]) => key);
  if (digits.length > 0) command.splice(3, 0, { keys: `${digits[0]}–${digits.at(-1)}`, what: 'Type into card N of this tab.' });
  return [
    { title: 'Anywhere, even while typing into a pane', rows: group(keyMap.typing) },
    { title: 'COMMAND mode', rows: command },
  ];
}
