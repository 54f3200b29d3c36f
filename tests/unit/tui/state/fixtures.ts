// Panes and deck states for reducer and component tests.
import { DEFAULT_KEYBINDINGS } from '../../../../src/config/keybindings.js';
import type { PaneInfo } from '../../../../src/protocol/messages.js';
import { buildKeyMap } from '../../../../src/tui/input/key-map.js';
import { initialDeckState, type DeckState } from '../../../../src/tui/state/deck-state.js';

export const keys = buildKeyMap(DEFAULT_KEYBINDINGS);

export function pane(id: string, overrides: Partial<PaneInfo> = {}): PaneInfo {
  return {
    id,
    name: `pane-${id}`,
    cwd: `/home/me/${id}`,
    command: 'bash',
    agentId: `a-${id}`,
    pid: 100,
    state: 'running',
    exit: null,
    failure: null,
    tab: null,
    role: null,
    title: '',
    restored: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastActivityAt: null,
    cols: 80,
    rows: 24,
    agentType: null,
    status: { kind: 'idle', tool: null, detail: null, reason: null, since: '2026-01-01T00:00:00.000Z', layer: 'activity', rule: 'quiet-screen' },
    tokens: null,
    ...overrides,
  };
}

/** Three dashboard panes, one orchestration tab with two, p1 selected, COMMAND mode. */
export const P = [
  pane('p1'),
  pane('p2', { name: 'api', command: 'claude' }),
  pane('p3', { name: 'web' }),
  pane('p4', { tab: 'dev-flow', name: 'orchestrator' }),
  pane('p5', { tab: 'dev-flow', name: 'coder' }),
];

export function deck(overrides: Partial<DeckState> = {}): DeckState {
  return { ...initialDeckState, panes: P, loaded: true, selection: { '': 'p1' }, cwd: '/home/me', ...overrides };
}
