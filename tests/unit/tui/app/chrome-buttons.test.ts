import { describe, expect, it } from 'vitest';
import { chromeClick } from '../../../../src/tui/app/chrome-buttons.js';
import type { MouseEvent } from '../../../../src/tui/input/input-event.js';
import { computeLayout } from '../../../../src/tui/layout/deck-layout.js';
import type { DeckState, Dialog } from '../../../../src/tui/state/deck-state.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { deck, keys } from '../state/fixtures.js';

const click = (x: number, y: number): MouseEvent => ({
  kind: 'mouse',
  action: 'press',
  button: 0,
  code: 0,
  x,
  y,
  shift: false,
  alt: false,
  ctrl: false,
  raw: Buffer.alloc(0),
});

/** Clicks at (dx, dy) inside the dialog's box and runs what the click stands for. */
function clickDialog(dialog: Dialog, dx: number, dy: number) {
  const state = deck({ dialog });
  const layout = computeLayout(120, 36, state);
  const messages = chromeClick(click(layout.dialog!.x + dx, layout.dialog!.y + dy), state, keys, layout) ?? [];
  let current: DeckState = state;
  const effects = [];
  for (const msg of messages) {
    const step = update(current, msg, keys);
    current = step.state;
    effects.push(...step.effects);
  }
  return { state: current, effects, messages };
}

describe('dialog buttons', () => {
  // "[ Detach ]  [ Stop all ]  [ Cancel ]" from column 2 of the box, on its sixth row.
  it.each<[string, Dialog, number, number, unknown]>([
    ['Detach', { kind: 'quit', choice: 'detach' }, 3, 5, [{ type: 'detach' }]],
    ['Stop all asks once more', { kind: 'quit', choice: 'detach' }, 16, 5, []],
    ['Cancel', { kind: 'quit', choice: 'detach' }, 30, 5, []],
    ['Stop all, once more', { kind: 'quit', choice: 'cancel', confirmStop: true }, 3, 5, [{ type: 'stop-all' }]],
    ['Close', { kind: 'close', paneId: 'p1', confirm: false }, 3, 5, [{ type: 'kill', paneId: 'p1' }]],
    [
      'Close tab',
      { kind: 'close', paneId: 'p4', confirm: false, tab: 'dev-flow', paneIds: ['p4', 'p5'] },
      3,
      5,
      [
        { type: 'kill', paneId: 'p4' },
        { type: 'kill', paneId: 'p5' },
      ],
    ],
    ['Never', { kind: 'generate-config', paneId: 'p1', dir: '/w', choice: 'yes' }, 20, 7, [{ type: 'config-gen-never', dir: '/w' }]],
  ])('a click on %s', (_what, dialog, dx, dy, effects) => {
    const result = clickDialog(dialog, dx, dy);
    expect(result.effects).toEqual(effects);
  });

  it('ignores a click beside the buttons', () => {
    expect(clickDialog({ kind: 'quit', choice: 'detach' }, 3, 3).messages).toEqual([]);
  });
});

describe('status bar hints and tab ×', () => {
  it('a click on a hint runs its action', () => {
    const state = deck();
    const layout = computeLayout(120, 36, state);
    // " COMMAND  j/k select  enter type …": "enter type" starts at column 23.
    expect(chromeClick(click(24, layout.status.y), state, keys, layout)).toEqual([{ type: 'action', action: 'focus_selected' }]);
  });

  it("a click on a tab's × asks to close that tab", () => {
    const state = deck();
    const layout = computeLayout(120, 36, state);
    const slot = layout.tabs.find((t) => t.tab === 'dev-flow')!;
    const messages = chromeClick(click(slot.close!.x, 1), state, keys, layout);
    expect(messages).toEqual([
      { type: 'switch-tab', tab: 'dev-flow' },
      { type: 'action', action: 'close_pane' },
    ]);
  });
});
