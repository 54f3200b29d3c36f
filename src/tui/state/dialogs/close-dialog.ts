// Closing a pane stops its process: the dialog defaults to Cancel so a stray Enter is harmless.
import type { KeyEvent } from '../../input/input-event.js';
import type { Dialog } from '../deck-state.js';
import { isMoveKey } from './choice.js';
import type { DialogStep } from './quit-dialog.js';

export function closeDialogKey(dialog: Extract<Dialog, { kind: 'close' }>, event: KeyEvent): DialogStep {
  const kills = (dialog.panes ?? [dialog.paneId]).map((paneId) => ({ type: 'kill' as const, paneId }));
  switch (event.key) {
    case 'y':
      return { dialog: null, effects: kills };
    case 'n':
    case 'q':
    case 'escape':
    case 'ctrl+c':
      return { dialog: null, effects: [] };
    case 'enter':
    case 'space':
      return { dialog: null, effects: dialog.confirm ? kills : [] };
    default:
      return { dialog: isMoveKey(event.key) ? { ...dialog, confirm: !dialog.confirm } : dialog, effects: [] };
  }
}
