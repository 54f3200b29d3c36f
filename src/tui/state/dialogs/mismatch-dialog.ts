// The dialog for a daemon that refuses this deck's protocol version (after an upgrade): restart
// it, so a daemon of this version restores the same panes, or keep it running and quit.
import { assertNever } from '../../../common/errors.js';
import type { KeyEvent } from '../../input/input-event.js';
import { MISMATCH_CHOICES, type Dialog, type MismatchChoice } from '../deck-state.js';
import { moveChoice } from './choice.js';
import type { DialogStep } from './quit-dialog.js';

type MismatchDialog = Extract<Dialog, { kind: 'daemon-mismatch' }>;

const SHORTCUTS: Record<string, MismatchChoice> = { r: 'restart', q: 'quit', escape: 'quit', 'ctrl+c': 'quit' };

export function openMismatch(message: string, panes: readonly string[] | null): MismatchDialog {
  return { kind: 'daemon-mismatch', message, panes, choice: 'restart', restarting: false, error: null };
}

export function mismatchDialogKey(dialog: MismatchDialog, event: KeyEvent): DialogStep {
  const shortcut = SHORTCUTS[event.key];
  // While the restart runs only quitting is left to choose; a second restart would race the first.
  if (dialog.restarting) return shortcut === 'quit' ? choose(dialog, 'quit') : { dialog, effects: [] };
  if (shortcut) return choose(dialog, shortcut);
  if (event.key === 'enter' || event.key === 'space') return choose(dialog, dialog.choice);
  return { dialog: { ...dialog, choice: moveChoice(MISMATCH_CHOICES, dialog.choice, event.key) }, effects: [] };
}

function choose(dialog: MismatchDialog, choice: MismatchChoice): DialogStep {
  switch (choice) {
    case 'restart':
      return { dialog: { ...dialog, restarting: true, error: null }, effects: [{ type: 'restart-daemon' }] };
    case 'quit':
      return { dialog: null, effects: [{ type: 'keep-daemon', message: dialog.message }] };
    default:
      return assertNever(choice, 'choice');
  }
}

/** The restart failed: say why and ask again. */
export function mismatchRestartFailed(dialog: Dialog | null, error: string): Dialog | null {
  if (dialog?.kind !== 'daemon-mismatch') return dialog;
  return { ...dialog, restarting: false, error };
}
