// Dialogs over the deck, read cell by cell at the smallest supported terminal and a large one:
// inside its box a dialog owns every cell (nothing beneath shows through), what lies around the
// box is hidden or dimmed, and tab labels share the bar fairly.
import { afterEach, describe, expect, it } from 'vitest';
import { computeLayout, type Rect } from '../../src/tui/layout/deck-layout.js';
import { initialDeckState, type Dialog } from '../../src/tui/state/deck-state.js';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { cellsOf } from '../helpers/terminal-cells.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const SIZES = [
  [80, 24],
  [200, 50],
] as const;

const dialogRect = (cols: number, rows: number, dialog: Dialog): Rect => computeLayout(cols, rows, { ...initialDeckState, loaded: true, dialog }).dialog!;

/** The box's rows as text, and its cells. */
function box(screen: string, rect: Rect): string[] {
  return screen
    .split('\n')
    .slice(rect.y - 1, rect.y - 1 + rect.rows)
    .map((line) =>
      [...line]
        .slice(rect.x - 1, rect.x - 1 + rect.cols)
        .join('')
        .padEnd(rect.cols),
    );
}

function expectBordered(rows: string[]): void {
  rows.forEach((row, y) => {
    expect(row[0], `row ${y} of the box starts with its border`).toMatch(/[╭│╰]/);
    expect(row.at(-1), `row ${y} of the box ends with its border: ${JSON.stringify(row)}`).toMatch(/[╮│╯]/);
  });
}

describe('dialog overlays', () => {
  it.each(SIZES)('the help dialog on the empty dashboard at %i×%i: its box, and no fragment of the page around it', async (cols, rows) => {
    session = await openDeckSession({ cols, rows });
    const { deck } = session;
    await deck.waitForScreen('the empty dashboard', /ctrl\+n/);
    deck.type('?');
    const rect = dialogRect(cols, rows, { kind: 'help' });
    // The whole box painted: a frame read mid-paint shows its right edge not drawn yet.
    const screen = await deck.waitForScreen(
      'the help dialog, painted whole',
      (s) => /COMMAND mode/.test(s) && box(s, rect).every((row) => /[╮│╯]/.test(row.at(-1) ?? '')),
    );
    expectBordered(box(screen, rect));
    // Right of the box, over the main area, nothing of the empty page is left.
    const lines = screen.split('\n');
    for (let y = rect.y - 1; y < rect.y - 1 + rect.rows; y++)
      expect(
        [...(lines[y] ?? '')]
          .slice(rect.x - 1 + rect.cols)
          .join('')
          .trim(),
      ).toBe('');
    // Drawn at full strength: no cell of the box is faint.
    for (const row of cellsOf(deck.term, rect.x - 1, rect.y - 1, rect.cols, rect.rows)) for (const cell of row) expect(cell.split('|')[4]).not.toContain('f');
  });

  it.each(SIZES)('the close dialog over a full pane at %i×%i owns every cell of its box; the pane around it is dimmed', async (cols, rows) => {
    session = await openDeckSession({ cols, rows });
    const { deck, harness } = session;
    const pane = await session.newPane('filler');
    await harness.ok(['send', pane, "yes 'MARKER-MARKER-MARKER' | head -200"]);
    await deck.waitForScreen('the pane is full of markers', (s) => s.split('\n').filter((l) => l.includes('MARKER')).length > rows - 6);
    deck.type('\x17'); // ctrl+w
    const screen = await deck.waitForScreen('the close dialog', /Close pane "filler"\?/);
    const rect = dialogRect(cols, rows, { kind: 'close', paneId: pane, confirm: false });
    const rowsOfBox = box(screen, rect);
    expectBordered(rowsOfBox);
    for (const row of rowsOfBox) expect(row).not.toContain('MARKER');
    // The pane beside the box: dimmed.
    const beside = cellsOf(deck.term, rect.x + rect.cols, rect.y + 1, 4, 1)[0]!.filter((cell) => !cell.startsWith(' '));
    for (const cell of beside) expect(cell.split('|')[4]).toContain('f');
  });

  it('shares the tab bar fairly at 80 columns: a long tab name cannot push the others off', async () => {
    session = await openDeckSession({ cols: 80, rows: 24 });
    const { deck, harness } = session;
    const long = 'a-very-long-orchestration-name-that-goes-on-and-on-and-on-far-beyond-the-bar';
    await harness.ok(['new', '-n', 'one', '-t', long, '-p', session.dir('one'), '--', 'bash', '--norc', '--noprofile']);
    await harness.ok(['new', '-n', 'two', '-t', 'short', '-p', session.dir('two'), '--', 'bash', '--norc', '--noprofile']);
    const screen = await deck.waitForScreen('three tabs', /short ×/);
    const bar = screen.split('\n')[0]!;
    expect(bar).toMatch(/^ Dashboard {3}a-very-long-orch\S*… × {3}short × *$/);
    expect([...bar].length).toBeLessThanOrEqual(80);
  });
});
