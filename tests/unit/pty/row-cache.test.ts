import { afterEach, describe, expect, it } from 'vitest';
import type { IBufferLine } from '@xterm/headless';
import { renderRow } from '../../../src/pty/render-row.js';
import { RowCache } from '../../../src/pty/row-cache.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';

const terminals: HeadlessTerminal[] = [];
afterEach(() => {
  for (const term of terminals.splice(0)) term.dispose();
});

function liveLines(term: HeadlessTerminal): (IBufferLine | undefined)[] {
  const buffer = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => buffer.getLine(buffer.baseY + y));
}

/** The rows as rendered without a cache: what every cached render must equal. */
function uncached(term: HeadlessTerminal): string[] {
  return liveLines(term).map((line) => renderRow(line, term.cols));
}

const lines = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `line ${from + i}`).join('\r\n');

// Each case: the screen before, then steps; after every step the cached render must equal a fresh
// one, and `reused` rows (by index) must be the very strings of the previous render (`shift` rows
// further down before a scroll).
const cases: Array<{ name: string; before: string; steps: Array<{ write: string; reused?: number[]; shift?: number }> }> = [
  {
    name: 'a typed key changes one row',
    before: 'prompt$ ',
    steps: [
      { write: 'a', reused: [1, 2, 3, 4, 5] },
      { write: 'b', reused: [1, 2, 3, 4, 5] },
    ],
  },
  { name: 'only the colour of a cell changes', before: 'abc', steps: [{ write: '\r\x1b[31mabc\x1b[0m', reused: [1, 2, 3, 4, 5] }] },
  { name: 'only the attribute of a cell changes', before: 'abc', steps: [{ write: '\r\x1b[1mabc\x1b[0m' }, { write: '\r\x1b[7mabc\x1b[0m' }] },
  {
    name: 'the screen scrolls one line',
    before: lines(6),
    steps: [
      { write: '\r\nline 7', reused: [0, 1, 2, 3], shift: 1 },
      { write: '\r\nline 8', reused: [0, 1, 2, 3], shift: 1 },
    ],
  },
  { name: 'the screen scrolls three lines at once', before: lines(6), steps: [{ write: '\r\na\r\nb\r\nc' }, { write: '\r\nd\r\ne\r\nf' }] },
  { name: 'wide characters', before: '漢字 ok', steps: [{ write: '\r漢字 ko' }, { write: ' 🙂' }] },
  { name: 'combined characters are rendered, not reused', before: 'e\u0301 cafe', steps: [{ write: '\u0301' }, { write: '\r\x1b[2Ke\u0301' }] },
  { name: 'one combined character replaced by another in the same cell', before: 'e\u0301', steps: [{ write: '\re\u0308' }, { write: '\ra\u0301' }] },
  { name: 'clear and redraw', before: lines(6), steps: [{ write: '\x1b[2J\x1b[Hnew' }, { write: '\x1b[3;1Hthird' }] },
  { name: 'alternate screen and back', before: lines(4), steps: [{ write: '\x1b[?1049h\x1b[Halt' }, { write: '\x1b[?1049l' }] },
  { name: 'scroll region', before: lines(6), steps: [{ write: '\x1b[2;5r\x1b[5;1H\r\nx' }, { write: '\x1b[r\x1b[6;1Hbottom' }] },
];

describe('RowCache', () => {
  it.each(cases)('$name', async ({ before, steps }) => {
    const term = createHeadlessTerminal(20, 6);
    terminals.push(term);
    await writeAndParse(term, before);
    const cache = new RowCache();
    let previous = cache.render(liveLines(term), term.cols);
    expect(previous).toEqual(uncached(term));
    for (const step of steps) {
      await writeAndParse(term, step.write);
      const rows = cache.render(liveLines(term), term.cols);
      expect(rows).toEqual(uncached(term));
      for (const index of step.reused ?? []) expect(Object.is(rows[index], previous[index + (step.shift ?? 0)])).toBe(true);
      previous = rows;
    }
  });

  it('starts over when the width changes', async () => {
    const term = createHeadlessTerminal(20, 4);
    terminals.push(term);
    await writeAndParse(term, lines(3));
    const cache = new RowCache();
    cache.render(liveLines(term), term.cols);
    term.resize(12, 4);
    expect(cache.render(liveLines(term), term.cols)).toEqual(uncached(term));
    term.resize(30, 4);
    expect(cache.render(liveLines(term), term.cols)).toEqual(uncached(term));
  });

  it('renders rows it has no stored line for (a line view without xterm internals) in full', () => {
    const cache = new RowCache();
    expect(cache.render([undefined, undefined], 5)).toEqual([renderRow(undefined, 5), renderRow(undefined, 5)]);
  });
});
