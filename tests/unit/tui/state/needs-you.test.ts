import { describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../../../src/protocol/messages.js';
import type { StatusKind } from '../../../../src/protocol/pane-status.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { nextWaiting, waitingPanes } from '../../../../src/tui/state/needs-you.js';
import { statusHints } from '../../../../src/tui/view/status-hints.js';
import { placeHints } from '../../../../src/tui/view/hint-line.js';
import { deck, keys, pane } from './fixtures.js';

const at = (minute: number) => `2026-01-01T00:0${minute}:00.000Z`;
const waiting = (id: string, kind: StatusKind, minute: number, extra: Partial<PaneInfo> = {}) =>
  pane(id, { ...extra, status: { kind, tool: null, detail: null, reason: null, since: at(minute), layer: 'hook', rule: 'x' } });

// p1 on the Dashboard waits since minute 5, p4 in dev-flow since minute 2, p5 blocked since minute 3.
const PANES = [
  waiting('p1', 'needs-input', 5),
  pane('p2'),
  waiting('p4', 'needs-input', 2, { tab: 'dev-flow' }),
  waiting('p5', 'blocked', 3, { tab: 'dev-flow' }),
  waiting('p6', 'working', 1),
  waiting('p7', 'needs-input', 0, { state: 'exited', exit: { exitCode: 0, signal: null } }),
];

describe('the needs-you queue', () => {
  it('holds running panes that need input or are blocked, oldest first', () => {
    expect(waitingPanes(PANES).map((p) => p.id)).toEqual(['p4', 'p5', 'p1']);
  });

  it('holds a worker whose task ended needing a person, from the time it reported', () => {
    const outcome = (kind: 'needs-human' | 'blocked', minute: number) => ({ outcome: kind, at: at(minute), commission: 'c-1', file: 'r.md' });
    const panes = [...PANES, pane('p8', { outcome: outcome('needs-human', 1) }), pane('p9', { outcome: outcome('blocked', 1) })];
    expect(waitingPanes(panes).map((p) => p.id)).toEqual(['p8', 'p4', 'p5', 'p1']);
  });

  it.each<[string, string | null, string]>([
    ['from a pane that does not wait, the oldest', 'p2', 'p4'],
    ['from the oldest, the next', 'p4', 'p5'],
    ['from the newest, round to the oldest', 'p1', 'p4'],
  ])('goes %s', (_what, selected, expected) => {
    const pane = PANES.find((p) => p.id === selected)!;
    const state = deck({ panes: PANES, tab: pane.tab, selection: { [pane.tab ?? '']: pane.id } });
    expect(nextWaiting(state)?.id).toBe(expected);
  });

  it('the key switches tab, selects the pane and types into it', () => {
    const state = deck({ panes: PANES, filter: 'zzz' });
    const { state: next } = update(state, { type: 'action', action: 'next_waiting' }, keys);
    expect(next).toMatchObject({ tab: 'dev-flow', mode: 'typing', filter: '', selection: { 'dev-flow': 'p4' } });
  });

  it('says so when nobody waits', () => {
    const { state: next } = update(deck(), { type: 'action', action: 'next_waiting' }, keys);
    expect(next.message?.text).toBe('No pane needs you');
    expect(next.mode).toBe('command');
  });

  it.each([
    ['command', 'w', '3 need you'],
    ['typing', 'ctrl+d w', '3 need you'],
  ] as const)('the status bar counts them first in %s mode', (mode, hintKeys, label) => {
    const state = deck({ panes: PANES, mode, selection: { '': 'p2' } });
    expect(statusHints(state, keys, 2)[0]).toMatchObject({ keys: hintKeys, label, tone: 'attention', action: 'next_waiting' });
    expect(statusHints(deck({ mode }), keys, 2).some((h) => h.action === 'next_waiting')).toBe(false);
  });
});

describe('placeHints', () => {
  const hints = [
    { keys: 'w', label: '2 need you' },
    { keys: 'j/k', label: 'select' },
    { keys: 'ctrl+c', label: 'quit' },
  ];
  it.each<[number, Array<[string, number]>]>([
    [
      80,
      [
        ['w 2 need you', 11],
        ['j/k select', 25],
        ['ctrl+c quit', 37],
      ],
    ],
    [
      22,
      [
        ['w 2 need you', 11],
        ['j/k sel…', 25],
      ],
    ],
    [12, [['w 2 need you', 11]]],
  ])('at width %i places %j', (width, expected) => {
    expect(placeHints(hints, 11, width).map((p) => [p.text, p.x])).toEqual(expected);
  });
});
