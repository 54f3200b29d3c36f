// The Scheduled Tasks manager (`s` in COMMAND mode): the daemon's schedules with their next fire
// time and last result; ↑/↓ select, r runs now, e enables or disables, d deletes after a y/n
// confirmation, a adds and Enter/u edits (schedule-form.ts), Escape closes.
import type { KeyEvent, PasteEvent } from '../../input/input-event.js';
import type { ScheduleView } from '../../../protocol/messages.js';
import type { Dialog } from '../deck-state.js';
import type { Effect } from '../effect.js';
import { editorDirListed, editorInput, editorSaved, openEditor, type ScheduleEditor } from './schedule-form.js';

export interface SchedulesDialog {
  kind: 'schedules';
  /** null until the daemon answered. */
  items: readonly ScheduleView[] | null;
  selected: number;
  /** The schedule waiting for a y/n before it is deleted. */
  confirmDelete: string | null;
  /** The last outcome or error, shown under the list. */
  note: string | null;
  /** The add/edit flow over the list, while it is open. */
  editor: ScheduleEditor | null;
}

export interface SchedulesStep {
  dialog: Dialog | null;
  effects: Effect[];
}

export function openSchedules(): SchedulesStep {
  return { dialog: { kind: 'schedules', items: null, selected: 0, confirmDelete: null, note: null, editor: null }, effects: [{ type: 'load-schedules' }] };
}

export function schedulesLoaded(dialog: Dialog | null, items: readonly ScheduleView[], note: string | null): Dialog | null {
  if (dialog?.kind !== 'schedules') return dialog;
  const selected = Math.min(dialog.selected, Math.max(0, items.length - 1));
  return { ...dialog, items, selected, note: note ?? dialog.note };
}

export function schedulesDirListed(dialog: SchedulesDialog, dir: string, entries: readonly string[], error: string | null): SchedulesDialog {
  return dialog.editor ? { ...dialog, editor: editorDirListed(dialog.editor, dir, entries, error) } : dialog;
}

export function scheduleSaved(dialog: Dialog | null, error: string | null): Dialog | null {
  if (dialog?.kind !== 'schedules' || !dialog.editor) return dialog;
  return { ...dialog, editor: editorSaved(dialog.editor, error) };
}

/** `cwd`: where the directory picker starts when adding. */
export function schedulesInput(dialog: SchedulesDialog, event: KeyEvent | PasteEvent, cwd: string): SchedulesStep {
  const stay = (next: Partial<SchedulesDialog> = {}, effects: Effect[] = []): SchedulesStep => ({ dialog: { ...dialog, ...next }, effects });
  if (dialog.editor) {
    const step = editorInput(dialog.editor, event);
    return stay({ editor: step.editor }, step.effects);
  }
  if (event.kind !== 'key') return stay();
  if (dialog.confirmDelete !== null) {
    if (event.key === 'y')
      return stay({ confirmDelete: null, note: `deleting ${dialog.confirmDelete}…` }, [{ type: 'schedule-remove', name: dialog.confirmDelete }]);
    return stay({ confirmDelete: null, note: null });
  }
  const items = dialog.items ?? [];
  const current = items[dialog.selected];
  switch (event.key) {
    case 'escape':
    case 'q':
      return { dialog: null, effects: [] };
    case 'down':
    case 'j':
      return stay({ selected: items.length === 0 ? 0 : (dialog.selected + 1) % items.length });
    case 'up':
    case 'k':
      return stay({ selected: items.length === 0 ? 0 : (dialog.selected - 1 + items.length) % items.length });
    case 'r':
      return current ? stay({ note: `running ${current.name}…` }, [{ type: 'schedule-run', name: current.name }]) : stay();
    case 'e':
    case 'space':
      return current ? stay({ note: null }, [{ type: 'schedule-enable', name: current.name, enabled: !current.enabled }]) : stay();
    case 'd':
    case 'delete':
      return current ? stay({ confirmDelete: current.name }) : stay();
    case 'a': {
      const opened = openEditor(null, cwd);
      return stay({ editor: opened.editor, note: null }, opened.effects);
    }
    case 'enter':
    case 'u': {
      if (!current) return stay();
      const opened = openEditor(current, cwd);
      return stay({ editor: opened.editor, note: null }, opened.effects);
    }
    default:
      return stay();
  }
}
