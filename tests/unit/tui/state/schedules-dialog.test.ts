import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../../../src/protocol/messages.js';
import { openSchedules, schedulesInput, schedulesLoaded, type SchedulesDialog } from '../../../../src/tui/state/dialogs/schedules-dialog.js';
import { scheduleRow } from '../../../../src/tui/components/dialogs/SchedulesDialog.js';

const item = (name: string, over: Partial<ScheduleView> = {}): ScheduleView => ({
  name,
  cron: '0 3 * * *',
  dir: '/src/app',
  action: { kind: 'orchestration', orchestration: 'dev' },
  overlap: 'skip',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastRun: null,
  nextFireAt: '2026-01-02T03:00:00.000Z',
  live: false,
  ...over,
});

const key = (k: string) => ({ kind: 'key' as const, key: k, raw: Buffer.from(k) });
const loaded = (): SchedulesDialog => schedulesLoaded(openSchedules().dialog, [item('nightly'), item('weekly', { enabled: false })], null) as SchedulesDialog;

describe('Scheduled Tasks dialog', () => {
  it('opens empty and asks the daemon for the schedules', () => {
    expect(openSchedules()).toEqual({
      dialog: { kind: 'schedules', items: null, selected: 0, confirmDelete: null, note: null, editor: null },
      effects: [{ type: 'load-schedules' }],
    });
  });

  it.each<[string, string[], Record<string, unknown> | null, unknown[]]>([
    ['moves down and wraps', ['down', 'down'], { selected: 0 }, []],
    ['moves up from the top to the bottom', ['k'], { selected: 1 }, []],
    ['runs the selected schedule now', ['r'], { note: 'running nightly…' }, [{ type: 'schedule-run', name: 'nightly' }]],
    ['enables a disabled one', ['j', 'e'], { selected: 1 }, [{ type: 'schedule-enable', name: 'weekly', enabled: true }]],
    ['disables an enabled one', ['space'], { selected: 0 }, [{ type: 'schedule-enable', name: 'nightly', enabled: false }]],
    ['asks before deleting', ['d'], { confirmDelete: 'nightly' }, []],
    ['deletes on y', ['d', 'y'], { confirmDelete: null, note: 'deleting nightly…' }, [{ type: 'schedule-remove', name: 'nightly' }]],
    ['keeps it on any other key', ['d', 'n'], { confirmDelete: null }, []],
    ['closes on escape', ['escape'], null, []],
    [
      'a opens the directory picker for a new schedule',
      ['a'],
      { editor: { step: 'pick', picker: { dir: '/home/u' }, editing: null } },
      [{ type: 'list-dir', dir: '/home/u' }],
    ],
    [
      'Enter edits the selected one, starting in its directory',
      ['enter'],
      { editor: { step: 'pick', picker: { dir: '/src/app' }, editing: { name: 'nightly' } } },
      [{ type: 'list-dir', dir: '/src/app' }],
    ],
    ['u edits too', ['j', 'u'], { editor: { step: 'pick', editing: { name: 'weekly' } } }, [{ type: 'list-dir', dir: '/src/app' }]],
    ['Esc in the picker goes back to the list', ['a', 'escape'], { editor: null, items: [{ name: 'nightly' }, { name: 'weekly' }] }, []],
  ])('%s', (_name, keys, expected, effects) => {
    let dialog: SchedulesDialog | null = loaded();
    let last: unknown[] = [];
    for (const k of keys) {
      const step = schedulesInput(dialog!, key(k), '/home/u');
      dialog = step.dialog as SchedulesDialog | null;
      last = step.effects;
    }
    if (expected === null) expect(dialog).toBeNull();
    else expect(dialog).toMatchObject(expected);
    expect(last).toEqual(effects);
  });

  it('keeps the selection inside a shorter list after a delete', () => {
    const dialog = { ...loaded(), selected: 1 };
    expect(schedulesLoaded(dialog, [item('nightly')], 'weekly deleted')).toMatchObject({ selected: 0, note: 'weekly deleted' });
  });

  it.each([
    [item('nightly'), 'nightly  0 3 * * *  next in 3h  not run yet  orchestration dev'],
    [item('off', { enabled: false }), 'off  0 3 * * *  disabled  not run yet  orchestration dev'],
    [
      item('deps', {
        action: { kind: 'dispatch', taskFile: 'deps.md', single: 'claude' },
        live: true,
        lastRun: { at: '2026-01-01T22:00:00.000Z', result: 'started', detail: 'x', tab: 't', panes: ['p1'] },
      }),
      'deps  0 3 * * *  next in 3h  last started 2h ago (live)  dispatch claude',
    ],
    [item('tick', { action: { kind: 'command', command: 'make nightly' } }), 'tick  0 3 * * *  next in 3h  not run yet  command make nightly'],
  ])('shows %#: %s', (schedule, row) => {
    expect(scheduleRow(schedule, Date.parse('2026-01-02T00:00:00.000Z'))).toBe(row);
  });
});
