import { describe, expect, it } from 'vitest';
import { cardView } from '../../../../src/tui/view/card-view.js';
import { pane } from '../state/fixtures.js';

describe('cardView', () => {
  const NOW = Date.parse('2026-01-01T00:03:00.000Z');
  it.each([
    ['no token count', null, '3m ago'],
    ['a small count', { input: 400, output: 20, cacheRead: 9000, cacheCreation: 0 }, '3m ago · 420 tok'],
    ['thousands', { input: 12_000, output: 400, cacheRead: 0, cacheCreation: 0 }, '3m ago · 12.4k tok'],
  ])('shows %s after the age', (_name, tokens, age) => {
    expect(cardView(pane('p1', { tokens }), 1, NOW, '/home/me').age).toBe(age);
  });

  it.each([
    ['no detail', undefined, null],
    ['a lock wait', 'waiting for lock build (held by coder, 2m)', 'waiting for lock build (held by coder, 2m)'],
  ])('passes on %s', (_name, statusDetail, detail) => {
    expect(cardView(pane('p1', statusDetail === undefined ? {} : { statusDetail }), 1, NOW, '/home/me').detail).toBe(detail);
  });
});
