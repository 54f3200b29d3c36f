// The I/O shell around the pure core, with fakes for stdin and the daemon connection.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { PaneFrame, PaneModes } from '../../../../src/protocol/pane-types.js';
import { DeckStore } from '../../../../src/tui/app/deck-store.js';
import { EffectRunner } from '../../../../src/tui/app/effect-runner.js';
import { InputPipeline } from '../../../../src/tui/app/input-pipeline.js';
import { PaneSubscriptions } from '../../../../src/tui/app/pane-subscriptions.js';
import { PointerInterpreter, hitTest } from '../../../../src/tui/app/pointer.js';
import type { MouseEvent } from '../../../../src/tui/input/input-event.js';
import { computeLayout } from '../../../../src/tui/layout/deck-layout.js';
import type { DrawnSelection } from '../../../../src/tui/painter/pane-painter.js';
import { PaneScreens } from '../../../../src/tui/painter/pane-screens.js';
import type { DeckState } from '../../../../src/tui/state/deck-state.js';
import { MODES } from '../painter/painter-fixtures.js';
import { deck, keys } from '../state/fixtures.js';

/** Records requests; answers scroll requests like the daemon (clamped offset). */
function fakeConnection(total = 100) {
  const requests: unknown[] = [];
  const inputs: Array<[string, string]> = [];
  return {
    requests,
    inputs,
    request: (body: { kind: string; offset?: number }) => {
      requests.push(body);
      if (body.kind === 'scroll') return Promise.resolve({ paneId: 'p1', offset: Math.min(total, body.offset ?? 0), total });
      return Promise.resolve({});
    },
    sendInput: (pane: string, bytes: Buffer | string) => void inputs.push([pane, Buffer.from(bytes).toString('latin1')]),
  };
}

function frame(paneId: string, rows: number, total: number, offset = 0): PaneFrame {
  return { paneId, cols: 80, rows, full: true, lines: [], cursor: { x: 0, y: 0, visible: true }, modes: MODES, title: '', scroll: { offset, total } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('InputPipeline', () => {
  function pipeline(state: DeckState) {
    const stdin = new EventEmitter();
    const store = new DeckStore(state, keys);
    const connection = fakeConnection();
    const screens = new PaneScreens();
    const layout = () => computeLayout(120, 36, store.getState());
    const drawn: Array<DrawnSelection | null> = [];
    const copied: string[] = [];
    new InputPipeline({
      stdin: stdin as unknown as NodeJS.ReadStream,
      store,
      keyMap: keys,
      screens,
      layout,
      send: (pane, bytes) => connection.sendInput(pane, bytes),
      scroll: () => undefined,
      select: (selection) => void drawn.push(selection),
      copy: (text) => void copied.push(text),
    });
    return { stdin, store, connection, screens, drawn, copied, content: layout().panes.find((p) => p.paneId === 'p1')!.content };
  }

  it('applies a mode switch to the very next byte of the same chunk', () => {
    const { stdin, store, connection } = pipeline(deck({ mode: 'typing' }));
    stdin.emit('data', Buffer.from('ls\x04j'));
    expect(connection.inputs).toEqual([['p1', 'ls']]);
    expect(store.getState().mode).toBe('command');
    expect(store.getState().selection['']).toBe('p2');
  });

  it('sends a whole chunk of typing as one input message', () => {
    const { stdin, connection } = pipeline(deck({ mode: 'typing' }));
    stdin.emit('data', Buffer.from('echo hi\r'));
    expect(connection.inputs).toEqual([['p1', 'echo hi\r']]);
  });

  it('re-encodes cursor keys with the modes from the pane’s last frame', () => {
    const { stdin, connection, screens } = pipeline(deck({ mode: 'typing' }));
    screens.apply({ ...frame('p1', 24, 0), modes: { ...MODES, applicationCursor: true } });
    stdin.emit('data', Buffer.from('\x1b[A'));
    expect(connection.inputs).toEqual([['p1', '\x1bOA']]);
  });

  const sgr = (code: number, x: number, y: number, release = false) => `\x1b[<${code};${x};${y}${release ? 'm' : 'M'}`;

  it.each<[string, PaneModes, number, string[]]>([
    ['a pane that does not read the mouse', MODES, 0, []],
    ['a pane that reads the mouse, with Shift held', { ...MODES, mouseTracking: 'drag', mouseSgr: true }, 4, []],
  ])('a drag over %s selects and copies its text', (_name, modes, shift, forwarded) => {
    const { stdin, connection, screens, drawn, copied, content } = pipeline(deck({ mode: 'typing' }));
    screens.apply({
      ...frame('p1', 24, 0),
      modes,
      lines: [
        [0, '\x1b[1mhello\x1b[0m world   '],
        [1, 'second line'],
      ],
    });
    const x = content.x;
    const y = content.y;
    stdin.emit('data', Buffer.from(sgr(shift, x + 6, y) + sgr(32 + shift, x + 3, y + 1) + sgr(shift, x + 3, y + 1, true)));
    expect(drawn.at(-1)).toEqual({
      paneId: 'p1',
      ranges: [
        { row: 0, from: 6, to: content.cols },
        { row: 1, from: 0, to: 4 },
      ],
    });
    expect(copied).toEqual(['world\nseco']);
    expect(connection.inputs).toEqual(forwarded);
    stdin.emit('data', Buffer.from('x'));
    expect(drawn.at(-1)).toBeNull();
  });

  it('a drag over a pane that reads the mouse goes to the program, and copies nothing', () => {
    const { stdin, connection, screens, copied, content } = pipeline(deck({ mode: 'typing' }));
    screens.apply({ ...frame('p1', 24, 0), modes: { ...MODES, mouseTracking: 'drag', mouseSgr: true }, lines: [[0, 'hello']] });
    stdin.emit('data', Buffer.from(sgr(0, content.x, content.y) + sgr(32, content.x + 3, content.y) + sgr(0, content.x + 3, content.y, true)));
    expect(copied).toEqual([]);
    expect(connection.inputs).toEqual([['p1', '\x1b[<0;1;1M\x1b[<32;4;1M\x1b[<0;4;1m']]);
  });

  it('gives keys to an open dialog, not to the pane', () => {
    const { stdin, store, connection } = pipeline(deck({ mode: 'typing', dialog: { kind: 'help' } }));
    stdin.emit('data', Buffer.from('x'));
    expect(connection.inputs).toEqual([]);
    expect(store.getState().dialog).toBeNull();
  });
});

describe('EffectRunner.scroll', () => {
  function runner(total: number, offset = 0) {
    const store = new DeckStore(deck(), keys);
    const connection = fakeConnection(total);
    const screens = new PaneScreens();
    screens.apply(frame('p1', 33, total, offset));
    const effects = new EffectRunner({
      connection: connection as never,
      store,
      screens,
      layout: () => computeLayout(120, 36, store.getState()),
      prefix: Buffer.from([4]),
      quit: () => undefined,
      expectClose: () => undefined,
      restartDaemon: () => Promise.resolve(),
    });
    return { store, connection, effects };
  }

  it.each<[string, number, number, 'up' | 'down' | 'live', number | undefined, number | null]>([
    ['a page up is the pane height less one line', 500, 0, 'up', undefined, 32],
    ['a page up stops at the oldest line', 20, 0, 'up', undefined, 20],
    ['a page down from the middle', 500, 100, 'down', undefined, 68],
    ['the wheel moves three lines', 500, 0, 'up', 3, 3],
    ['back to live', 500, 100, 'live', undefined, 0],
    ['nothing to ask when already live', 500, 0, 'down', undefined, null],
  ])('%s', async (_name, total, offset, to, lines, expected) => {
    const { connection, store, effects } = runner(total, offset);
    effects.scroll('p1', to, lines);
    await settle();
    const asked = connection.requests.find((r) => (r as { kind: string }).kind === 'scroll') as { offset: number } | undefined;
    expect(asked?.offset ?? null).toBe(expected);
    if (expected !== null) expect(store.getState().scroll.p1 ?? 0).toBe(expected);
  });

  it('says there is nothing to scroll in a pane without history', () => {
    const { store, effects } = runner(0);
    effects.scroll('p1', 'up');
    expect(store.getState().message?.text).toBe('Nothing to scroll: pane-p1 has no history yet');
  });
});

describe('PaneSubscriptions', () => {
  it('subscribes new panes, resizes changed ones and unsubscribes the rest', async () => {
    const connection = fakeConnection();
    const dropped: string[] = [];
    const subscriptions = new PaneSubscriptions(connection as never, { dropped: (id) => dropped.push(id), failed: () => undefined });
    const slot = (paneId: string, cols: number, rows: number) => ({ paneId, title: { x: 1, y: 1, cols, rows: 1 }, content: { x: 1, y: 2, cols, rows } });
    subscriptions.sync([slot('p1', 80, 20), slot('p2', 40, 20)]);
    subscriptions.sync([slot('p1', 80, 20), slot('p2', 60, 20)]);
    subscriptions.sync([slot('p2', 60, 20)]);
    await settle();
    expect(connection.requests).toEqual([
      { kind: 'subscribe', pane: 'p1', cols: 80, rows: 20 },
      { kind: 'subscribe', pane: 'p2', cols: 40, rows: 20 },
      { kind: 'resize', pane: 'p2', cols: 60, rows: 20 },
      { kind: 'unsubscribe', pane: 'p1' },
    ]);
    expect(dropped).toEqual(['p1']);
  });
});

describe('pointer', () => {
  const mouse = (action: MouseEvent['action'], x: number, y: number, button = 0): MouseEvent => ({
    kind: 'mouse',
    action,
    button,
    code: button,
    x,
    y,
    shift: false,
    alt: false,
    ctrl: false,
    raw: Buffer.alloc(0),
  });
  const layout = computeLayout(120, 36, deck());

  it.each<[string, number, number, string | null]>([
    // Below the tab bar, the sidebar's header and its stats bar.
    ['a card', 5, 4, 'card:p1'],
    ['the second card', 5, 9, 'card:p2'],
    ['a tab', 16, 1, 'tab:dev-flow'],
    ['the pane', 60, 10, 'pane:p1'],
    ['the status bar', 60, 35, null],
  ])('hits %s', (_name, x, y, expected) => {
    const hit = hitTest(layout, x, y);
    expect(hit ? `${hit.kind}:${'paneId' in hit ? hit.paneId : hit.tab}` : null).toBe(expected);
  });

  it('selects on a click and focuses on a double click', () => {
    let now = 1000;
    const pointer = new PointerInterpreter(() => now);
    expect(pointer.interpret(mouse('press', 5, 9), layout, false)).toEqual({ type: 'select', paneId: 'p2' });
    now += 200;
    expect(pointer.interpret(mouse('press', 5, 9), layout, false)).toEqual({ type: 'focus', paneId: 'p2' });
    now += 1000;
    expect(pointer.interpret(mouse('press', 5, 9), layout, false)).toEqual({ type: 'select', paneId: 'p2' });
  });

  it('scrolls the pane under the wheel and ignores the chrome while a dialog is open', () => {
    const pointer = new PointerInterpreter();
    expect(pointer.interpret(mouse('wheel', 60, 10, 64), layout, false)).toEqual({ type: 'wheel', paneId: 'p1', to: 'up' });
    expect(pointer.interpret(mouse('press', 5, 9), layout, true)).toBeNull();
  });
});
