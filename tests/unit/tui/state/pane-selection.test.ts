import { describe, expect, it } from 'vitest';
import { rowChars } from '../../../../src/tui/painter/slice-row.js';
import { cellInPane, selectionRanges, selectionText, type CellPoint, type RowRange } from '../../../../src/tui/state/pane-selection.js';

const at = (col: number, row: number): CellPoint => ({ col, row });

describe('selectionRanges', () => {
  it.each<[string, CellPoint, CellPoint, RowRange[]]>([
    ['one cell', at(3, 2), at(3, 2), [{ row: 2, from: 3, to: 4 }]],
    ['left to right on one row', at(2, 0), at(5, 0), [{ row: 0, from: 2, to: 6 }]],
    ['right to left on one row', at(5, 0), at(2, 0), [{ row: 0, from: 2, to: 6 }]],
    [
      'down over three rows',
      at(4, 1),
      at(1, 3),
      [
        { row: 1, from: 4, to: 10 },
        { row: 2, from: 0, to: 10 },
        { row: 3, from: 0, to: 2 },
      ],
    ],
    [
      'up from a lower row',
      at(1, 3),
      at(4, 2),
      [
        { row: 2, from: 4, to: 10 },
        { row: 3, from: 0, to: 2 },
      ],
    ],
  ])('%s', (_name, anchor, head, expected) => {
    expect(selectionRanges(anchor, head, 10)).toEqual(expected);
  });
});

describe('selectionText', () => {
  it.each<[string, string[], RowRange[], string]>([
    ['plain text', ['hello world'], [{ row: 0, from: 6, to: 11 }], 'world'],
    ['escapes are not text', ['\x1b[1;31mred\x1b[0m and \x1b[4mblue\x1b[0m'], [{ row: 0, from: 0, to: 12 }], 'red and blue'],
    [
      'trailing spaces trimmed per line',
      ['ab   ', 'cd  '],
      [
        { row: 0, from: 0, to: 10 },
        { row: 1, from: 0, to: 10 },
      ],
      'ab\ncd',
    ],
    [
      'an empty row between two',
      ['ab', '', 'cd'],
      [
        { row: 0, from: 0, to: 9 },
        { row: 1, from: 0, to: 9 },
        { row: 2, from: 0, to: 2 },
      ],
      'ab\n\ncd',
    ],
    // 日 and 本 take two cells each: cells 2..5 hold 本 and x.
    ['wide characters are copied once, as characters', ['日本x'], [{ row: 0, from: 2, to: 5 }], '本x'],
    ['a wide character half inside the selection counts', ['日本x'], [{ row: 0, from: 1, to: 2 }], '日'],
    ['combining marks stay with their letter', ['cafe\u0301!'], [{ row: 0, from: 3, to: 4 }], 'e\u0301'],
    [
      'rows past the screen are empty',
      ['a'],
      [
        { row: 0, from: 0, to: 5 },
        { row: 7, from: 0, to: 5 },
      ],
      'a\n',
    ],
  ])('%s', (_name, lines, ranges, expected) => {
    expect(selectionText(ranges, lines.map(rowChars))).toBe(expected);
  });
});

describe('cellInPane', () => {
  const rect = { x: 10, y: 5, cols: 20, rows: 8 };
  it.each<[string, number, number, CellPoint]>([
    ['the top-left cell', 10, 5, at(0, 0)],
    ['inside', 15, 7, at(5, 2)],
    ['left of and above the pane, clamped', 2, 1, at(0, 0)],
    ['right of and below the pane, clamped', 90, 40, at(19, 7)],
  ])('%s', (_name, x, y, expected) => {
    expect(cellInPane(rect, x, y)).toEqual(expected);
  });
});
