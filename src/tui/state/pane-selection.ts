// Text selected by a drag inside a pane: an anchor and a head in the pane's cell coordinates,
// the cells that selection covers row by row (a stream selection, as terminals make it), and
// the text of those cells. Knows no escape sequences: the caller hands in each row's characters.

/** A pane cell: 0-based column and row inside the pane's content. */
export interface CellPoint {
  col: number;
  row: number;
}

export interface PaneSelection {
  paneId: string;
  anchor: CellPoint;
  head: CellPoint;
}

/** Cells [from, to) of one row. */
export interface RowRange {
  row: number;
  from: number;
  to: number;
}

/** A character of a row and the cells it takes (a wide character takes two). */
export interface RowChar {
  col: number;
  width: number;
  char: string;
}

const before = (a: CellPoint, b: CellPoint) => a.row < b.row || (a.row === b.row && a.col <= b.col);

/** The selected cells per row, top to bottom: the first row from the earlier point to the end,
 *  whole rows between, the last row up to and including the later point. */
export function selectionRanges(anchor: CellPoint, head: CellPoint, cols: number): RowRange[] {
  const [start, end] = before(anchor, head) ? [anchor, head] : [head, anchor];
  const ranges: RowRange[] = [];
  for (let row = start.row; row <= end.row; row++) {
    const from = row === start.row ? start.col : 0;
    const to = row === end.row ? end.col + 1 : cols;
    if (to > from) ranges.push({ row, from, to });
  }
  return ranges;
}

/** The characters under the ranges (a wide character counts when any of its cells is selected),
 *  each line without trailing spaces, lines joined with \n. */
export function selectionText(ranges: readonly RowRange[], rows: readonly (readonly RowChar[])[]): string {
  return ranges
    .map(({ row, from, to }) =>
      (rows[row] ?? [])
        .filter((c) => c.col < to && c.col + c.width > from)
        .map((c) => c.char)
        .join('')
        .replace(/ +$/, ''),
    )
    .join('\n');
}

/** Moves a terminal cell (1-based) into the pane's content rectangle, clamped to its edges. */
export function cellInPane(rect: { x: number; y: number; cols: number; rows: number }, x: number, y: number): CellPoint {
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  return { col: clamp(x - rect.x, rect.cols), row: clamp(y - rect.y, rect.rows) };
}
