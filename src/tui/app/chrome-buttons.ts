// The deck's buttons under the mouse: a dialog's buttons, the status bar's key hints, a tab's ×
// and the directory picker's rows (picker-mouse.ts). Each is found with the same arithmetic that
// draws it, and a click does what its key does: dialog buttons become the keys that move to them
// and press Enter, hints run their action.
import type { KeyEvent, MouseEvent } from '../input/input-event.js';
import type { DeckMsg } from '../state/deck-msg.js';
import type { KeyMap, TuiAction } from '../input/key-map.js';
import type { DeckLayout, Rect } from '../layout/deck-layout.js';
import { CONFIG_GEN_CHOICES, QUIT_CHOICES, type DeckState, type Dialog } from '../state/deck-state.js';
import { tabsOf } from '../state/selectors.js';
import { placeHints } from '../view/hint-line.js';
import { journalStatus } from '../view/journal-status.js';
import { statusHints } from '../view/status-hints.js';
import { pickerMouse } from './picker-mouse.js';

interface ButtonRow {
  /** Rows below the dialog's top border. */
  row: number;
  labels: readonly string[];
  current: number;
}

/** Where a choice dialog draws its buttons (components/dialogs/ChoiceDialogs.tsx, DialogFrame). */
function buttonRow(dialog: Dialog): ButtonRow | null {
  switch (dialog.kind) {
    case 'quit':
      if (dialog.confirmStop) return { row: 5, labels: ['Stop all', 'Cancel'], current: dialog.choice === 'stop' ? 0 : 1 };
      return { row: 5, labels: ['Detach', 'Stop all', 'Cancel'], current: QUIT_CHOICES.indexOf(dialog.choice) };
    case 'close':
      return { row: 5, labels: [dialog.tab === undefined ? 'Close' : 'Close tab', 'Cancel'], current: dialog.confirm ? 0 : 1 };
    case 'generate-config':
      return { row: 7, labels: ['Yes', 'No', 'Never'], current: CONFIG_GEN_CHOICES.indexOf(dialog.choice) };
    case 'daemon-mismatch':
    case 'filter':
    case 'help':
    case 'new-pane':
    case 'rename':
    case 'schedules':
    case 'timeline':
      return null; // no buttons row of this shape (keys only)
  }
}

const keyEvent = (key: string): KeyEvent => ({ kind: 'key', key, raw: Buffer.alloc(0) });

/** The keys a click at (x, y) in the dialog stands for: moves to the button, then Enter. */
export function dialogClick(dialog: Dialog, rect: Rect, x: number, y: number): KeyEvent[] {
  const buttons = buttonRow(dialog);
  if (!buttons || y !== rect.y + buttons.row) return [];
  let left = rect.x + 2;
  for (const [i, label] of buttons.labels.entries()) {
    const width = label.length + 4;
    if (x >= left && x < left + width) {
      const moves = (i - buttons.current + buttons.labels.length) % buttons.labels.length;
      return [...Array.from({ length: moves }, () => keyEvent('right')), keyEvent('enter')];
    }
    left += width + 2;
  }
  return [];
}

/** The action of the status-bar hint at (x, y), when the bar shows hints (no message, no warning). */
export function hintClick(state: DeckState, keyMap: KeyMap, layout: DeckLayout, x: number, y: number): TuiAction | null {
  if (y !== layout.status.y || state.message || state.link.kind !== 'up' || journalStatus(state)) return null;
  const chip = state.mode === 'command' ? ' COMMAND ' : ' TYPING ';
  const placed = placeHints(statusHints(state, keyMap, tabsOf(state.panes, state).length), chip.length + 2, layout.status.cols - chip.length - 1);
  return placed.find((p) => x >= p.x && x < p.x + p.cols)?.hint.action ?? null;
}

/** The tab whose × is at (x, y). */
export function tabCloseClick(layout: DeckLayout, x: number, y: number): string | null {
  const slot = layout.tabs.find((t) => t.close !== null && t.close.y === y && t.close.x === x);
  return slot?.tab ?? null;
}

/** What a left click on one of these buttons does, as deck messages; null when it hit none. */
export function chromeClick(event: MouseEvent, state: DeckState, keyMap: KeyMap, layout: DeckLayout): DeckMsg[] | null {
  if (state.dialog?.kind === 'new-pane' && layout.dialog) {
    const keys = pickerMouse(state.dialog, layout.dialog, event);
    if (keys) return keys.map((key) => ({ type: 'dialog-input', event: key }));
  }
  if (event.action !== 'press' || event.button !== 0) return null;
  if (state.dialog) {
    if (!layout.dialog) return null;
    const keys = dialogClick(state.dialog, layout.dialog, event.x, event.y);
    return keys.length === 0 ? null : keys.map((key) => ({ type: 'dialog-input', event: key }));
  }
  const tab = tabCloseClick(layout, event.x, event.y);
  if (tab !== null)
    return [
      { type: 'switch-tab', tab },
      { type: 'action', action: 'close_pane' },
    ];
  const action = hintClick(state, keyMap, layout, event.x, event.y);
  return action === null ? null : [{ type: 'action', action }];
}
