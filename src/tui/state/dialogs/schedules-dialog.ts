// The Scheduled Tasks manager (`s` in COMMAND mode): the daemon's schedules with their next fire
// time and last result; ↑/↓ select, r runs now, e enables or disables, d deletes after a y/n
// confirmation, Escape closes. Adding and editing are `dot-agent-deck schedule add|update`.
import type { KeyEvent } from '../../input/input-event.js';
import type { ScheduleView } from '../../../protocol/messages.js';
import type { Dialog } from '../deck-state.js';
import type { Effect } from '../effect.js';

export interface SchedulesDialog {
  kind: 'schedules';
  /** null until the daemon answered. */
  items: readonly ScheduleView[] | null;
  selected: number;
  /** The schedule waiting for a y/n before it is deleted. */
  confirmDelete: string | null;
  /** The last outcome or error, shown under the list. */
  note: string | null;
}

export interface SchedulesStep {
  dialog: Dialog | null;
  effects: Effect[];
}

export function openSchedules(): SchedulesStep {
  return { dialog: { kind: 'schedules', items: null, selected: 0, confirmDelete: null, note: null }, effects: [{ type: 'load-schedules' }] };
}

export function schedulesLoaded(dialog: Dialog | null, items: readonly ScheduleView[], note: string | null): Dialog | null {
  if (dialog?.kind !== 'schedules') return dialog;
  const selected = Math.min(dialog.selected, Math.max(0, items.length - 1));
  return { ...dialog, items, selected, note: note ?? dialog.note };
}

export function schedulesKey(dialog: SchedulesDialog, event: KeyEvent): SchedulesStep {
  const stay = (next: Partial<SchedulesDialog> = {}, effects: Effect[] = []): SchedulesStep => ({ dialog: { ...dialog, ...next }, effects });
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
    default:
      return stay();
  }
}
