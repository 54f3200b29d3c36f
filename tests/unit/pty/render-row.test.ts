import { afterEach, describe, expect, it } from 'vitest';
import type { IBufferCell } from '@xterm/headless';
import { renderRow } from '../../../src/pty/render-row.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';

const R = '\x1b[0m';
const terminals: HeadlessTerminal[] = [];

afterEach(() => {
  for (const term of terminals.splice(0)) term.dispose();
});

async function screenOf(bytes: string, cols = 10, rows = 3): Promise<HeadlessTerminal> {
  const term = createHeadlessTerminal(cols, rows);
  terminals.push(term);
  await writeAndParse(term, bytes);
  return term;
}

async function firstRow(bytes: string, cols = 10): Promise<string> {
  const term = await screenOf(bytes, cols);
  return renderRow(term.buffer.active.getLine(0), cols);
}

const pad = (n: number) => ' '.repeat(n);

describe('renderRow', () => {
  it.each([
    ['an empty row is cols spaces', '', `${R}${pad(10)}${R}`],
    ['plain text is padded to cols', 'hi', `${R}hi${pad(8)}${R}`],
    ['bold on, then off with 22', '\x1b[1mA\x1b[0mB', `${R}\x1b[1mA\x1b[22mB${pad(8)}${R}`],
    ['one SGR for a run of equal cells', '\x1b[1mabc', `${R}\x1b[1mabc\x1b[22m${pad(7)}${R}`],
    ['dim', '\x1b[2mA', `${R}\x1b[2mA\x1b[22m${pad(9)}${R}`],
    ['bold to dim: 22 then 2', '\x1b[1mA\x1b[22;2mB', `${R}\x1b[1mA\x1b[22;2mB\x1b[22m${pad(8)}${R}`],
    ['bold+dim to bold: 22 re-adds bold', '\x1b[1;2mA\x1b[22;1mB', `${R}\x1b[1;2mA\x1b[22;1mB\x1b[22m${pad(8)}${R}`],
    ['bold to bold+dim adds only dim', '\x1b[1mA\x1b[2mB', `${R}\x1b[1mA\x1b[2mB\x1b[22m${pad(8)}${R}`],
    ['italic', '\x1b[3mA', `${R}\x1b[3mA\x1b[23m${pad(9)}${R}`],
    ['underline', '\x1b[4mA', `${R}\x1b[4mA\x1b[24m${pad(9)}${R}`],
    ['blink', '\x1b[5mA', `${R}\x1b[5mA\x1b[25m${pad(9)}${R}`],
    ['inverse', '\x1b[7mA', `${R}\x1b[7mA\x1b[27m${pad(9)}${R}`],
    ['invisible text keeps its characters', '\x1b[8mpw', `${R}\x1b[8mpw\x1b[28m${pad(8)}${R}`],
    ['strikethrough', '\x1b[9mA', `${R}\x1b[9mA\x1b[29m${pad(9)}${R}`],
    ['overline', '\x1b[53mA', `${R}\x1b[53mA\x1b[55m${pad(9)}${R}`],
    ['several attributes in one SGR', '\x1b[1;3;4mA', `${R}\x1b[1;3;4mA\x1b[22;23;24m${pad(9)}${R}`],
    ['16-colour foreground, normal and bright', '\x1b[31mR\x1b[91mr', `${R}\x1b[31mR\x1b[91mr\x1b[39m${pad(8)}${R}`],
    ['16-colour background, normal and bright', '\x1b[42mG\x1b[102mg', `${R}\x1b[42mG\x1b[102mg\x1b[49m${pad(8)}${R}`],
    ['256-colour foreground and background', '\x1b[38;5;200mX\x1b[48;5;17mY', `${R}\x1b[38;5;200mX\x1b[48;5;17mY\x1b[39;49m${pad(8)}${R}`],
    ['a 256-colour index below 16 stays 256-colour', '\x1b[38;5;1mX', `${R}\x1b[38;5;1mX\x1b[39m${pad(9)}${R}`],
    ['truecolor foreground', '\x1b[38;2;1;2;3mX', `${R}\x1b[38;2;1;2;3mX\x1b[39m${pad(9)}${R}`],
    ['truecolor background', '\x1b[48;2;255;128;0mX', `${R}\x1b[48;2;255;128;0mX\x1b[49m${pad(9)}${R}`],
    ['back to default foreground only', '\x1b[31;44mA\x1b[39mB', `${R}\x1b[31;44mA\x1b[39mB\x1b[49m${pad(8)}${R}`],
    ['erased cells keep their background (BCE)', '\x1b[44m\x1b[K', `${R}\x1b[44m${pad(10)}${R}`],
    ['a CJK character counts two cells', 'a中b', `${R}a中b${pad(6)}${R}`],
    ['an emoji counts two cells (Unicode 11)', '😀x', `${R}😀x${pad(7)}${R}`],
    ['a combining mark stays with its base', 'e\u0301!', `${R}e\u0301!${pad(8)}${R}`],
    ['a wide character that does not fit wraps, leaving a blank', 'abcdefghi中', `${R}abcdefghi${pad(1)}${R}`],
  ])('%s', async (_name, bytes, expected) => {
    expect(await firstRow(bytes)).toBe(expected);
  });

  it('renders an absent line as a blank row', () => {
    expect(renderRow(undefined, 4)).toBe(`${R}${pad(4)}${R}`);
  });

  it('paints only the first cols cells of a longer line', async () => {
    const term = await screenOf('abcdefgh');
    expect(renderRow(term.buffer.active.getLine(0), 5)).toBe(`${R}abcde${R}`);
  });

  it('paints a blank instead of a wide character that would overhang the last column', async () => {
    const term = await screenOf('abcd中');
    expect(renderRow(term.buffer.active.getLine(0), 5)).toBe(`${R}abcd ${R}`);
  });

  it('gives the same result with a reused scratch cell', async () => {
    const term = await screenOf('\x1b[31ma\x1b[1;44m中\x1b[0mz');
    const scratch: IBufferCell = term.buffer.active.getNullCell();
    const line = term.buffer.active.getLine(0);
    expect(renderRow(line, 10, scratch)).toBe(renderRow(line, 10));
  });
});
