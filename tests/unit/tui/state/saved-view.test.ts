import { describe, expect, it } from 'vitest';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { initialDeckState } from '../../../../src/tui/state/deck-state.js';
import { MAX_SAVED_TABS, parseSavedView, viewChanged, viewOf, withSavedView, type SavedView } from '../../../../src/tui/state/saved-view.js';
import { selectedPane } from '../../../../src/tui/state/selectors.js';
import { P, deck, keys } from './fixtures.js';

const view = (overrides: Partial<SavedView> = {}): SavedView => ({
  version: 1,
  tab: 'dev-flow',
  selection: { 'dev-flow': 'p5' },
  layout: 'tiled',
  ...overrides,
});

describe('saved view', () => {
  it('keeps the tab, the shown pane of each tab and the layout', () => {
    expect(viewOf(deck({ tab: 'dev-flow', selection: { '': 'p2', 'dev-flow': 'p5' }, layout: 'tiled' }))).toEqual({
      version: 1,
      tab: 'dev-flow',
      selection: { '': 'p2', 'dev-flow': 'p5' },
      layout: 'tiled',
      lastCommand: 'bash',
    });
  });

  it('remembers the last command launched, which the next deck offers in the new-pane form', () => {
    const saved = viewOf(deck({ lastCommand: 'claude --model opus' }));
    expect(saved.lastCommand).toBe('claude --model opus');
    const next = withSavedView(initialDeckState, parseSavedView(JSON.stringify(saved)));
    expect(next.lastCommand).toBe('claude --model opus');
    // A view written before the deck remembered commands keeps the start-up default.
    expect(withSavedView(initialDeckState, view()).lastCommand).toBe(initialDeckState.lastCommand);
  });

  it('names the first card when nothing was chosen in the tab', () => {
    expect(viewOf(deck({ tab: 'dev-flow', selection: {} })).selection).toEqual({ 'dev-flow': 'p4' });
  });

  it(`remembers at most ${MAX_SAVED_TABS} tabs, always the current one`, () => {
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`tab-${i}`, `p${i}`]));
    const saved = viewOf(deck({ tab: 'dev-flow', selection: { ...many, 'dev-flow': 'p5' } }));
    expect(Object.keys(saved.selection)).toHaveLength(MAX_SAVED_TABS);
    expect(saved.selection['dev-flow']).toBe('p5');
  });

  it.each<[string, string, SavedView | null]>([
    ['a saved view', JSON.stringify(view()), view()],
    ['the Dashboard', JSON.stringify(view({ tab: null, selection: {}, layout: 'stacked' })), view({ tab: null, selection: {}, layout: 'stacked' })],
    ['not JSON', '{"version":1,', null],
    ['another version', JSON.stringify({ ...view(), version: 2 }), null],
    ['a layout it does not know', JSON.stringify({ ...view(), layout: 'grid' }), null],
    ['not an object', '[]', null],
    ['empty', '', null],
  ])('parses %s', (_name, text, expected) => {
    expect(parseSavedView(text)).toEqual(expected);
  });

  it('opens on the saved tab and pane once the daemon lists them', () => {
    const opened = withSavedView(initialDeckState, view({ layout: 'stacked' }));
    const state = update(opened, { type: 'panes', panes: P }, keys).state;
    expect([state.tab, selectedPane(state)?.id]).toEqual(['dev-flow', 'p5']);
  });

  it('falls back to the first card, then the Dashboard, when they are gone', () => {
    const gonePane = update(withSavedView(initialDeckState, view({ selection: { 'dev-flow': 'p9' } })), { type: 'panes', panes: P }, keys).state;
    expect([gonePane.tab, selectedPane(gonePane)?.id]).toEqual(['dev-flow', 'p4']);
    const goneTab = update(withSavedView(initialDeckState, view({ tab: 'old-flow' })), { type: 'panes', panes: P }, keys).state;
    expect([goneTab.tab, selectedPane(goneTab)?.id]).toEqual([null, 'p1']);
  });

  it('opens with the defaults without a saved view', () => {
    expect(withSavedView(initialDeckState, null)).toBe(initialDeckState);
  });

  it.each<[string, Parameters<typeof deck>[0], boolean]>([
    ['a tab switch', { tab: 'dev-flow' }, true],
    ['a new selection', { selection: { '': 'p2' } }, true],
    ['a layout change', { layout: 'tiled' }, true],
    ['a command launched', { lastCommand: 'codex' }, true],
    ['a mode change', { mode: 'typing' }, false],
    ['a message', { message: { text: 'x', tone: 'info', id: 1 } }, false],
  ])('counts %s as a change: %s', (_name, overrides, changed) => {
    const before = deck();
    expect(viewChanged(before, { ...before, ...overrides })).toBe(changed);
  });
});
