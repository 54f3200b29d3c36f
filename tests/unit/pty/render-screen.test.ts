import { afterEach, describe, expect, it } from 'vitest';
import type { IBufferCell } from '@xterm/headless';
import { PLAIN_PANE_MODES, type PaneModes } from '../../../src/protocol/pane-types.js';
import { renderScreen, screenText } from '../../../src/pty/render-screen.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';

const MODES: PaneModes = PLAIN_PANE_MODES;

const terminals: HeadlessTerminal[] = [];
afterEach(() => {
  for (const term of terminals.splice(0)) term.dispose();
});

async function terminalWith(bytes: string, cols: number, rows: number): Promise<HeadlessTerminal> {
  const term = createHeadlessTerminal(cols, rows);
  terminals.push(term);
  await writeAndParse(term, bytes);
  return term;
}

const stripSgr = (row: string) => row.replace(/\x1b\[[0-9;]*m/g, '');
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('renderScreen: viewport', () => {
  // Lines "1".."30" on a 10x5 screen: 25 lines scroll into history (baseY 25).
  const thirtyLines = numbers(1, 30).join('\r\n');

  it.each([
    ['live view', 0, 0, numbers(26, 30)],
    ['three lines back', 3, 3, numbers(23, 27)],
    ['clamped to the oldest line', 1000, 25, numbers(1, 5)],
    ['negative offsets mean live', -4, 0, numbers(26, 30)],
    ['NaN means live', Number.NaN, 0, numbers(26, 30)],
    ['fractions round toward live', 2.7, 2, numbers(24, 28)],
  ])('%s', async (_name, scrollOffset, offset, visible) => {
    const term = await terminalWith(thirtyLines, 10, 5);
    const screen = renderScreen(term, { modes: MODES, title: 't', scrollOffset });
    expect(screen.scroll).toEqual({ offset, total: 25 });
    expect(screen.lines.map((row) => stripSgr(row).trimEnd())).toEqual(visible);
  });

  it('moves the cursor down with the viewport and hides it once it leaves', async () => {
    const term = await terminalWith(thirtyLines, 10, 5);
    const at = (scrollOffset: number) => renderScreen(term, { modes: MODES, title: '', scrollOffset }).cursor;
    expect(at(0)).toEqual({ x: 2, y: 4, visible: true });
    expect(at(3)).toEqual({ x: 2, y: 4, visible: false });
    const aboveBottom = await terminalWith('a\r\nb', 10, 5);
    expect(renderScreen(aboveBottom, { modes: MODES, title: '', scrollOffset: 0 }).cursor).toEqual({ x: 1, y: 1, visible: true });
  });

  it('reports a hidden cursor from the modes', async () => {
    const term = await terminalWith('x', 10, 5);
    const hidden = renderScreen(term, { modes: { ...MODES, cursorVisible: false }, title: '' });
    expect(hidden.cursor.visible).toBe(false);
  });

  it('keeps the cursor on a cell during a pending wrap', async () => {
    const term = await terminalWith('0123456789', 10, 5);
    expect(term.buffer.active.cursorX).toBe(10);
    expect(renderScreen(term, { modes: MODES, title: '' }).cursor).toEqual({ x: 9, y: 0, visible: true });
  });

  it('carries size, modes and title', async () => {
    const term = await terminalWith('', 12, 3);
    const screen = renderScreen(term, { modes: MODES, title: 'agent' });
    expect(screen).toMatchObject({ cols: 12, rows: 3, modes: MODES, title: 'agent' });
    expect(screen.lines).toHaveLength(3);
  });
});

describe('screenText', () => {
  it.each([
    ['screen only', undefined, ['28', '29', '30', '', '']],
    ['with history', 3, ['25', '26', '27', '28', '29', '30', '', '']],
    ['history clamped to what exists', 500, [...numbers(1, 30), '', '']],
  ])('%s', async (_name, scrollback, expected) => {
    const term = await terminalWith(`${numbers(1, 30).join('\r\n')}\r\n\r\n`, 10, 5);
    expect(screenText(term, scrollback)).toEqual(expected);
  });

  it('right-trims rows', async () => {
    const term = await terminalWith('a  \x1b[44m  \x1b[0m', 10, 2);
    expect(screenText(term)).toEqual(['a', '']);
  });
});

// "Pane content matches the model cell for cell": paint every rendered row into a second
// terminal at its position and compare each cell's characters, width, attributes and colours.
describe('renderScreen round trip', () => {
  interface CellFacts {
    chars: string;
    width: number;
    attrs: string;
    fg: string;
    bg: string;
  }

  function facts(cell: IBufferCell): CellFacts {
    const attrs = [
      cell.isBold(),
      cell.isDim(),
      cell.isItalic(),
      cell.isUnderline(),
      cell.isBlink(),
      cell.isInverse(),
      cell.isInvisible(),
      cell.isStrikethrough(),
      cell.isOverline(),
    ]
      .map((on) => (on ? '1' : '0'))
      .join('');
    const colour = (mode: number, value: number) => (mode === 0 ? 'default' : `${mode.toString(16)}:${value}`);
    return {
      chars: cell.getChars() || ' ',
      width: cell.getWidth(),
      attrs,
      fg: colour(cell.getFgColorMode(), cell.getFgColor()),
      bg: colour(cell.getBgColorMode(), cell.getBgColor()),
    };
  }

  async function roundTripDifferences(source: HeadlessTerminal): Promise<string[]> {
    const { cols, rows } = source;
    const screen = renderScreen(source, { modes: MODES, title: '' });
    const copy = createHeadlessTerminal(cols, rows);
    terminals.push(copy);
    await writeAndParse(copy, screen.lines.map((row, y) => `\x1b[${y + 1};1H${row}`).join(''));
    const differences: string[] = [];
    const top = source.buffer.active.baseY;
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const want = source.buffer.active.getLine(top + y)?.getCell(x);
        const got = copy.buffer.active.getLine(y)?.getCell(x);
        if (want === undefined || got === undefined) {
          differences.push(`(${x},${y}) missing`);
          continue;
        }
        const [a, b] = [facts(want), facts(got)];
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          differences.push(`(${x},${y}) want ${JSON.stringify(a)} got ${JSON.stringify(b)}`);
        }
      }
    }
    return differences;
  }

  it('reproduces a hand-made screen with every attribute, colour mode and width', async () => {
    const source = await terminalWith(
      [
        'plain \x1b[1mbold\x1b[2mboth\x1b[22;2mdim\x1b[0m \x1b[3mital\x1b[4mund\x1b[5mblink\x1b[0m',
        '\x1b[7minv\x1b[27m \x1b[8msecret\x1b[28m \x1b[9mstrike\x1b[29m \x1b[53mover\x1b[0m',
        '\x1b[31mred\x1b[91mbright\x1b[42mgreen-bg\x1b[102mbright-bg\x1b[0m',
        '\x1b[38;5;200m256\x1b[48;5;17mon-256\x1b[38;5;3mlow-256\x1b[0m',
        '\x1b[38;2;1;2;3mrgb\x1b[48;2;250;128;0mon-rgb\x1b[0m \x1b[46m\x1b[K',
        'wide:中文 emoji:😀🎉 e\u0301 ─┼─ \x1b[1;31;44m中\x1b[0m',
        '\x1b[44m\x1b[2K\x1b[0m',
        `${'x'.repeat(29)}中`, // the wide character wraps to the next row
      ].join('\r\n'),
      30,
      10,
    );
    expect(await roundTripDifferences(source)).toEqual([]);
  });

  // Deterministic pseudo-random screens (mulberry32), so a failure reproduces.
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomBytes(next: () => number, steps: number, cols: number, rows: number): string {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const int = (n: number) => Math.floor(next() * n);
    const colour = (base: 30 | 40) =>
      pick([
        () => `${base + int(8)}`,
        () => `${base + 60 + int(8)}`,
        () => `${base + 8};5;${int(256)}`,
        () => `${base + 8};2;${int(256)};${int(256)};${int(256)}`,
        () => `${base + 9}`,
      ])();
    const texts = ['a', 'hello', ' ', '中', '文字', '😀', '🎉x', 'e\u0301', '─', 'Ω', '   '];
    let out = '';
    for (let i = 0; i < steps; i++) {
      const action = int(10);
      if (action < 4) out += pick(texts);
      else if (action < 6) out += `\x1b[${pick([0, 1, 2, 3, 4, 5, 7, 8, 9, 53, 22, 23, 24, 27])}m`;
      else if (action < 8) out += `\x1b[${colour(pick([30, 40] as const))}m`;
      else if (action < 9) out += `\x1b[${1 + int(rows)};${1 + int(cols)}H`;
      else out += pick(['\x1b[K', '\x1b[1K', '\r\n', '\x1b[0m']);
    }
    return out;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reproduces random screen #%i', async (seed) => {
    const source = await terminalWith(randomBytes(random(seed), 600, 24, 8), 24, 8);
    expect(await roundTripDifferences(source)).toEqual([]);
  });
});
