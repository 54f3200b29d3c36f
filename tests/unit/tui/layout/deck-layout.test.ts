import { describe, expect, it } from 'vitest';
import { chooseDensity } from '../../../../src/tui/layout/card-density.js';
import { computeLayout, type Rect } from '../../../../src/tui/layout/deck-layout.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import { deck, pane } from '../state/fixtures.js';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.cols && b.x < a.x + a.cols && a.y < b.y + b.rows && b.y < a.y + a.rows;
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.cols <= b.x + b.cols && a.y + a.rows <= b.y + b.rows;
const many = (n: number) => Array.from({ length: n }, (_, i) => pane(`p${i + 1}`));

describe('computeLayout', () => {
  it('keeps Ink one row short of the terminal, with the status bar on its last row', () => {
    const layout = computeLayout(120, 36, deck());
    expect(layout.rows).toBe(35);
    expect(layout.status).toEqual({ x: 1, y: 35, cols: 120, rows: 1 });
  });

  it('shows the tab bar only when there is more than one tab', () => {
    expect(computeLayout(120, 36, deck()).tabBar).not.toBeNull();
    expect(computeLayout(120, 36, deck({ panes: many(2) })).tabBar).toBeNull();
  });

  it('gives the stacked pane the whole main area below its title', () => {
    const layout = computeLayout(120, 36, deck({ panes: many(2) }));
    expect(layout.panes).toEqual([{ paneId: 'p1', title: { x: 34, y: 1, cols: 87, rows: 1 }, content: { x: 34, y: 2, cols: 87, rows: 33 } }]);
  });

  it.each([2, 3, 4, 5, 7, 9])('tiles %i panes inside the main area without overlap', (n) => {
    const layout = computeLayout(120, 36, deck({ panes: many(n), layout: 'tiled' }));
    expect(layout.panes).toHaveLength(n);
    for (const slot of layout.panes) {
      expect(inside(slot.content, layout.main)).toBe(true);
      expect(slot.content.cols).toBeGreaterThan(1);
      expect(slot.content.rows).toBeGreaterThan(0);
    }
    const rects = layout.panes.flatMap((slot) => [slot.title, slot.content]);
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });

  it.each<[string, number, number]>([
    ['too narrow', 59, 36],
    ['too short', 120, 11],
  ])('places nothing when the terminal is %s', (_name, cols, rows) => {
    const layout = computeLayout(cols, rows, deck());
    expect(layout.tooSmall).toBe(true);
    expect(layout.panes).toEqual([]);
  });

  it('places a dialog in the middle', () => {
    const layout = computeLayout(120, 36, deck({ dialog: { kind: 'quit', choice: 'detach' } }));
    expect(layout.dialog).toEqual({ x: 31, y: 14, cols: 60, rows: 8 });
  });

  it('numbers the cards and keeps the selected one visible when they do not fit', () => {
    const state: DeckState = deck({ panes: many(12), selection: { '': 'p12' } });
    const layout = computeLayout(80, 14, state);
    const numbers = layout.cards.map((card) => card.number);
    expect(numbers.at(-1)).toBe(12);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => 12 - numbers.length + 1 + i));
  });
});

describe('chooseDensity', () => {
  it.each<[number, number, string]>([
    [1, 40, 'roomy'],
    [9, 45, 'roomy'],
    [9, 44, 'normal'],
    [9, 27, 'normal'],
    [9, 18, 'compact'],
    [9, 10, 'line'],
    [20, 27, 'normal'],
  ])('%i cards in %i rows: %s', (count, rows, density) => {
    expect(chooseDensity(count, rows)).toBe(density);
  });
});
