import { describe, expect, it } from 'vitest';
import type { PaneModes } from '../../../../src/protocol/pane-types.js';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import { encodeForPane, type PaneRect } from '../../../../src/tui/input/pane-encoding.js';
import { modes } from './modes.js';

/** The pane's content starts at terminal column 31, row 3, and is 80×20. */
const RECT: PaneRect = { x: 31, y: 3, cols: 80, rows: 20 };

function encode(input: string, paneModes: PaneModes): string | null {
  const [event] = parseInput(Buffer.from(input, 'utf8')).events;
  const bytes = encodeForPane(event!, paneModes, RECT);
  return bytes === null ? null : bytes.toString('utf8');
}

describe('encodeForPane', () => {
  it.each<[string, string, Partial<PaneModes>, string | null]>([
    ['a letter unchanged', 'x', {}, 'x'],
    ['ctrl+c unchanged', '\x03', {}, '\x03'],
    ['UTF-8 unchanged', 'é', {}, 'é'],
    ['up stays CSI in normal cursor mode', '\x1b[A', {}, '\x1b[A'],
    ['up becomes SS3 in application cursor mode', '\x1b[A', { applicationCursor: true }, '\x1bOA'],
    ['SS3 down becomes CSI in normal mode', '\x1bOB', {}, '\x1b[B'],
    ['SS3 right stays in application mode', '\x1bOC', { applicationCursor: true }, '\x1bOC'],
    ['home becomes SS3 in application mode', '\x1b[H', { applicationCursor: true }, '\x1bOH'],
    ['ctrl+up keeps its CSI form', '\x1b[1;5A', { applicationCursor: true }, '\x1b[1;5A'],
    ['pageup is not a cursor key', '\x1b[5~', { applicationCursor: true }, '\x1b[5~'],
    ['SS3 F1 stays F1', '\x1bOP', {}, '\x1bOP'],
    ['a paste loses its markers for a plain program', '\x1b[200~hi\x1b[201~', {}, 'hi'],
    ['a paste keeps its markers with mode 2004', '\x1b[200~hi\x1b[201~', { bracketedPaste: true }, '\x1b[200~hi\x1b[201~'],
    ['focus only for programs that asked', '\x1b[I', {}, null],
    ['focus in with mode 1004', '\x1b[I', { focusEvents: true }, '\x1b[I'],
    ['mouse is dropped without tracking', '\x1b[<0;40;5M', {}, null],
    ['SGR mouse moves to pane coordinates', '\x1b[<0;40;5M', { mouseTracking: 'vt200', mouseSgr: true }, '\x1b[<0;10;3M'],
    ['SGR release keeps its button', '\x1b[<2;40;5m', { mouseTracking: 'vt200', mouseSgr: true }, '\x1b[<2;10;3m'],
    ['SGR in becomes X10 for a legacy pane', '\x1b[<0;40;5M', { mouseTracking: 'vt200' }, '\x1b[M *#'],
    ['an X10 release reports button 3', '\x1b[<0;40;5m', { mouseTracking: 'vt200' }, '\x1b[M#*#'],
    ['a click outside the pane is not forwarded', '\x1b[<0;20;5M', { mouseTracking: 'vt200', mouseSgr: true }, null],
    ['a click below the pane is not forwarded', '\x1b[<0;40;23M', { mouseTracking: 'vt200', mouseSgr: true }, null],
    ['the bottom-right cell is inside', '\x1b[<0;110;22M', { mouseTracking: 'vt200', mouseSgr: true }, '\x1b[<0;80;20M'],
    ['drag needs mode 1002', '\x1b[<32;40;5M', { mouseTracking: 'vt200', mouseSgr: true }, null],
    ['drag with mode 1002', '\x1b[<32;40;5M', { mouseTracking: 'drag', mouseSgr: true }, '\x1b[<32;10;3M'],
    ['motion needs mode 1003', '\x1b[<35;40;5M', { mouseTracking: 'drag', mouseSgr: true }, null],
    ['motion with mode 1003', '\x1b[<35;40;5M', { mouseTracking: 'any', mouseSgr: true }, '\x1b[<35;10;3M'],
    ['mode 9 reports presses only', '\x1b[<0;40;5m', { mouseTracking: 'x10', mouseSgr: true }, null],
    ['mode 9 drops modifier bits', '\x1b[<16;40;5M', { mouseTracking: 'x10', mouseSgr: true }, '\x1b[<0;10;3M'],
    ['the wheel with tracking', '\x1b[<65;40;5M', { mouseTracking: 'vt200', mouseSgr: true }, '\x1b[<65;10;3M'],
  ])('%s', (_name, input, overrides, expected) => {
    expect(encode(input, modes(overrides))).toBe(expected);
  });

  it('drops a legacy mouse report whose position X10 cannot carry', () => {
    const wide: PaneRect = { x: 1, y: 1, cols: 300, rows: 50 };
    const [event] = parseInput(Buffer.from('\x1b[<0;250;5M', 'latin1')).events;
    expect(encodeForPane(event!, modes({ mouseTracking: 'vt200' }), wide)).toBeNull();
    expect(encodeForPane(event!, modes({ mouseTracking: 'vt200', mouseSgr: true }), wide)?.toString()).toBe('\x1b[<0;250;5M');
  });
});
