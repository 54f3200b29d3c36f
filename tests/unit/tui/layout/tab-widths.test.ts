import { describe, expect, it } from 'vitest';
import { tabLabelWidths } from '../../../../src/tui/layout/tab-widths.js';

const tabs = (...lengths: number[]) => lengths.map((length, i) => ({ length, closable: i > 0 }));

describe('tabLabelWidths', () => {
  it.each<[string, ReturnType<typeof tabs>, number, number[]]>([
    ['all fit whole', tabs(9, 8, 6), 80, [9, 8, 6]],
    ['one long label takes what the short ones leave', tabs(9, 60, 6), 60, [9, 32, 6]],
    ['two long labels share equally', tabs(9, 60, 60), 60, [9, 19, 19]],
    ['a bar too narrow still gives each a cell', tabs(9, 9, 9, 9), 10, [1, 1, 1, 1]],
  ])('%s', (_what, labels, width, expected) => {
    const widths = tabLabelWidths(labels, width);
    expect(widths).toEqual(expected);
  });

  it.each([40, 80, 120, 200])('never overflows a %i-column bar with room for every tab', (width) => {
    const labels = tabs(9, 120, 40, 70, 3);
    const used = tabLabelWidths(labels, width).reduce((sum, w, i) => sum + w + 3 + (labels[i]!.closable ? 2 : 0), 0);
    expect(used).toBeLessThanOrEqual(width);
  });
});
