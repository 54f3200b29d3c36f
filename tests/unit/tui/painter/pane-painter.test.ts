import { describe, expect, it } from 'vitest';
import { PanePainter, type Scene } from '../../../../src/tui/painter/pane-painter.js';
import { cellsOf, createTerminal, writeAsync, type HeadlessTerminal } from '../../../helpers/terminal-cells.js';
import { RICH, frameOf, modelPane } from './painter-fixtures.js';

const SCREEN_COLS = 60;
const SCREEN_ROWS = 16;

/** A terminal filled with "#", so cells the painter should not touch stay visible. */
async function filledScreen(): Promise<HeadlessTerminal> {
  const screen = createTerminal(SCREEN_COLS, SCREEN_ROWS);
  await writeAsync(screen, Array.from({ length: SCREEN_ROWS }, () => '#'.repeat(SCREEN_COLS)).join('\r\n'));
  return screen;
}

function scene(overrides: Partial<Scene> = {}): Scene {
  return {
    placements: [{ paneId: 'p1', rect: { x: 11, y: 3, cols: 40, rows: 8 }, dim: false }],
    covered: [],
    cursorPane: null,
    ...overrides,
  };
}

/** The characters of a screen row, one per cell ("" for the second half of a wide character). */
function cellChars(screen: HeadlessTerminal, y: number): string[] {
  const line = screen.buffer.active.getLine(y)!;
  return Array.from({ length: screen.cols }, (_, x) => {
    const cell = line.getCell(x)!;
    return cell.getWidth() === 0 ? '' : cell.getChars() || ' ';
  });
}

const row = (screen: HeadlessTerminal, y: number) => screen.buffer.active.getLine(y)!.translateToString(false);

describe('PanePainter', () => {
  it('paints a pane cell for cell as its model, colours included', async () => {
    const model = await modelPane(40, 8, RICH);
    const painter = new PanePainter();
    painter.setScene(scene());
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    expect(cellsOf(screen, 10, 2, 40, 8)).toEqual(cellsOf(model, 0, 0, 40, 8));
  });

  it('draws a selection in reverse video over exactly its cells, colours kept, and clears it again', async () => {
    const model = await modelPane(40, 8, RICH);
    const painter = new PanePainter();
    painter.setScene(scene());
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    const ranges = [
      { row: 0, from: 5, to: 40 },
      { row: 1, from: 0, to: 9 },
    ];
    await writeAsync(screen, painter.setSelection({ paneId: 'p1', ranges }));
    const inverse = (y: number) =>
      Array.from(
        { length: 40 },
        (_, x) =>
          screen.buffer.active
            .getLine(y)!
            .getCell(10 + x)!
            .isInverse() !== 0,
      );
    expect(inverse(2)).toEqual(Array.from({ length: 40 }, (_, x) => x >= 5));
    // Row 1 of the model has its own inverse word at cells 10..16: selection and model agree outside the range.
    expect(inverse(3).slice(0, 9)).toEqual(Array(9).fill(true));
    expect(inverse(3).slice(9, 10)).toEqual([false]);
    const red = screen.buffer.active.getLine(2)!.getCell(10 + 5)!;
    expect(red.getFgColor()).toBe(1);
    await writeAsync(screen, painter.setSelection(null));
    expect(cellsOf(screen, 10, 2, 40, 8)).toEqual(cellsOf(model, 0, 0, 40, 8));
  });

  it('writes nothing outside the rectangle', async () => {
    const model = await modelPane(40, 8, RICH);
    const painter = new PanePainter();
    painter.setScene(scene());
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    expect(row(screen, 1)).toBe('#'.repeat(SCREEN_COLS));
    expect(row(screen, 10)).toBe('#'.repeat(SCREEN_COLS));
    for (let y = 2; y < 10; y++) {
      expect(cellChars(screen, y).slice(0, 10).join('')).toBe('#'.repeat(10));
      expect(cellChars(screen, y).slice(50).join('')).toBe('#'.repeat(10));
    }
  });

  it('writes only the rows a partial frame changed', async () => {
    const model = await modelPane(40, 8, 'first\r\nsecond');
    const painter = new PanePainter();
    painter.setScene(scene());
    painter.paintFrame(frameOf(model, 'p1'));
    await writeAsync(model, '\r\n\r\nthird');
    const out = painter.paintFrame(frameOf(model, 'p1', { rows: [3] }));
    expect(out.match(/\x1b\[\d+;\d+H/g)).toEqual(['\x1b[6;11H']);
  });

  it('clips a pane wider and taller than its rectangle', async () => {
    const model = await modelPane(50, 12, Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(50, String.fromCharCode(97 + i))).join('\r\n'));
    const painter = new PanePainter();
    painter.setScene(scene());
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    expect(cellsOf(screen, 10, 2, 40, 8)).toEqual(cellsOf(model, 0, 0, 40, 8));
    expect(row(screen, 2).slice(50)).toBe('#'.repeat(10));
    expect(row(screen, 10)).toBe('#'.repeat(SCREEN_COLS));
  });

  it('blanks the part of the rectangle a smaller pane does not cover', async () => {
    const model = await modelPane(30, 5, 'small');
    const painter = new PanePainter();
    painter.setScene(scene());
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    expect(row(screen, 2).slice(10, 50)).toBe('small'.padEnd(40));
    expect(row(screen, 9).slice(10, 50)).toBe(' '.repeat(40));
  });

  it('leaves a dialog alone and paints around it', async () => {
    const model = await modelPane(40, 8, Array.from({ length: 8 }, () => 'x'.repeat(40)).join('\r\n'));
    const painter = new PanePainter();
    painter.setScene(scene({ covered: [{ x: 21, y: 5, cols: 10, rows: 2 }] }));
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    expect(row(screen, 4).slice(10, 50)).toBe('x'.repeat(10) + '#'.repeat(10) + 'x'.repeat(20));
    expect(row(screen, 5).slice(10, 50)).toBe('x'.repeat(10) + '#'.repeat(10) + 'x'.repeat(20));
    expect(row(screen, 6).slice(10, 50)).toBe('x'.repeat(40));
  });

  it('places the cursor of the typing pane, and hides it otherwise', async () => {
    const model = await modelPane(40, 8, 'prompt$ ');
    const painter = new PanePainter();
    painter.setScene(scene({ cursorPane: 'p1' }));
    const screen = await filledScreen();
    const out = painter.paintFrame(frameOf(model, 'p1'));
    await writeAsync(screen, out);
    expect([screen.buffer.active.cursorX, screen.buffer.active.cursorY]).toEqual([10 + 8, 2]);
    expect(out.endsWith('\x1b[?25h')).toBe(true);

    painter.setScene(scene({ cursorPane: null }));
    expect(painter.paintAll().endsWith('\x1b[?25l')).toBe(true);
  });

  it.each<[string, Partial<Scene>, boolean]>([
    ['a hidden cursor', {}, false],
    ['a cursor under a dialog', { covered: [{ x: 11, y: 3, cols: 20, rows: 1 }] }, false],
  ])('does not show %s', async (_name, overrides, visible) => {
    const model = await modelPane(40, 8, 'prompt$ ');
    const painter = new PanePainter();
    painter.setScene(scene({ cursorPane: 'p1', ...overrides }));
    const out = painter.paintFrame(frameOf(model, 'p1', { cursorVisible: overrides.covered ? true : false }));
    expect(out.endsWith('\x1b[?25h')).toBe(visible);
  });

  it('keeps frames of a pane that is off screen and paints them once it is placed', async () => {
    const model = await modelPane(40, 8, RICH);
    const painter = new PanePainter();
    painter.setScene(scene({ placements: [] }));
    expect(painter.paintFrame(frameOf(model, 'p1'))).toBe('');
    painter.setScene(scene());
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintAll());
    expect(cellsOf(screen, 10, 2, 40, 8)).toEqual(cellsOf(model, 0, 0, 40, 8));
  });

  it('dims a pane in COMMAND mode', async () => {
    const model = await modelPane(40, 8, 'some text');
    const painter = new PanePainter();
    painter.setScene(scene({ placements: [{ paneId: 'p1', rect: { x: 11, y: 3, cols: 40, rows: 8 }, dim: true }] }));
    const screen = await filledScreen();
    await writeAsync(screen, painter.paintFrame(frameOf(model, 'p1')));
    expect(cellsOf(screen, 10, 2, 9, 1)[0]!.every((cell) => cell.endsWith('|f'))).toBe(true);
  });
});
