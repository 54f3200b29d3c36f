import { describe, expect, it } from 'vitest';
import type { PaneModePart } from '../../../../src/protocol/messages.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import type { DeckMsg } from '../../../../src/tui/state/deck-msg.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import { closeDialogKey } from '../../../../src/tui/state/dialogs/close-dialog.js';
import { cardsOf } from '../../../../src/tui/state/selectors.js';
import { deck, keys, pane } from './fixtures.js';

const part = (p: PaneModePart['part'], slot = 0): PaneModePart => ({ mode: 'dev', part: p, slot, rule: null, ranAt: null });
const PANES = [
  pane('p1'),
  pane('p7', { tab: 'dev', mode: part('agent') }),
  pane('p8', { tab: 'dev', mode: part('persistent') }),
  pane('p9', { tab: 'dev', mode: part('reactive') }),
];
const inDev = (selected: string, over: Partial<DeckState> = {}) => deck({ panes: PANES, tab: 'dev', selection: { '': 'p1', dev: selected }, ...over });
const act = (state: DeckState, action: Extract<DeckMsg, { type: 'action' }>['action']) => update(state, { type: 'action', action }, keys);

describe('focus in a mode tab', () => {
  it.each<[string, string, Extract<DeckMsg, { type: 'action' }>['action'], string, 'command' | 'typing']>([
    ['j moves from the agent to the first side pane', 'p7', 'select_next', 'p8', 'command'],
    ['j moves on to the reactive pane', 'p8', 'select_next', 'p9', 'command'],
    ['k moves back up', 'p9', 'select_prev', 'p8', 'command'],
    ['Esc returns to the agent pane', 'p9', 'cancel', 'p7', 'command'],
    ['Enter types into the focused side pane', 'p8', 'focus_selected', 'p8', 'typing'],
  ])('%s', (_name, from, action, to, mode) => {
    const { state } = act(inDev(from), action);
    expect(state.selection.dev).toBe(to);
    expect(state.mode).toBe(mode);
  });

  it('Esc on the agent pane only clears the message', () => {
    const { state } = act(inDev('p7', { message: { text: 'hi', tone: 'info', id: 1 } }), 'cancel');
    expect(state.selection.dev).toBe('p7');
    expect(state.message).toBeNull();
  });

  it('lists the cards in the order of the layout, whatever order the daemon sent', () => {
    const shuffled = [PANES[3]!, PANES[0]!, PANES[2]!, PANES[1]!];
    const { state } = act(inDev('p7', { panes: shuffled }), 'select_next');
    expect(state.selection.dev).toBe('p8');
    expect(cardsOf(state).map((pane) => pane.id)).toEqual(['p7', 'p8', 'p9']);
  });
});

describe('closing a mode tab', () => {
  it('asks once for the whole tab and closes every pane of it', () => {
    const { state } = act(inDev('p8'), 'close_pane');
    expect(state.dialog).toMatchObject({ kind: 'close', confirm: false, tab: 'dev', paneIds: ['p7', 'p8', 'p9'] });
    const dialog = state.dialog as Extract<DeckState['dialog'], { kind: 'close' }>;
    expect(closeDialogKey(dialog, { kind: 'key', key: 'y', raw: Buffer.from('y') }).effects).toEqual(
      ['p7', 'p8', 'p9'].map((paneId) => ({ type: 'kill', paneId })),
    );
    expect(closeDialogKey(dialog, { kind: 'key', key: 'enter', raw: Buffer.from('\r') }).effects).toEqual([]);
  });

  it('closes only the pane outside a mode tab', () => {
    const { state } = act(deck(), 'close_pane');
    expect(state.dialog).toEqual({ kind: 'close', paneId: 'p1', confirm: false });
  });
});
