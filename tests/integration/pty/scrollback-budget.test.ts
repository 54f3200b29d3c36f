// The scrollback byte budget every pane of a daemon shares (issue #11 item 12), with real PTYs:
// when the panes together hold more than it, the largest pane loses its oldest lines first, and
// what is kept still scrolls back and captures exactly as a terminal that kept everything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAIN_PANE_MODES } from '../../../src/protocol/pane-types.js';
import { PaneSession } from '../../../src/pty/pane-session.js';
import { renderScreen, screenText } from '../../../src/pty/render-screen.js';
import { ScrollbackBudget } from '../../../src/pty/scrollback-budget.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';
import { waitForPane } from '../../helpers/pane.js';

const COLS = 80;
const ROWS = 10;
const SCROLLBACK = 10_000;

let home: string;
const disposables: { dispose(): void }[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'deck-budget-'));
});

afterEach(() => {
  for (const item of disposables.splice(0)) item.dispose();
  rmSync(home, { recursive: true, force: true });
});

/** Numbered lines in colours of each kind, a wide character and a blank-to-the-edge background. */
function log(name: string, lines: number): string {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    parts.push(`\x1b[3${i % 8}m${name} ${String(i).padStart(5, '0')}\x1b[0m \x1b[38;5;${i % 256}mstep\x1b[0m 漢字 \x1b[48;2;0;${i % 256};90mbg\x1b[K\x1b[0m`);
  }
  return `${parts.join('\n')}\nend of ${name}`;
}

/** A pane that `cat`s `text` from a file and stays, sharing `budget`. */
async function catPane(name: string, text: string, budget: ScrollbackBudget): Promise<PaneSession> {
  const file = join(home, `${name}.log`);
  writeFileSync(file, text);
  const pane = PaneSession.spawn({
    paneId: name,
    agentId: `agent-${name}`,
    command: `cat ${file}; exec sleep 600`,
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, SHELL: '/bin/sh' },
    socketPath: join(home, 'deck.sock'),
    cols: COLS,
    rows: ROWS,
    scrollback: SCROLLBACK,
    scrollbackBudget: budget,
  });
  disposables.push(pane);
  await waitForPane(pane, `${name} shows its last line`, (rows) => rows.includes(`end of ${name}`), { timeoutMs: 20_000 });
  return pane;
}

/** A plain xterm fed what the PTY made of `text` (LF → CR LF), keeping every line. */
async function reference(text: string): Promise<HeadlessTerminal> {
  const term = createHeadlessTerminal(COLS, ROWS);
  term.options.scrollback = SCROLLBACK;
  disposables.push(term);
  await writeAndParse(term, text.replace(/\n/g, '\r\n'));
  return term;
}

describe('shared scrollback budget', () => {
  it('trims the oldest lines of the largest pane first; what is kept reads back exactly', async () => {
    // 512 KiB: eight of the 64 KiB chunks a pane's history is packed in; the quiet pane fills
    // several of them, so it has chunks to give if it were asked.
    const budget = new ScrollbackBudget(512 * 1024);
    const quietText = log('quiet', 1500);
    const floodText = log('flood', 8000);
    const quiet = await catPane('quiet', quietText, budget);
    const quietHistory = quiet.frame().scroll.total;
    expect(quietHistory).toBe(1500 + 1 - ROWS);
    expect(budget.bytes).toBeGreaterThan(2 * 64 * 1024);
    const flood = await catPane('flood', floodText, budget);

    expect(budget.bytes).toBeLessThanOrEqual(budget.maxBytes);
    // The quiet pane was never the largest: all of its history is still there, cell for cell.
    const quietRef = await reference(quietText);
    expect(quiet.frame().scroll.total).toBe(quietHistory);
    expect(quiet.text({ scrollback: SCROLLBACK })).toEqual(screenText(quietRef, SCROLLBACK));

    // The flooding pane kept its newest lines: a suffix of what a terminal keeping all would show.
    const floodRef = await reference(floodText);
    const kept = flood.frame().scroll.total;
    expect(kept).toBeGreaterThan(ROWS);
    expect(kept).toBeLessThan(floodRef.buffer.active.baseY);
    const text = flood.text({ scrollback: SCROLLBACK });
    expect(text).toEqual(screenText(floodRef, kept));
    const first = Number(/flood (\d+)/.exec(text[0]!)?.[1]);
    expect(first).toBe(8000 + 1 - ROWS - kept);
    // Scrolled back to the oldest kept line, and in between: the same rows, colours included.
    for (const offset of [kept, Math.floor(kept / 2), 1]) {
      expect(flood.frame({ scrollOffset: offset }).lines).toEqual(renderScreen(floodRef, { modes: PLAIN_PANE_MODES, title: '', scrollOffset: offset }).lines);
    }
  }, 60_000);

  it('gives the bytes back when a pane closes', async () => {
    const budget = new ScrollbackBudget(256 * 1024);
    const pane = await catPane('one', log('one', 3000), budget);
    expect(budget.bytes).toBeGreaterThan(64 * 1024);
    pane.dispose();
    expect(budget.bytes).toBe(0);
  }, 60_000);
});
