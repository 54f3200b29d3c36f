// Model panes for painter tests: content written into a headless terminal, turned into frames
// the way the daemon sends them.
import { PLAIN_PANE_MODES, type PaneFrame, type PaneModes } from '../../../../src/protocol/pane-types.js';
import { createTerminal, renderRows, writeAsync, type HeadlessTerminal } from '../../../helpers/terminal-cells.js';

export const MODES: PaneModes = PLAIN_PANE_MODES;

/** Colour, attributes, wide and combining characters: what a painter must carry over intact. */
export const RICH = [
  '\x1b[1;31mbold red\x1b[0m plain \x1b[38;5;208m256\x1b[0m',
  '\x1b[48;2;10;20;30m\x1b[38;2;200;100;50mtruecolor\x1b[0m \x1b[7minverse\x1b[0m \x1b[4munder\x1b[0m',
  '漢字 wide 🙂 e\u0301 combining',
  '\x1b[2mfaint\x1b[22m normal \x1b[3mitalic\x1b[23m \x1b[9mstrike\x1b[0m',
  '\x1b[44m blue background to the edge\x1b[K\x1b[0m',
].join('\r\n');

export async function modelPane(cols: number, rows: number, content: string): Promise<HeadlessTerminal> {
  const term = createTerminal(cols, rows);
  await writeAsync(term, content);
  return term;
}

export function frameOf(term: HeadlessTerminal, paneId: string, options: { rows?: number[]; cursorVisible?: boolean } = {}): PaneFrame {
  const all = renderRows(term);
  const buffer = term.buffer.active;
  const indexes = options.rows ?? all.map((_, i) => i);
  return {
    paneId,
    cols: term.cols,
    rows: term.rows,
    full: options.rows === undefined,
    lines: indexes.map((i) => [i, all[i]!] as [number, string]),
    cursor: { x: buffer.cursorX, y: buffer.cursorY, visible: options.cursorVisible ?? true },
    modes: MODES,
    title: '',
    scroll: { offset: 0, total: 0 },
  };
}
