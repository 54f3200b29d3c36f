import { describe, expect, it } from 'vitest';
import { sliceRow } from '../../../../src/tui/painter/slice-row.js';
import { cellsOf, createTerminal, renderRow, writeAsync } from '../../../helpers/terminal-cells.js';
import { modelPane } from './painter-fixtures.js';

/** Paints sliceRow at column 1 of a terminal pre-filled with "#" and returns the first row. */
async function paint(row: string, from: number, to: number, dim = false) {
  const screen = createTerminal(30, 1);
  await writeAsync(screen, '#'.repeat(30) + '\r' + sliceRow(row, from, to, dim));
  return screen;
}

describe('sliceRow', () => {
  it.each<[string, string, number, number, string]>([
    ['the whole row', 'hello world', 0, 11, 'hello world#'],
    ['a prefix', 'hello world', 0, 5, 'hello#'],
    ['a middle part', 'hello world', 6, 9, 'wor#'],
    ['past the end is padded', 'hi', 0, 6, 'hi    #'],
    ['a range past the text is blank', 'hi', 4, 7, '   #'],
    ['a wide character cut on the right becomes a space', 'ab漢字', 0, 3, 'ab #'],
    ['a wide character cut on the left becomes a space', 'ab漢字', 3, 6, ' 字#'],
    ['a wide character that fits stays', 'ab漢字', 2, 6, '漢字#'],
    ['combining marks stay with their character', 'e\u0301x', 0, 1, 'e\u0301#'],
    ['an emoji is two cells', '🙂x', 0, 3, '🙂x#'],
  ])('%s', async (_name, text, from, to, expected) => {
    const model = await modelPane(20, 1, text);
    const screen = await paint(renderRow(model, 0), from, to);
    expect(screen.buffer.active.getLine(0)!.translateToString(false).slice(0, expected.length)).toBe(expected);
  });

  it('keeps the colours that were set before the cut', async () => {
    const model = await modelPane(20, 1, '\x1b[1;32mgreen text\x1b[0m');
    const screen = await paint(renderRow(model, 0), 6, 10);
    expect(cellsOf(screen, 0, 0, 4, 1)).toEqual(cellsOf(model, 6, 0, 4, 1));
  });

  it('dims every cell, even after a reset inside the row', async () => {
    const model = await modelPane(20, 1, '\x1b[31mred\x1b[0m plain \x1b[22mnormal');
    const screen = await paint(renderRow(model, 0), 0, 20, true);
    const dimmed = cellsOf(screen, 0, 0, 16, 1)[0]!.map((cell) => cell.split('|')[4]);
    expect(dimmed.every((attrs) => attrs?.includes('f'))).toBe(true);
  });
});
