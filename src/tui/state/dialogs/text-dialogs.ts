// The dialogs that edit one line of text: rename a pane, and the card filter (which applies as
// you type, like a search box).
import type { KeyEvent, PasteEvent } from '../../input/input-event.js';
import type { Dialog } from '../deck-state.js';
import { editField } from '../text-field.js';
import type { DialogStep } from './quit-dialog.js';

/** The daemon accepts names of 1–100 characters. */
const MAX_NAME = 100;

export function renameDialogInput(dialog: Extract<Dialog, { kind: 'rename' }>, event: KeyEvent | PasteEvent): DialogStep {
  if (event.kind === 'key') {
    if (event.key === 'escape' || event.key === 'ctrl+c') return { dialog: null, effects: [] };
    if (event.key === 'enter') {
      const name = dialog.field.text.trim();
      if (name === '') return { dialog, effects: [] };
      return { dialog: null, effects: [{ type: 'rename', paneId: dialog.paneId, name }] };
    }
  }
  const field = editField(dialog.field, event, MAX_NAME);
  return { dialog: field ? { ...dialog, field } : dialog, effects: [] };
}

export interface FilterStep {
  dialog: Dialog | null;
  filter: string;
}

/** Enter keeps the filter and closes the box; Escape clears it. */
export function filterDialogInput(dialog: Extract<Dialog, { kind: 'filter' }>, event: KeyEvent | PasteEvent): FilterStep {
  if (event.kind === 'key') {
    if (event.key === 'escape' || event.key === 'ctrl+c') return { dialog: null, filter: '' };
    if (event.key === 'enter') return { dialog: null, filter: dialog.field.text };
  }
  const field = editField(dialog.field, event) ?? dialog.field;
  return { dialog: { ...dialog, field }, filter: field.text };
}
