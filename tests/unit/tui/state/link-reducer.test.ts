// The deck without its daemon: the link states in the reducer, the view kept across a reconnect,
// and the dialog for a daemon of another protocol version.
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import type { KeyEvent } from '../../../../src/tui/input/input-event.js';
import type { DeckState, Dialog } from '../../../../src/tui/state/deck-state.js';
import type { DeckMsg, Effect } from '../../../../src/tui/state/deck-msg.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { selectedPane } from '../../../../src/tui/state/selectors.js';
import { P, deck, keys, pane } from './fixtures.js';

const key = (input: string): KeyEvent => parseInput(Buffer.from(input, 'utf8'), { flush: true }).events[0] as KeyEvent;
const reconnecting = { kind: 'reconnecting', attempt: 2, downForMs: 300, error: 'no daemon' } as const;
const mismatch = (overrides: Partial<Extract<Dialog, { kind: 'daemon-mismatch' }>> = {}): Dialog => ({
  kind: 'daemon-mismatch',
  message: 'The running daemon is version 0.0.9 (protocol 0).',
  panes: ['alpha', 'beta'],
  choice: 'restart',
  restarting: false,
  error: null,
  ...overrides,
});

function run(state: DeckState, ...msgs: DeckMsg[]): { state: DeckState; effects: Effect[] } {
  let effects: Effect[] = [];
  for (const msg of msgs) {
    const result = update(state, msg, keys);
    state = result.state;
    effects = [...effects, ...result.effects];
  }
  return { state, effects };
}

describe('deck reducer: the link to the daemon', () => {
  it('keeps tab, selection, mode, layout and scroll while reconnecting and after the new list', () => {
    const before = deck({ tab: 'dev-flow', selection: { '': 'p1', 'dev-flow': 'p5' }, mode: 'typing', layout: 'tiled', scroll: { p5: 40 } });
    const restored = P.map((p) => ({ ...p, restored: true, agentId: `${p.agentId}-2` }));
    const { state } = run(before, { type: 'link', status: reconnecting }, { type: 'panes', panes: restored }, { type: 'link', status: { kind: 'up' } });
    expect(state.link).toEqual({ kind: 'up' });
    expect([state.tab, selectedPane(state)?.id, state.mode, state.layout, state.scroll]).toEqual(['dev-flow', 'p5', 'typing', 'tiled', { p5: 40 }]);
    expect(state.message?.text).toBe('Reconnected to the daemon (5 panes)');
  });

  it.each<[string, DeckState, DeckMsg, Partial<{ link: string; dialog: string | null; message: string | null }>]>([
    ['a drop shows the reconnecting state', deck(), { type: 'link', status: reconnecting }, { link: 'reconnecting', dialog: null, message: null }],
    ['up without a drop says nothing', deck(), { type: 'link', status: { kind: 'up' } }, { link: 'up', message: null }],
    [
      'a refusal opens the mismatch dialog over any other',
      deck({ dialog: { kind: 'help' } }),
      { type: 'daemon-refused', message: 'other version', panes: null },
      { link: 'refused', dialog: 'daemon-mismatch' },
    ],
    [
      'up after a restart closes the dialog and says how many panes came back',
      deck({ link: reconnecting, dialog: mismatch({ restarting: true }) }),
      { type: 'link', status: { kind: 'up' } },
      { link: 'up', dialog: null, message: 'Restarted the daemon with this version: 5 panes restored' },
    ],
  ])('%s', (_name, state, msg, expected) => {
    const next = update(state, msg, keys).state;
    const facts = { link: next.link.kind, dialog: next.dialog?.kind ?? null, message: next.message?.text ?? null };
    expect(facts).toMatchObject(expected);
  });

  it('falls back to the Dashboard only when the new daemon has no pane of the tab', () => {
    const { state } = run(deck({ tab: 'dev-flow', link: reconnecting }), { type: 'panes', panes: [pane('p1')] }, { type: 'link', status: { kind: 'up' } });
    expect(state.tab).toBeNull();
    expect(state.message?.text).toBe('Reconnected to the daemon (1 pane)');
  });
});

describe('the daemon-mismatch dialog', () => {
  it.each<[string, Dialog, string, Dialog | null, Effect[]]>([
    ['Enter restarts (the default)', mismatch(), '\r', mismatch({ restarting: true }), [{ type: 'restart-daemon' }]],
    ['r restarts', mismatch({ choice: 'quit' }), 'r', mismatch({ choice: 'quit', restarting: true }), [{ type: 'restart-daemon' }]],
    ['→ moves to Keep', mismatch(), '\x1b[C', mismatch({ choice: 'quit' }), []],
    [
      "Enter on Keep quits with the daemon's sentence",
      mismatch({ choice: 'quit' }),
      '\r',
      null,
      [{ type: 'keep-daemon', message: 'The running daemon is version 0.0.9 (protocol 0).' }],
    ],
    ['q quits', mismatch(), 'q', null, [{ type: 'keep-daemon', message: 'The running daemon is version 0.0.9 (protocol 0).' }]],
    ['Escape quits', mismatch(), '\x1b', null, [{ type: 'keep-daemon', message: 'The running daemon is version 0.0.9 (protocol 0).' }]],
    ['a restart under way ignores Enter', mismatch({ restarting: true }), '\r', mismatch({ restarting: true }), []],
    [
      'a restart under way still lets the person quit',
      mismatch({ restarting: true }),
      'q',
      null,
      [{ type: 'keep-daemon', message: 'The running daemon is version 0.0.9 (protocol 0).' }],
    ],
    ['a new try clears the last error', mismatch({ error: 'did not exit' }), 'r', mismatch({ restarting: true }), [{ type: 'restart-daemon' }]],
  ])('%s', (_name, dialog, input, expected, effects) => {
    const result = update(deck({ link: { kind: 'refused' }, dialog }), { type: 'dialog-input', event: key(input) }, keys);
    expect(result.state.dialog).toEqual(expected);
    expect(result.effects).toEqual(effects);
  });

  it('shows why a restart failed and asks again', () => {
    const { state } = run(deck({ dialog: mismatch({ restarting: true }) }), {
      type: 'daemon-restart-failed',
      error: 'The daemon (pid 42) did not exit within 10 s.',
    });
    expect(state.dialog).toEqual(mismatch({ error: 'The daemon (pid 42) did not exit within 10 s.' }));
  });
});
