import { describe, expect, it } from 'vitest';
import type { PaneModePart } from '../../../../src/protocol/messages.js';
import { computeLayout, type Rect } from '../../../../src/tui/layout/deck-layout.js';
import { isModeTab, modeOrder, modeSlots } from '../../../../src/tui/layout/mode-layout.js';
import { PointerInterpreter } from '../../../../src/tui/app/pointer.js';
import type { MouseEvent } from '../../../../src/tui/input/input-event.js';
import { deck, pane } from '../state/fixtures.js';

const part = (p: PaneModePart['part'], slot = 0): PaneModePart => ({ mode: 'dev', part: p, slot, rule: null, ranAt: null });
const inMode = (id: string, p: PaneModePart['part'], slot = 0) => pane(id, { tab: 'dev', mode: part(p, slot) });
const MAIN: Rect = { x: 34, y: 2, cols: 87, rows: 33 };
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.cols <= b.x + b.cols && a.y + a.rows <= b.y + b.rows;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.cols && b.x < a.x + a.cols && a.y < b.y + b.rows && b.y < a.y + a.rows;

describe('modeOrder', () => {
  it('puts the agent first, then persistent panes, then reactive slots, then panes without a part', () => {
    const panes = [
      inMode('r1', 'reactive', 1),
      pane('x', { tab: 'dev' }),
      inMode('s2', 'persistent', 1),
      inMode('r0', 'reactive', 0),
      inMode('a', 'agent'),
      inMode('s1', 'persistent', 0),
    ];
    expect(modeOrder(panes).map((p) => p.id)).toEqual(['a', 's1', 's2', 'r0', 'r1', 'x']);
  });
});

describe('modeSlots', () => {
  it.each([
    ['the agent alone fills the area in its frame', 0],
    ['one side pane takes the whole right half', 1],
    ['two side panes stack on the right', 2],
    ['four side panes stack on the right', 4],
  ])('%s', (_name, sides) => {
    const ordered = [inMode('a', 'agent'), ...Array.from({ length: sides }, (_, i) => inMode(`s${i}`, 'persistent', i))];
    const slots = modeSlots(ordered, 'a', MAIN);
    expect(slots).toHaveLength(1 + sides);
    const [agent, ...rest] = slots;
    expect(agent!.frame).toEqual({ x: MAIN.x, y: MAIN.y, cols: sides === 0 ? MAIN.cols : 43, rows: MAIN.rows });
    for (const slot of slots) {
      expect(inside(slot.frame!, MAIN)).toBe(true);
      // The title sits on the frame's top edge, the content inside its edges.
      expect(slot.title).toEqual({ x: slot.frame!.x + 1, y: slot.frame!.y, cols: slot.frame!.cols - 2, rows: 1 });
      expect(slot.content).toEqual({ x: slot.frame!.x + 1, y: slot.frame!.y + 1, cols: slot.frame!.cols - 2, rows: slot.frame!.rows - 2 });
    }
    for (const slot of rest) expect(slot.frame!.x).toBe(MAIN.x + 43);
    expect(rest.reduce((sum, slot) => sum + slot.frame!.rows, 0)).toBe(sides === 0 ? 0 : MAIN.rows);
    const frames = slots.map((slot) => slot.frame!);
    frames.forEach((a, i) => frames.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });

  it('shows a window of side panes around the selected one when they do not fit', () => {
    const short: Rect = { ...MAIN, rows: 9 };
    const ordered = [inMode('a', 'agent'), ...Array.from({ length: 6 }, (_, i) => inMode(`s${i}`, 'reactive', i))];
    expect(modeSlots(ordered, 'a', short).map((slot) => slot.paneId)).toEqual(['a', 's0', 's1', 's2']);
    expect(modeSlots(ordered, 's5', short).map((slot) => slot.paneId)).toEqual(['a', 's3', 's4', 's5']);
  });
});

describe('a mode tab in the deck layout', () => {
  const panes = [pane('p1'), inMode('p7', 'agent'), inMode('p8', 'persistent', 0), inMode('p9', 'reactive', 0)];
  it('is recognised by its panes', () => {
    expect(isModeTab(panes, 'dev')).toBe(true);
    expect(isModeTab(panes, null)).toBe(false);
  });

  it('shows every pane of the tab in frames, whichever one is selected', () => {
    const layout = computeLayout(120, 36, deck({ panes, tab: 'dev', selection: { dev: 'p9' } }));
    expect(layout.panes.map((slot) => [slot.paneId, slot.frame !== undefined])).toEqual([
      ['p7', true],
      ['p8', true],
      ['p9', true],
    ]);
  });
});

describe('the mouse on a mode tab', () => {
  const panes = [inMode('p7', 'agent'), inMode('p8', 'persistent', 0), inMode('p9', 'reactive', 0)];
  const layout = computeLayout(120, 36, deck({ panes, tab: 'dev', selection: { dev: 'p7' } }));
  const slot = (id: string) => layout.panes.find((candidate) => candidate.paneId === id)!;
  const mouse = (action: MouseEvent['action'], button: number, at: Rect): MouseEvent => ({
    kind: 'mouse',
    action,
    button,
    code: button,
    x: at.x + 1,
    y: at.y + 1,
    shift: false,
    alt: false,
    ctrl: false,
    raw: Buffer.alloc(0),
  });

  it.each<[string, MouseEvent, unknown]>([
    ['a click in a side pane selects it to type into', mouse('press', 0, slot('p9').content), { type: 'focus', paneId: 'p9' }],
    ['a click on its title does too', mouse('press', 0, slot('p8').title), { type: 'focus', paneId: 'p8' }],
    ['the wheel up over a side pane scrolls it back', mouse('wheel', 64, slot('p8').content), { type: 'wheel', paneId: 'p8', to: 'up' }],
    ['the wheel down scrolls it forward', mouse('wheel', 65, slot('p9').content), { type: 'wheel', paneId: 'p9', to: 'down' }],
  ])('%s', (_name, event, intent) => {
    expect(new PointerInterpreter(() => 0).interpret(event, layout, false)).toEqual(intent);
  });
});
