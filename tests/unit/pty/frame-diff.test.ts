import { describe, expect, it } from 'vitest';
import { PaneFrame, type PaneModes } from '../../../src/protocol/pane-types.js';
import { buildPaneFrame, diffRows, type FrameBasis } from '../../../src/pty/frame-diff.js';
import type { RenderedScreen } from '../../../src/pty/render-screen.js';

const basis = (cols: number, lines: string[]): FrameBasis => ({ cols, rows: lines.length, lines });

describe('diffRows', () => {
  it.each([
    [
      'no previous frame: every row, full',
      undefined,
      basis(3, ['a', 'b']),
      true,
      [
        [0, 'a'],
        [1, 'b'],
      ],
    ],
    ['nothing changed: no rows', basis(3, ['a', 'b']), basis(3, ['a', 'b']), false, []],
    ['one row changed: that row', basis(3, ['a', 'b', 'c']), basis(3, ['a', 'B', 'c']), false, [[1, 'B']]],
    [
      'first and last changed',
      basis(3, ['a', 'b', 'c']),
      basis(3, ['A', 'b', 'C']),
      false,
      [
        [0, 'A'],
        [2, 'C'],
      ],
    ],
    [
      'more rows: full',
      basis(3, ['a']),
      basis(3, ['a', 'b']),
      true,
      [
        [0, 'a'],
        [1, 'b'],
      ],
    ],
    ['fewer rows: full', basis(3, ['a', 'b']), basis(3, ['a']), true, [[0, 'a']]],
    [
      'other width, same strings: full',
      basis(4, ['a', 'b']),
      basis(3, ['a', 'b']),
      true,
      [
        [0, 'a'],
        [1, 'b'],
      ],
    ],
  ] as const)('%s', (_name, previous, current, full, lines) => {
    expect(diffRows(previous, current)).toEqual({ full, lines });
  });
});

describe('buildPaneFrame', () => {
  const modes: PaneModes = {
    bracketedPaste: true,
    applicationCursor: false,
    applicationKeypad: false,
    mouseTracking: 'vt200',
    mouseSgr: true,
    focusEvents: false,
    alternateScreen: true,
    cursorVisible: false,
  };
  const screen: RenderedScreen = {
    cols: 4,
    rows: 2,
    lines: ['\x1b[0mab  \x1b[0m', '\x1b[0mcd  \x1b[0m'],
    cursor: { x: 1, y: 1, visible: false },
    modes,
    title: 'agent',
    scroll: { offset: 2, total: 40 },
  };

  it('is a valid PaneFrame carrying the screen state', () => {
    const frame = buildPaneFrame('pane-1', screen);
    expect(PaneFrame.parse(frame)).toEqual(frame);
    expect(frame).toEqual({
      paneId: 'pane-1',
      cols: 4,
      rows: 2,
      full: true,
      lines: [
        [0, screen.lines[0]],
        [1, screen.lines[1]],
      ],
      cursor: { x: 1, y: 1, visible: false },
      modes,
      title: 'agent',
      scroll: { offset: 2, total: 40 },
    });
  });

  it('sends only the rows that differ from the previous screen', () => {
    const next: RenderedScreen = { ...screen, lines: [screen.lines[0] as string, '\x1b[0mCD  \x1b[0m'] };
    const frame = buildPaneFrame('pane-1', next, screen);
    expect(frame.full).toBe(false);
    expect(frame.lines).toEqual([[1, '\x1b[0mCD  \x1b[0m']]);
  });
});
