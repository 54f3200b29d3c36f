// The pane painter (ARCHITECTURE.md §3.2): draws pane rows into their rectangles with absolute
// cursor positioning, only the rows that changed, around any dialog on top, and leaves the
// real cursor where the user types (or hidden). Returns strings; the caller owns the terminal
// and puts the cursor back where Ink expects it before Ink writes (ink-output.ts).
import type { PaneFrame } from '../../protocol/pane-types.js';
import type { PaneRect } from '../input/pane-encoding.js';
import { PaneScreens } from './pane-screens.js';
import type { RowRange } from '../state/pane-selection.js';
import { sliceRow } from './slice-row.js';

/** A rectangle on the terminal: 1-based top-left cell and size. */
export type Rect = PaneRect;

export interface Placement {
  paneId: string;
  rect: Rect;
  /** Drawn faint: the deck is in COMMAND mode. */
  dim: boolean;
}

/** The cells a drag selected in one pane, drawn in reverse video. */
export interface DrawnSelection {
  paneId: string;
  ranges: readonly RowRange[];
}

export interface Scene {
  placements: readonly Placement[];
  /** Dialogs drawn by Ink over the panes: the painter never writes there. */
  covered: readonly Rect[];
  /** The pane whose cursor is shown (TYPING mode), or null to hide the cursor. */
  cursorPane: string | null;
}

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const RESET = '\x1b[0m';

const moveTo = (x: number, y: number): string => `\x1b[${y};${x}H`;

export class PanePainter {
  readonly screens = new PaneScreens();
  private scene: Scene = { placements: [], covered: [], cursorPane: null };
  private selection: DrawnSelection | null = null;

  setScene(scene: Scene): void {
    this.scene = scene;
  }

  /** Draws a new selection (or none) and answers the bytes that repaint the rows it changes. */
  setSelection(selection: DrawnSelection | null): string {
    const rows = new Map<string, Set<number>>();
    for (const drawn of [this.selection, selection]) {
      if (!drawn) continue;
      const set = rows.get(drawn.paneId) ?? new Set<number>();
      for (const range of drawn.ranges) set.add(range.row);
      rows.set(drawn.paneId, set);
    }
    this.selection = selection;
    let out = '';
    for (const [paneId, set] of rows) {
      const placement = this.scene.placements.find((p) => p.paneId === paneId);
      if (!placement) continue;
      for (const row of set) if (row < placement.rect.rows) out += this.paintRow(placement, row);
    }
    return out === '' ? '' : HIDE_CURSOR + out + this.placeCursor();
  }

  /** Every row of every placed pane, then the cursor: after an Ink frame, a resize or a focus change. */
  paintAll(): string {
    let out = '';
    for (const placement of this.scene.placements) {
      for (let row = 0; row < placement.rect.rows; row++) out += this.paintRow(placement, row);
    }
    return out + this.placeCursor();
  }

  /** Applies a frame and answers the bytes that bring the terminal up to date ("" if off screen). */
  paintFrame(frame: PaneFrame): string {
    const changed = this.screens.apply(frame);
    const placement = this.scene.placements.find((p) => p.paneId === frame.paneId);
    if (!placement) return '';
    // A whole new screen may be shorter than the rectangle: its blank rows need painting too.
    const rows = changed === 'all' ? Array.from({ length: placement.rect.rows }, (_, row) => row) : changed;
    let out = '';
    for (const row of rows) if (row < placement.rect.rows) out += this.paintRow(placement, row);
    if (out === '' && this.scene.cursorPane !== frame.paneId) return '';
    return HIDE_CURSOR + out + this.placeCursor();
  }

  dropPane(paneId: string): void {
    this.screens.drop(paneId);
  }

  private paintRow(placement: Placement, row: number): string {
    const { rect } = placement;
    const y = rect.y + row;
    const line = this.screens.get(placement.paneId)?.lines[row] ?? '';
    let out = '';
    const selected = this.selection?.paneId === placement.paneId ? this.selection.ranges.find((r) => r.row === row) : undefined;
    for (const [from, to] of this.visibleSpans(rect, y)) {
      out += moveTo(rect.x + from, y);
      for (const [a, b, reverse] of splitSpan(from, to, selected)) out += sliceRow(line, a, b, placement.dim, reverse) + RESET;
    }
    return out;
  }

  /** The column spans of a pane row (relative to the pane) that no dialog covers. */
  private visibleSpans(rect: Rect, y: number): Array<[number, number]> {
    let spans: Array<[number, number]> = [[0, rect.cols]];
    for (const cover of this.scene.covered) {
      if (y < cover.y || y >= cover.y + cover.rows) continue;
      const a = cover.x - rect.x;
      const b = a + cover.cols;
      spans = spans.flatMap(([from, to]): Array<[number, number]> => {
        if (b <= from || a >= to) return [[from, to]];
        const parts: Array<[number, number]> = [];
        if (a > from) parts.push([from, a]);
        if (b < to) parts.push([b, to]);
        return parts;
      });
    }
    return spans;
  }

  private placeCursor(): string {
    const target = this.cursorCell();
    return target ? moveTo(target.x, target.y) + SHOW_CURSOR : HIDE_CURSOR;
  }

  /** The terminal cell of the typing pane's cursor, if it is visible and not under a dialog. */
  private cursorCell(): { x: number; y: number } | null {
    const paneId = this.scene.cursorPane;
    if (!paneId) return null;
    const placement = this.scene.placements.find((p) => p.paneId === paneId);
    const screen = this.screens.get(paneId);
    if (!placement || !screen || !screen.cursor.visible || screen.scroll.offset > 0) return null;
    const { rect } = placement;
    if (screen.cursor.x >= rect.cols || screen.cursor.y >= rect.rows) return null;
    const x = rect.x + screen.cursor.x;
    const y = rect.y + screen.cursor.y;
    const covered = this.scene.covered.some((c) => x >= c.x && x < c.x + c.cols && y >= c.y && y < c.y + c.rows);
    return covered ? null : { x, y };
  }
}

/** A visible span cut where the selection on its row starts and ends. */
function splitSpan(from: number, to: number, selected: RowRange | undefined): Array<[number, number, boolean]> {
  if (!selected || selected.to <= from || selected.from >= to) return [[from, to, false]];
  const a = Math.max(from, selected.from);
  const b = Math.min(to, selected.to);
  const parts: Array<[number, number, boolean]> = [];
  if (a > from) parts.push([from, a, false]);
  parts.push([a, b, true]);
  if (b < to) parts.push([b, to, false]);
  return parts;
}
