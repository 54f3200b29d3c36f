// The quit dialog: Detach (default, the agents keep working) / Stop all / Cancel. Stop all ends
// every agent, so it is asked once more (Cancel by default); Ctrl+c there still detaches at once.
import { assertNever } from '../../../common/errors.js';
import type { KeyEvent } from '../../input/input-event.js';
import { QUIT_CHOICES, type Dialog, type QuitChoice } from '../deck-state.js';
import type { Effect } from '../effect.js';
import { moveChoice } from './choice.js';

export interface DialogStep {
  dialog: Dialog | null;
  effects: Effect[];
}

const SHORTCUTS: Record<string, QuitChoice> = { d: 'detach', s: 'stop', c: 'cancel', q: 'cancel', escape: 'cancel' };

export function quitDialogKey(dialog: Extract<Dialog, { kind: 'quit' }>, event: KeyEvent): DialogStep {
  // ctrl+c twice detaches at once, the way people leave a program in a hurry.
  if (event.key === 'ctrl+c') return choose('detach');
  if (dialog.confirmStop) return confirmStopKey(dialog, event);
  const shortcut = SHORTCUTS[event.key];
  if (shortcut) return choose(shortcut);
  if (event.key === 'enter' || event.key === 'space') return choose(dialog.choice);
  return { dialog: { ...dialog, choice: moveChoice(QUIT_CHOICES, dialog.choice, event.key) }, effects: [] };
}

const STOP_CHOICES: readonly QuitChoice[] = ['stop', 'cancel'];

function confirmStopKey(dialog: Extract<Dialog, { kind: 'quit' }>, event: KeyEvent): DialogStep {
  if (event.key === 'y' || event.key === 's') return { dialog: null, effects: [{ type: 'stop-all' }] };
  if (event.key === 'n' || event.key === 'c' || event.key === 'q' || event.key === 'escape') return { dialog: null, effects: [] };
  if (event.key === 'enter' || event.key === 'space') return { dialog: null, effects: dialog.choice === 'stop' ? [{ type: 'stop-all' }] : [] };
  return { dialog: { ...dialog, choice: moveChoice(STOP_CHOICES, dialog.choice, event.key) }, effects: [] };
}

function choose(choice: QuitChoice): DialogStep {
  switch (choice) {
    case 'stop':
      // Asked once more: the next answer (confirmStopKey) ends every agent or nothing.
      return { dialog: { kind: 'quit', choice: 'cancel', confirmStop: true }, effects: [] };
    case 'detach':
      return { dialog: null, effects: [{ type: 'detach' }] };
    case 'cancel':
      return { dialog: null, effects: [] };
    default:
      return assertNever(choice, 'choice');
  }
}
