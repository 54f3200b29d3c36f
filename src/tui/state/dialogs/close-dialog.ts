// Closing a pane stops its process, closing a tab stops all of its panes: the dialog defaults to
// Cancel so a stray Enter is harmless.
import type { KeyEvent } from '../../input/input-event.js';
import type { DeckState, Dialog } from '../deck-state.js';
import { panesInTab } from '../selectors.js';
import { isMoveKey } from './choice.js';
import type { DialogStep } from './quit-dialog.js';

type CloseDialog = Extract<Dialog, { kind: 'close' }>;

const kills = (dialog: CloseDialog) => (dialog.paneIds ?? [dialog.paneId]).map((paneId) => ({ type: 'kill' as const, paneId }));

export function closeDialogKey(dialog: CloseDialog, event: KeyEvent): DialogStep {
  switch (event.key) {
    case 'y':
      return { dialog: null, effects: kills(dialog) };
    case 'n':
    case 'q':
    case 'escape':
    case 'ctrl+c':
      return { dialog: null, effects: [] };
    case 'enter':
    case 'space':
      return { dialog: null, effects: dialog.confirm ? kills(dialog) : [] };
    default:
      return { dialog: isMoveKey(event.key) ? { ...dialog, confirm: !dialog.confirm } : dialog, effects: [] };
  }
}

/** Ctrl+w in an orchestration tab (or its ×): close the whole tab, its panes as they are now. */
export function closeTabDialog(state: DeckState, tab: string): CloseDialog {
  const paneIds = panesInTab(state.panes, tab).map((pane) => pane.id);
  return { kind: 'close', paneId: paneIds[0] ?? '', confirm: false, tab, paneIds };
}
