// The first picture's lifetime: painted once where the chrome covers the state, repainted on a
// resize or a change of state, a blank screen for Ink when the state leaves what it covers, and
// silent once Ink has taken over (disposed).
import { describe, expect, it } from 'vitest';
import type { SizeSource, TerminalSize } from '../../../../src/tui/app/deck-context.js';
import { DeckStore } from '../../../../src/tui/app/deck-store.js';
import { EarlyPaint } from '../../../../src/tui/first-paint/early-paint.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import { deck, keys, pane } from '../state/fixtures.js';

function setup(state: DeckState) {
  let size: TerminalSize = { cols: 120, rows: 30 };
  const listeners = new Set<() => void>();
  const source: SizeSource = { get: () => size, subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)) };
  const store = new DeckStore(state, keys);
  const written: string[] = [];
  const early = new EarlyPaint({ store, keyMap: keys, size: source, home: '/home/me', painter: { paintAll: () => '<panes>' }, write: (t) => written.push(t) });
  const resize = (cols: number, rows: number) => {
    size = { cols, rows };
    for (const l of listeners) l();
  };
  return { early, store, written, resize };
}

describe('EarlyPaint', () => {
  it('paints the chrome and the panes in one synchronized block', () => {
    const { early, written } = setup(deck({ panes: [pane('p1')] }));
    expect(early.paint()).toBe(true);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\x1b\[\?2026h.* COMMAND .*<panes>\x1b\[\?2026l$/s);
  });

  it('paints nothing where Ink must draw', () => {
    const { early, written, resize } = setup(deck({ panes: [pane('p1')], message: { id: 1, text: 'hi', tone: 'info' } }));
    expect(early.paint()).toBe(false);
    resize(100, 30);
    expect(written).toEqual([]);
  });

  it.each<[string, (s: ReturnType<typeof setup>) => void, RegExp]>([
    ['a resize', (s) => s.resize(80, 24), /^\x1b\[\?2026h\x1b\[2J.* COMMAND .*<panes>/s],
    ['a new pane', (s) => s.store.dispatch({ type: 'panes', panes: [pane('p1'), pane('p2', { name: 'second' })] }), /second/],
    [
      'a state it does not cover: a blank screen',
      (s) => s.store.dispatch({ type: 'message', text: 'hello', tone: 'info' }),
      /^\x1b\[\?2026h\x1b\[2J\x1b\[\?2026l$/,
    ],
  ])('repaints on %s', (_name, change, expected) => {
    const s = setup(deck({ panes: [pane('p1')] }));
    s.early.paint();
    change(s);
    expect(s.written).toHaveLength(2);
    expect(s.written[1]).toMatch(expected);
  });

  it.each<[string, (s: ReturnType<typeof setup>) => void, boolean]>([
    ['painted', () => undefined, true],
    ['repainted at a new size', (s) => s.resize(100, 30), true],
    ['blanked for a state it does not cover', (s) => s.store.dispatch({ type: 'message', text: 'hello', tone: 'info' }), false],
    ['handed to Ink', (s) => s.early.dispose(), false],
  ])('says whether its picture is showing (the painter writes only then): %s', (_name, change, showing) => {
    const s = setup(deck({ panes: [pane('p1')] }));
    expect(s.early.showing).toBe(false);
    s.early.paint();
    change(s);
    expect(s.early.showing).toBe(showing);
  });

  it('stays silent once Ink has taken over', () => {
    const s = setup(deck({ panes: [pane('p1')] }));
    s.early.paint();
    s.early.dispose();
    s.resize(80, 24);
    s.store.dispatch({ type: 'panes', panes: [] });
    expect(s.written).toHaveLength(1);
  });
});
