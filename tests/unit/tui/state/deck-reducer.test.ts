import { describe, expect, it } from 'vitest';
import type { TuiAction } from '../../../../src/tui/input/key-map.js';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import type { KeyEvent, PasteEvent } from '../../../../src/tui/input/input-event.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import type { DeckMsg, Effect } from '../../../../src/tui/state/deck-msg.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { cardsOf, selectedPane, tabsOf, visiblePanes } from '../../../../src/tui/state/selectors.js';
import { P, deck, keys, pane } from './fixtures.js';

const action = (name: TuiAction): DeckMsg => ({ type: 'action', action: name });
const waiting = pane('p1', { agentType: 'claude-code', status: { ...pane('p1').status, kind: 'needs-input', reason: 'permission' } });

/** Feeds keys (as a terminal sends them) to the open dialog, one event at a time. */
function typeKeys(state: DeckState, input: string): { state: DeckState; effects: Effect[] } {
  const events = parseInput(Buffer.from(input, 'utf8'), { flush: true }).events as Array<KeyEvent | PasteEvent>;
  let effects: Effect[] = [];
  for (const event of events) {
    const result = update(state, { type: 'dialog-input', event }, keys);
    state = result.state;
    effects = [...effects, ...result.effects];
  }
  return { state, effects };
}

/** The facts a row checks: mode, tab, selected pane, layout, dialog kind, message text. */
function facts(state: DeckState) {
  return {
    mode: state.mode,
    tab: state.tab,
    selected: selectedPane(state)?.id ?? null,
    layout: state.layout,
    dialog: state.dialog?.kind ?? null,
  };
}

describe('deck reducer: actions', () => {
  it.each<[string, DeckState, TuiAction, Partial<ReturnType<typeof facts>>, Effect[]]>([
    ['j selects the next card', deck(), 'select_next', { selected: 'p2' }, []],
    ['k wraps to the last card', deck(), 'select_prev', { selected: 'p3' }, []],
    ['j wraps to the first card', deck({ selection: { '': 'p3' } }), 'select_next', { selected: 'p1' }, []],
    ['selection stays in the current tab', deck({ tab: 'dev-flow', selection: { 'dev-flow': 'p4' } }), 'select_next', { selected: 'p5' }, []],
    ['the prefix enters TYPING on the selected pane', deck(), 'toggle_mode', { mode: 'typing', selected: 'p1' }, []],
    ['the prefix leaves TYPING', deck({ mode: 'typing' }), 'toggle_mode', { mode: 'command' }, []],
    ['no TYPING without a pane', deck({ panes: [] }), 'toggle_mode', { mode: 'command' }, []],
    ['Enter types into the selection', deck({ selection: { '': 'p2' } }), 'focus_selected', { mode: 'typing', selected: 'p2' }, []],
    [
      'Enter on a scrolled pane returns it to live',
      deck({ scroll: { p1: 40 } }),
      'focus_selected',
      { mode: 'typing' },
      [{ type: 'scroll', paneId: 'p1', to: 'live' }],
    ],
    ['3 focuses the third card', deck(), 'focus_3', { mode: 'typing', selected: 'p3' }, []],
    ['4 is not a card of the dashboard', deck(), 'focus_4', { mode: 'command', selected: 'p1' }, []],
    ['next tab', deck(), 'next_tab', { tab: 'dev-flow', selected: 'p4' }, []],
    ['previous tab wraps', deck(), 'prev_tab', { tab: 'dev-flow' }, []],
    ['next tab wraps to the dashboard', deck({ tab: 'dev-flow' }), 'next_tab', { tab: null, selected: 'p1' }, []],
    ['switching tab while typing keeps typing', deck({ mode: 'typing' }), 'next_tab', { mode: 'typing', tab: 'dev-flow' }, []],
    ['ctrl+t tiles', deck(), 'toggle_layout', { layout: 'tiled' }, []],
    ['ctrl+t stacks again', deck({ layout: 'tiled' }), 'toggle_layout', { layout: 'stacked' }, []],
    ['ctrl+w asks before closing', deck(), 'close_pane', { dialog: 'close' }, []],
    ['r opens rename', deck(), 'rename_pane', { dialog: 'rename' }, []],
    ['/ opens the filter', deck(), 'filter', { dialog: 'filter' }, []],
    ['? opens help', deck(), 'help', { dialog: 'help' }, []],
    ['ctrl+c asks how to quit', deck(), 'quit', { dialog: 'quit' }, []],
    ['ctrl+n opens the directory picker', deck(), 'new_pane', { dialog: 'new-pane' }, [{ type: 'list-dir', dir: '/home/me' }]],
    ['pageup scrolls the selected pane', deck(), 'scroll_up', {}, [{ type: 'scroll', paneId: 'p1', to: 'up' }]],
    ['pagedown scrolls forward', deck(), 'scroll_down', {}, [{ type: 'scroll', paneId: 'p1', to: 'down' }]],
    ['d sends the prefix and types', deck(), 'send_prefix', { mode: 'typing' }, [{ type: 'send-prefix', paneId: 'p1' }]],
    ['ctrl+w without panes closes nothing', deck({ panes: [] }), 'close_pane', { dialog: null }, []],
    ['y answers a waiting agent', deck({ panes: [waiting] }), 'answer_yes', {}, [{ type: 'answer', paneId: 'p1', answer: 'yes' }]],
    ['n declines', deck({ panes: [waiting] }), 'answer_no', {}, [{ type: 'answer', paneId: 'p1', answer: 'no' }]],
    ['g asks before asking the agent for a config', deck(), 'generate_config', { dialog: 'generate-config' }, []],
  ])('%s', (_name, given, name, expected, effects) => {
    const result = update(given, action(name), keys);
    expect(facts(result.state)).toMatchObject(expected);
    expect(result.effects).toEqual(effects);
  });

  it.each<[string, DeckState, TuiAction, RegExp]>([
    ['no pane to type into', deck({ panes: [] }), 'toggle_mode', /No pane here yet: ctrl\+n opens one/],
    ['no such card', deck(), 'focus_7', /no card 7/],
    [
      'g on a pane whose program ended',
      deck({ panes: [pane('p1', { state: 'exited' })] }),
      'generate_config',
      /pane-p1 is not running: start your agent in a pane first/,
    ],
    ['g without a pane', deck({ panes: [] }), 'generate_config', /No pane here yet/],
    ['y on a pane that asks nothing', deck(), 'answer_yes', /pane-p1 is not waiting for an answer/],
  ])('says why nothing happened: %s', (_name, given, name, message) => {
    expect(update(given, action(name), keys).state.message?.text).toMatch(message);
  });

  it('Escape clears the filter first, then the message', () => {
    const filtered = deck({ filter: 'api', message: { text: 'hello', tone: 'info', id: 1 }, messageCount: 1 });
    const once = update(filtered, action('cancel'), keys).state;
    expect(once.filter).toBe('');
    expect(once.message?.text).toBe('hello');
    expect(update(once, action('cancel'), keys).state.message).toBeNull();
  });

  it('an unbound key tells the user where the keys are', () => {
    expect(update(deck(), { type: 'unbound', key: 'x' }, keys).state.message?.text).toBe('x does nothing here; ? lists the keys');
  });
});

describe('deck reducer: pane lists', () => {
  it.each<[string, DeckState, ReturnType<typeof pane>[], Partial<ReturnType<typeof facts>>]>([
    ['a selection that survives is kept', deck({ selection: { '': 'p2' } }), P, { selected: 'p2' }],
    [
      'a closed selected pane passes the selection to the card in its place',
      deck({ selection: { '': 'p2' } }),
      P.filter((p) => p.id !== 'p2'),
      { selected: 'p3' },
    ],
    ['closing the last card selects the new last', deck({ selection: { '': 'p3' } }), P.filter((p) => p.id !== 'p3'), { selected: 'p2' }],
    ['a tab whose panes are gone falls back to the dashboard', deck({ tab: 'dev-flow' }), P.slice(0, 3), { tab: null }],
    ['TYPING ends when no pane is left', deck({ mode: 'typing' }), [], { mode: 'command', selected: null }],
  ])('%s', (_name, given, panes, expected) => {
    expect(facts(update(given, { type: 'panes', panes }, keys).state)).toMatchObject(expected);
  });

  it('returns to COMMAND mode when the program being typed into exits, and says so', () => {
    const exited = P.map((p) => (p.id === 'p1' ? { ...p, state: 'exited' as const, exit: { exitCode: 0, signal: null } } : p));
    const state = update(deck({ mode: 'typing' }), { type: 'panes', panes: exited }, keys).state;
    expect(state.mode).toBe('command');
    expect(state.message?.text).toBe('pane-p1 exited');
  });

  it('closes a dialog about a pane that went away', () => {
    const asking = deck({ dialog: { kind: 'close', paneId: 'p1', confirm: false } });
    expect(update(asking, { type: 'panes', panes: P.slice(1) }, keys).state.dialog).toBeNull();
  });

  it('marks the deck loaded on the first list, even an empty one', () => {
    expect(update({ ...deck(), loaded: false, panes: [] }, { type: 'panes', panes: [] }, keys).state.loaded).toBe(true);
  });

  it('shows and types into a pane the user just created', () => {
    const created = pane('p9', { name: 'new' });
    const state = update(deck({ tab: 'dev-flow' }), { type: 'pane-created', pane: created }, keys).state;
    expect(facts(state)).toMatchObject({ mode: 'typing', tab: null, selected: 'p9' });
  });
});

describe('deck reducer: dialogs', () => {
  it.each<[string, string, Effect[]]>([
    ['Enter takes the default, Detach', '\r', [{ type: 'detach' }]],
    ['ctrl+c twice detaches', '\x03', [{ type: 'detach' }]],
    ['right, Enter, then y stops everything', '\x1b[C\ry', [{ type: 'stop-all' }]],
    ['s, then s once more, stops everything', 'ss', [{ type: 'stop-all' }]],
    ['s, then Enter on the default Cancel, stops nothing', 's\r', []],
    ['s, then left to Stop all and Enter, stops everything', 's\x1b[D\r', [{ type: 'stop-all' }]],
    ['s, then Escape, stops nothing', 's\x1b', []],
    ['s, then ctrl+c, detaches at once', 's\x03', [{ type: 'detach' }]],
    ['Escape cancels', '\x1b', []],
    ['left from Detach wraps to Cancel', '\x1b[D\r', []],
  ])('quit: %s', (_name, input, effects) => {
    const result = typeKeys(deck({ dialog: { kind: 'quit', choice: 'detach' } }), input);
    expect(result.effects).toEqual(effects);
    expect(result.state.dialog).toBeNull();
  });

  it('quit: Stop all asks once more, Cancel by default', () => {
    const result = typeKeys(deck({ dialog: { kind: 'quit', choice: 'detach' } }), 's');
    expect(result.effects).toEqual([]);
    expect(result.state.dialog).toEqual({ kind: 'quit', choice: 'cancel', confirmStop: true });
  });

  it.each<[string, string, Effect[]]>([
    [
      'y closes every pane of the tab',
      'y',
      [
        { type: 'kill', paneId: 'p4' },
        { type: 'kill', paneId: 'p5' },
      ],
    ],
    ['Enter takes the default, Cancel', '\r', []],
  ])('ctrl+w in a tab: %s', (_name, input, effects) => {
    const opened = update(deck({ tab: 'dev-flow', selection: { 'dev-flow': 'p5' } }), { type: 'action', action: 'close_pane' }, keys).state;
    expect(opened.dialog).toMatchObject({ kind: 'close', tab: 'dev-flow', paneIds: ['p4', 'p5'] });
    const result = typeKeys(opened, input);
    expect(result.effects).toEqual(effects);
    expect(result.state.dialog).toBeNull();
  });

  it.each<[string, string, Effect[]]>([
    ['Enter takes the default, Cancel', '\r', []],
    ['y closes', 'y', [{ type: 'kill', paneId: 'p1' }]],
    ['moving to Close then Enter closes', '\x1b[D\r', [{ type: 'kill', paneId: 'p1' }]],
    ['n cancels', 'n', []],
  ])('close: %s', (_name, input, effects) => {
    const result = typeKeys(deck({ dialog: { kind: 'close', paneId: 'p1', confirm: false } }), input);
    expect(result.effects).toEqual(effects);
    expect(result.state.dialog).toBeNull();
  });

  it.each<[string, string, Effect[], boolean]>([
    ['typing replaces the name', '\x15server\r', [{ type: 'rename', paneId: 'p1', name: 'server' }], false],
    ['backspace edits', '\x7f\x7f\x7f\r', [{ type: 'rename', paneId: 'p1', name: 'pane' }], false],
    ['an empty name is not accepted', '\x15\r', [], true],
    ['a paste joins its lines', '\x15\x1b[200~a\rb\x1b[201~\r', [{ type: 'rename', paneId: 'p1', name: 'ab' }], false],
    ['Escape keeps the old name', 'x\x1b', [], false],
  ])('rename: %s', (_name, input, effects, stillOpen) => {
    const opened = update(deck(), action('rename_pane'), keys).state;
    const result = typeKeys(opened, input);
    expect(result.effects).toEqual(effects);
    expect(result.state.dialog !== null).toBe(stillOpen);
  });

  it.each<[string, string, string, string[], boolean]>([
    ['filters as you type', 'ap', 'ap', ['p2'], true],
    ['matches commands too', 'claude', 'claude', ['p2'], true],
    ['Enter keeps the filter', 'web\r', 'web', ['p3'], false],
    ['Escape clears it', 'web\x1b', '', ['p1', 'p2', 'p3'], false],
  ])('filter: %s', (_name, input, filter, cards, stillOpen) => {
    const opened = update(deck(), action('filter'), keys).state;
    const result = typeKeys(opened, input);
    expect(result.state.filter).toBe(filter);
    expect(cardsOf(result.state).map((p) => p.id)).toEqual(cards);
    expect(result.state.dialog !== null).toBe(stillOpen);
  });

  it('help closes on any key', () => {
    expect(typeKeys(deck({ dialog: { kind: 'help' } }), 'q').state.dialog).toBeNull();
  });
});

describe('selectors', () => {
  it('lists the dashboard and one tab per orchestration', () => {
    expect(tabsOf(P).map((t) => t.label)).toEqual(['Dashboard', 'dev-flow']);
    expect(tabsOf([]).map((t) => t.label)).toEqual(['Dashboard']);
  });

  it.each<[string, DeckState, string[]]>([
    ['stacked shows the selected pane', deck({ selection: { '': 'p2' } }), ['p2']],
    ['tiled shows every card', deck({ layout: 'tiled' }), ['p1', 'p2', 'p3']],
    ['tiled honours the filter', deck({ layout: 'tiled', filter: 'web' }), ['p3']],
    ['nothing without panes', deck({ panes: [] }), []],
  ])('visible panes: %s', (_name, state, ids) => {
    expect(visiblePanes(state).map((p) => p.id)).toEqual(ids);
  });
});
