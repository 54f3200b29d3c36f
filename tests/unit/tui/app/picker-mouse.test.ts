import { describe, expect, it } from 'vitest';
import { pickerMouse } from '../../../../src/tui/app/picker-mouse.js';
import type { MouseEvent } from '../../../../src/tui/input/input-event.js';
import type { Rect } from '../../../../src/tui/layout/deck-layout.js';
import type { Effect } from '../../../../src/tui/state/deck-msg.js';
import { dirListed, newPaneInput, openNewPane, type NewPaneDialog } from '../../../../src/tui/state/dialogs/new-pane-dialog.js';

const mouse = (action: MouseEvent['action'], x: number, y: number, button = 0): MouseEvent => ({
  kind: 'mouse',
  action,
  button,
  code: button,
  x,
  y,
  shift: false,
  alt: false,
  ctrl: false,
  raw: Buffer.alloc(0),
});

const RECT: Rect = { x: 10, y: 5, cols: 84, rows: 24 };
/** The body starts three rows below the box's top (border, title, blank); the directory line is first. */
const ROW0 = RECT.y + 4;

/** The picker in /work/app listing bench, docs, src (rows 1..3; row 0 is "./"), cursor on `index`. */
function picker(index: number, entries: readonly string[] = ['src', 'docs', 'bench']): NewPaneDialog {
  const listed = dirListed(openNewPane('/work/app').dialog!, '/work/app', entries, null);
  return { ...listed, picker: { ...listed.picker, index } };
}

/** Runs the keys a mouse event stands for; answers where the picker ended up, or null for no keys. */
function act(dialog: NewPaneDialog, event: MouseEvent, rect = RECT) {
  const keys = pickerMouse(dialog, rect, event);
  if (!keys) return null;
  let current: NewPaneDialog | null = dialog;
  const effects: Effect[] = [];
  for (const key of keys) {
    if (!current) break;
    const step = newPaneInput(current, key, 'bash');
    current = step.dialog;
    effects.push(...step.effects);
  }
  return { step: current?.step, dir: current?.picker.dir, index: current?.picker.index, effects };
}

describe('pickerMouse', () => {
  it.each<[string, NewPaneDialog, MouseEvent, ReturnType<typeof act>]>([
    ['a click on another row moves the cursor there', picker(0), mouse('press', 20, ROW0 + 2), { step: 'pick', dir: '/work/app', index: 2, effects: [] }],
    ['a click above the cursor moves it up', picker(3), mouse('press', 20, ROW0 + 1), { step: 'pick', dir: '/work/app', index: 1, effects: [] }],
    [
      'a click on the row under the cursor opens that directory',
      picker(1),
      mouse('press', 20, ROW0 + 1),
      { step: 'pick', dir: '/work/app/bench', index: 0, effects: [{ type: 'list-dir', dir: '/work/app/bench' }] },
    ],
    [
      'a click on "./" under the cursor chooses this directory',
      picker(0),
      mouse('press', 20, ROW0),
      { step: 'form', dir: '/work/app', index: 0, effects: [{ type: 'inspect-dir', dir: '/work/app' }] },
    ],
    ['the wheel down moves the cursor three rows', picker(0), mouse('wheel', 20, ROW0, 65), { step: 'pick', dir: '/work/app', index: 3, effects: [] }],
    ['the wheel up stops at the top', picker(2), mouse('wheel', 20, ROW0, 64), { step: 'pick', dir: '/work/app', index: 0, effects: [] }],
    ['a click on the directory line does nothing', picker(1), mouse('press', 20, ROW0 - 1), null],
    ['a click below the last row does nothing', picker(1), mouse('press', 20, ROW0 + 4), null],
    ['a click outside the box does nothing', picker(1), mouse('press', 5, ROW0 + 1), null],
    ['a right click does nothing', picker(1), mouse('press', 20, ROW0 + 2, 2), null],
    [
      'a scrolled list: the first row shown is the one the window starts at',
      // 30 entries in a 10-row box: 5 body rows, the directory line, then rows 7..10 with the cursor on 10.
      picker(
        10,
        Array.from({ length: 30 }, (_, i) => `d${String(i).padStart(2, '0')}`),
      ),
      mouse('press', 20, ROW0),
      { step: 'pick', dir: '/work/app', index: 7, effects: [] },
    ],
  ])('%s', (name, dialog, event, expected) => {
    const rect = name.startsWith('a scrolled') ? { ...RECT, rows: 10 } : RECT;
    expect(act(dialog, event, rect)).toEqual(expected);
  });

  it('while a filter is typed, a click on the row under the cursor ends the typing and opens it', () => {
    let dialog = picker(0);
    for (const key of ['/', 's']) dialog = newPaneInput(dialog, { kind: 'key', key, raw: Buffer.from(key) }, 'bash').dialog!;
    // The filter line comes after the directory line; "s" leaves docs (row 1, the cursor) and src.
    expect(act(dialog, mouse('press', 20, ROW0 + 2))).toEqual({
      step: 'pick',
      dir: '/work/app/docs',
      index: 0,
      effects: [{ type: 'list-dir', dir: '/work/app/docs' }],
    });
  });

  it('does nothing on the form step', () => {
    const form = newPaneInput(picker(0), { kind: 'key', key: 'space', raw: Buffer.from(' ') }, 'bash').dialog!;
    expect(pickerMouse(form, RECT, mouse('press', 20, ROW0))).toBeNull();
  });
});
