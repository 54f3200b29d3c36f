import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_PANE_MODES } from '../../../src/protocol/pane-types.js';
import { ParseScheduler } from '../../../src/pty/parse-scheduler.js';
import { PaneTerminal } from '../../../src/pty/pane-terminal.js';
import { renderScreen, screenText } from '../../../src/pty/render-screen.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';

// The same bytes go to a pane (history packed beyond `keptInXterm` lines) and to a plain xterm that
// keeps all of it: every viewport and every captured line must come out identical.
const COLS = 40;
const ROWS = 6;
const SCROLLBACK = 400;

const disposables: { dispose(): void }[] = [];
afterEach(() => {
  for (const item of disposables.splice(0)) item.dispose();
});

function pane(keptInXterm: number, options: { scrollbackBytes?: number; sliceChars?: number } = {}): PaneTerminal {
  const terminal = new PaneTerminal({
    cols: COLS,
    rows: ROWS,
    scrollback: SCROLLBACK,
    keptInXterm,
    scrollbackBytes: options.scrollbackBytes,
    scheduler: new ParseScheduler({ sliceChars: options.sliceChars ?? 16 * 1024 }),
  });
  disposables.push(terminal);
  return terminal;
}

function reference(): HeadlessTerminal {
  const term = createHeadlessTerminal(COLS, ROWS);
  term.options.scrollback = SCROLLBACK;
  disposables.push(term);
  return term;
}

const feed = (terminal: PaneTerminal, data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));

/** Lines that exercise every part of a cell: colours of each kind, attributes, wide and combined characters, wraps. */
function sample(lines: number): string {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    switch (i % 9) {
      case 0:
        parts.push(`\x1b[3${i % 8}mred-ish ${i}\x1b[0m plain \x1b[1;4mbold under\x1b[22;24m`);
        break;
      case 1:
        parts.push(`\x1b[38;5;${i % 256}m256 \x1b[48;2;10;${i % 256};200mtrue colour bg\x1b[0m ${i}`);
        break;
      case 2:
        parts.push(`wide 漢字テスト ${i} 😀 emoji and e\u0301 combining and \u00e9 latin-1`);
        break;
      case 3:
        parts.push(`\x1b[4:3m\x1b[58:2::255:0:0mcurly red underline\x1b[0m \x1b[2;3;5;7;9;53mall the rest\x1b[0m`);
        break;
      case 4:
        // Longer than the screen: wraps onto a second, wrapped line.
        parts.push(`${'w'.repeat(COLS + 7)} wrapped ${i}`);
        break;
      case 5:
        // Background colour erase: the blank rest of the line keeps the colour.
        parts.push(`\x1b[44mblue to the edge\x1b[K\x1b[0m`);
        break;
      case 6:
        parts.push(`progress 10%\rprogress 50%\rprogress 100% ${i}\x1b[K`);
        break;
      case 7:
        parts.push(`\x1b[8minvisible\x1b[28m\x1b[96mbright cyan\x1b[0m\x1b]0;title ${i}\x07`);
        break;
      default:
        parts.push('');
    }
  }
  return `${parts.join('\r\n')}\r\nlast line`;
}

function viewports(view: (offset: number) => string[], total: number): string[][] {
  const offsets = [0, 1, ROWS, 97, Math.floor(total / 2), total - 1, total];
  return offsets.map(view);
}

describe('compact scrollback: lines packed out of xterm read back cell for cell', () => {
  it.each([
    ['history kept in xterm only up to 10 lines', 10, 16 * 1024],
    ['none kept in xterm', 0, 16 * 1024],
    ['parsed one character at a time', 10, 1],
    ['parsed in 7-character slices', 3, 7],
  ])('%s', async (_name, keptInXterm, sliceChars) => {
    const bytes = sample(300);
    const compact = pane(keptInXterm, { sliceChars });
    const plain = reference();
    await feed(compact, bytes);
    await writeAndParse(plain, bytes);

    const total = plain.buffer.active.baseY;
    expect(total).toBeGreaterThan(300);
    const got = compact.render(0);
    expect(got.scroll.total).toBe(total);
    const wantView = (offset: number) => renderScreen(plain, { modes: PLAIN_PANE_MODES, title: '', scrollOffset: offset }).lines;
    const gotView = (offset: number) => compact.render(offset).lines;
    expect(viewports(gotView, total)).toEqual(viewports(wantView, total));
    expect(compact.text(SCROLLBACK)).toEqual(screenText(plain, SCROLLBACK));
    expect(compact.archivedBytes).toBeGreaterThan(0);
  });

  it('drops the oldest lines at the line limit, as xterm does', async () => {
    const bytes = sample(900);
    const compact = pane(20);
    const plain = reference();
    await feed(compact, bytes);
    await writeAndParse(plain, bytes);
    expect(compact.render(0).scroll.total).toBe(SCROLLBACK);
    expect(compact.text(SCROLLBACK)).toEqual(screenText(plain, SCROLLBACK));
  });

  it('drops the oldest lines past the byte budget and keeps the newest exact', async () => {
    const compact = pane(5, { scrollbackBytes: 16 * 1024 });
    const plain = reference();
    const bytes = sample(900);
    await feed(compact, bytes);
    await writeAndParse(plain, bytes);
    const { total } = compact.render(0).scroll;
    expect(total).toBeLessThan(SCROLLBACK);
    expect(total).toBeGreaterThan(5);
    expect(compact.archivedBytes).toBeLessThanOrEqual(16 * 1024);
    expect(compact.text(total)).toEqual(screenText(plain, total));
  });

  it.each([
    ['erase scrollback (ED 3)', '\x1b[3J'],
    ['erase scrollback (DECSED 3)', '\x1b[?3J'],
    ['full reset (RIS)', '\x1bc'],
  ])('%s clears the packed history too', async (_name, sequence) => {
    const compact = pane(5);
    const plain = reference();
    const before = `${sample(100)}${sequence}after`;
    await feed(compact, before);
    await writeAndParse(plain, before);
    expect(compact.render(0).scroll.total).toBe(0);
    expect(compact.text(SCROLLBACK)).toEqual(screenText(plain, SCROLLBACK));
    await feed(compact, sample(40));
    await writeAndParse(plain, sample(40));
    expect(compact.render(0).scroll.total).toBe(plain.buffer.active.baseY);
    expect(compact.text(SCROLLBACK)).toEqual(screenText(plain, SCROLLBACK));
  });

  it('keeps the history out of reach on the alternate screen, and back on the normal one', async () => {
    const compact = pane(5);
    await feed(compact, sample(100));
    const { total } = compact.render(0).scroll;
    await feed(compact, '\x1b[?1049hfull-screen app');
    expect(compact.render(50).scroll).toEqual({ offset: 0, total: 0 });
    await feed(compact, '\x1b[?1049l');
    expect(compact.render(50).scroll).toEqual({ offset: 50, total });
  });

  it('keeps every line scrolled off by a scroll region that starts at the top, as xterm does', async () => {
    const compact = pane(5);
    const plain = reference();
    // Rows 1–4 scroll; the two rows below stay (a status line), and scrolled lines enter history.
    const bytes = `\x1b[1;4r\x1b[4;1H${Array.from({ length: 200 }, (_, i) => `region ${i}`).join('\r\n')}\x1b[r`;
    await feed(compact, bytes);
    await writeAndParse(plain, bytes);
    expect(compact.render(0).scroll.total).toBe(plain.buffer.active.baseY);
    expect(compact.text(SCROLLBACK)).toEqual(screenText(plain, SCROLLBACK));
  });

  it.each([
    ['narrower (every kept line wraps)', COLS / 4, ROWS],
    ['shorter', COLS, ROWS - 3],
    ['narrower and shorter', COLS / 2, ROWS - 2],
  ])('loses no line when the pane gets %s', async (_name, cols, rows) => {
    const compact = pane(10);
    const lines = Array.from({ length: 120 }, (_, i) => `line ${String(i).padStart(3, '0')} ${'='.repeat(COLS - 12)}`);
    await feed(compact, lines.join('\r\n'));
    compact.resize(cols, rows);
    const numbers = compact
      .text(SCROLLBACK)
      .map((row) => /^line (\d+)/.exec(row)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(numbers).toEqual(lines.map((_, i) => i));
  });

  it('shows packed lines written at another width cut or padded to the pane', async () => {
    const compact = pane(0);
    await feed(compact, `${'x'.repeat(COLS - 1)}|\r\n${'\r\n'.repeat(ROWS)}`);
    compact.resize(COLS / 2, ROWS);
    const narrow = compact.render(1_000).lines[0]!.replace(/\x1b\[[0-9;]*m/g, '');
    expect(narrow).toBe('x'.repeat(COLS / 2));
    compact.resize(COLS * 2, ROWS);
    const wide = compact.render(1_000).lines[0]!.replace(/\x1b\[[0-9;]*m/g, '');
    expect(wide).toBe(`${'x'.repeat(COLS - 1)}|${' '.repeat(COLS)}`);
  });
});
