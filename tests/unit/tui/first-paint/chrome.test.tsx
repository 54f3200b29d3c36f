// The first paint against Ink: for each state, the chrome drawn without Ink and DeckScreen's Ink
// frame, each fed through a headless terminal, give the same cells (characters, colours,
// attributes); and Ink's frame written over the first paint changes no cell (the takeover).
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PaneInfo, PaneModePart } from '../../../../src/protocol/messages.js';
import type { SizeSource } from '../../../../src/tui/app/deck-context.js';
import { DeckStore } from '../../../../src/tui/app/deck-store.js';
import { paintChrome } from '../../../../src/tui/first-paint/chrome.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import { cellsOf, createTerminal, writeAsync } from '../../../helpers/terminal-cells.js';
import { deck, keys, pane } from '../state/fixtures.js';

const NOW = Date.parse('2026-01-01T02:00:30.000Z');
const ALT_CLEAR = '\x1b[H\x1b[2J';

// Ink's chalk decides its colour level when it loads: force colours, as a terminal has them.
const forceColour = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
const ink = await import('ink');
if (forceColour === undefined) delete process.env.FORCE_COLOR;
else process.env.FORCE_COLOR = forceColour;
const { DeckProvider } = await import('../../../../src/tui/app/deck-context.js');
const { DeckScreen } = await import('../../../../src/tui/components/DeckScreen.js');

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

/** DeckScreen's first frame as Ink writes it (debug mode: the whole frame in one write). */
async function inkFrame(state: DeckState, cols: number, rows: number): Promise<string> {
  const writes: string[] = [];
  const stdout = Object.assign(new EventEmitter(), { columns: cols, rows, isTTY: true, write: (text: string) => writes.push(text) > 0 });
  const fixed = { cols, rows };
  const size: SizeSource = { get: () => fixed, subscribe: () => () => undefined };
  const instance = ink.render(
    <DeckProvider value={{ store: new DeckStore(state, keys), keyMap: keys, size, home: '/home/me' }}>
      <DeckScreen />
    </DeckProvider>,
    { stdout: stdout as never, stdin: new PassThrough() as never, debug: true, patchConsole: false, exitOnCtrlC: false },
  );
  await new Promise((resolve) => setImmediate(resolve));
  const frame = writes.at(-1) ?? '';
  instance.unmount();
  return frame.replaceAll('\n', '\r\n');
}

async function cells(cols: number, rows: number, ...writes: string[]): Promise<string[][]> {
  const term = createTerminal(cols, rows);
  for (const data of writes) await writeAsync(term, data);
  return cellsOf(term, 0, 0, cols, rows);
}

/** The cells that differ (at most 12), as `x,y: expected ≠ actual`; empty when the screens match. */
function differences(expected: string[][], actual: string[][]): string[] {
  const out: string[] = [];
  expected.forEach((row, y) => row.forEach((cell, x) => cell !== actual[y]?.[x] && out.push(`${x},${y}: ${cell} ≠ ${actual[y]?.[x]}`)));
  return out.slice(0, 12);
}

const part = (p: PaneModePart['part'], slot = 0): PaneModePart => ({ mode: 'dev', part: p, slot, rule: null, ranAt: null });
const status = (kind: 'working' | 'idle' | 'needs-input', reason: string | null = null): PaneInfo['status'] => ({
  kind,
  tool: kind === 'working' ? 'Bash' : null,
  detail: null,
  reason,
  since: '2026-01-01T01:00:00.000Z',
  layer: 'hook',
  rule: 'x',
});
const five = [1, 2, 3, 4, 5].map((n) => pane(`p${n}`, { lastActivityAt: '2026-01-01T01:30:00.000Z' }));
const many = Array.from({ length: 14 }, (_, i) => pane(`m${i}`, { name: `agent-${i}`, agentType: i % 3 === 0 ? 'claude-code' : null }));
const agents = [
  pane('a1', { name: 'coder', agentType: 'claude-code', command: 'claude', status: status('working') }),
  pane('a2', {
    name: 'reviewer',
    agentType: 'codex',
    command: 'codex',
    status: status('needs-input', 'Run the migration against the staging database too? [y/n]'),
  }),
  pane('a3', { name: 'auditor', agentType: 'gemini', command: 'gemini', status: status('idle') }),
  pane('a4', { tab: 'dev-flow', name: 'orchestrator', status: status('needs-input', 'approve the plan') }),
];
const modeTab = [
  pane('d1', { tab: 'dev', mode: part('agent') }),
  pane('d2', { tab: 'dev', mode: part('persistent') }),
  pane('d3', { tab: 'dev', mode: part('reactive', 0) }),
];

const STATES: Array<[string, DeckState, number, number]> = [
  ['5 panes stacked', deck({ panes: five, selection: { '': 'p1' } }), 200, 50],
  ['5 panes tiled', deck({ panes: five, layout: 'tiled', selection: { '': 'p3' } }), 200, 50],
  ['typing into the focused pane', deck({ panes: five, mode: 'typing', selection: { '': 'p2' } }), 160, 40],
  ['agents with reasons, tokens and a tab bar', deck({ panes: agents, selection: { '': 'a2' } }), 140, 40],
  ['a background tab selected', deck({ panes: agents, tab: 'dev-flow', selection: { 'dev-flow': 'a4' } }), 120, 30],
  [
    'a long title',
    deck({
      panes: [pane('p1', { name: 'a-very-long-pane-name-that-does-not-fit-anywhere-at-all-in-this-deck', cwd: '/home/me/src/deep/nested/project/dir' })],
    }),
    100,
    30,
  ],
  ['many cards', deck({ panes: many, selection: { '': 'm7' } }), 120, 30],
  ['many cards, tiled', deck({ panes: many, layout: 'tiled', selection: { '': 'm0' } }), 200, 50],
  ['a mode tab with frames', deck({ panes: [...five, ...modeTab], tab: 'dev', selection: { dev: 'd1' } }), 160, 40],
  ['a mode tab, typing', deck({ panes: modeTab, tab: 'dev', mode: 'typing', selection: { dev: 'd2' } }), 120, 36],
  ['narrow', deck({ panes: five }), 60, 12],
  ['scrolled back', deck({ panes: five, scroll: { p1: 40 } }), 120, 30],
  ['empty deck', deck({ panes: [] }), 200, 50],
  ['empty deck with the config offer', deck({ panes: [], configHintDir: '/home/me' }), 120, 30],
  ['too small', deck({ panes: five }), 50, 10],
];

describe('the first paint', () => {
  it.each(STATES)('%s: the same cells as Ink, and Ink over it changes none', async (_name, state, cols, rows) => {
    const early = paintChrome({ state, keyMap: keys, home: '/home/me', now: NOW, cols, rows });
    expect(early).not.toBeNull();
    const frame = await inkFrame(state, cols, rows);
    const byInk = await cells(cols, rows, ALT_CLEAR, frame);
    expect(differences(byInk, await cells(cols, rows, ALT_CLEAR, early!))).toEqual([]);
    expect(differences(byInk, await cells(cols, rows, ALT_CLEAR, early!, '\x1b[1;1H', frame))).toEqual([]);
  });

  it.each<[string, Partial<DeckState>]>([
    ['a dialog', { dialog: { kind: 'help' } as DeckState['dialog'] }],
    ['a message', { message: { id: 1, text: 'hello', tone: 'info' } }],
    ['a filter', { filter: 'api' }],
    ['a lost link', { link: { kind: 'reconnecting', attempt: 1, downForMs: 0, error: null } }],
    ['another host', { hosts: [{ name: 'gpu', dir: null, link: { kind: 'up' } }] }],
    ['no pane list yet', { loaded: false }],
  ])('does not paint %s', (_name, overrides) => {
    expect(paintChrome({ state: deck({ panes: five, ...overrides }), keyMap: keys, home: '/home/me', now: NOW, cols: 120, rows: 30 })).toBeNull();
  });

  it.each<[string, PaneInfo]>([
    ['a wide character', pane('p1', { name: '漢字' })],
    ['an emoji', pane('p1', { name: 'bot 🙂' })],
  ])('does not paint %s, whose width Ink might see otherwise', (_name, odd) => {
    expect(paintChrome({ state: deck({ panes: [odd] }), keyMap: keys, home: '/home/me', now: NOW, cols: 120, rows: 30 })).toBeNull();
  });
});
