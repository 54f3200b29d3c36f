import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/common/errors.js';
import {
  encodeFocus,
  encodeMouse,
  encodePaste,
  reencodeCursorKeys,
  type PaneMouseEvent,
} from '../../../src/pty/input-encoding.js';
import type { PaneModes } from '../../../src/protocol/pane-types.js';

describe('encodePaste', () => {
  it.each([
    ['bracketed when the pane enabled 2004', 'hello', true, '\x1b[200~hello\x1b[201~'],
    ['bare when it did not', 'hello', false, 'hello'],
    ['LF becomes CR', 'a\nb', true, '\x1b[200~a\rb\x1b[201~'],
    ['CRLF becomes one CR', 'a\r\nb\r\n', false, 'a\rb\r'],
    ['a lone CR stays', 'a\rb', false, 'a\rb'],
    ['empty text', '', true, '\x1b[200~\x1b[201~'],
  ])('%s', (_name, text, bracketedPaste, expected) => {
    expect(encodePaste(text, { bracketedPaste })).toBe(expected);
  });

  it.each([
    ['an end marker', 'before\x1b[201~rm -rf ~\r', true],
    ['a start marker', '\x1b[200~x', true],
    ['a marker even when the pane does not bracket', 'x\x1b[201~', false],
  ])('refuses text containing %s', (_name, text, bracketedPaste) => {
    expect(() => encodePaste(text, { bracketedPaste })).toThrow(UserError);
    expect(() => encodePaste(text, { bracketedPaste })).toThrow(/bracketed-paste marker/);
  });
});

describe('reencodeCursorKeys', () => {
  it.each([
    ['CSI arrows become SS3 in application mode', '\x1b[A\x1b[B\x1b[C\x1b[D', true, '\x1bOA\x1bOB\x1bOC\x1bOD'],
    ['SS3 arrows become CSI in normal mode', '\x1bOA\x1bOB\x1bOC\x1bOD', false, '\x1b[A\x1b[B\x1b[C\x1b[D'],
    ['Home and End follow DECCKM', '\x1b[H\x1b[F', true, '\x1bOH\x1bOF'],
    ['Home and End back to CSI', '\x1bOH\x1bOF', false, '\x1b[H\x1b[F'],
    ['already right for the mode: unchanged', '\x1bOA', true, '\x1bOA'],
    ['already right for normal mode: unchanged', '\x1b[A', false, '\x1b[A'],
    ['modified arrows are the same in both modes', '\x1b[1;5A\x1b[1;2D', true, '\x1b[1;5A\x1b[1;2D'],
    ['other keys pass through', 'ab\r\x1b[3~\x1bOP\x7f', true, 'ab\r\x1b[3~\x1bOP\x7f'],
    ['F1 (SS3 P) is not a cursor key', '\x1bOP', false, '\x1bOP'],
    ['mixed with text', 'x\x1b[Ay', true, 'x\x1bOAy'],
  ])('%s', (_name, input, applicationCursor, expected) => {
    expect(reencodeCursorKeys(input, { applicationCursor })).toBe(expected);
  });
});

describe('encodeMouse', () => {
  type Tracking = PaneModes['mouseTracking'];
  const at = (x: number, y: number) => ({ x, y });
  const press = (button: 'left' | 'middle' | 'right', extra: Partial<PaneMouseEvent> = {}) =>
    ({ kind: 'press', button, ...at(4, 2), ...extra }) as PaneMouseEvent;
  const release = (button: 'left' | 'middle' | 'right') => ({ kind: 'release', button, ...at(4, 2) }) as PaneMouseEvent;
  const move = (button: 'left' | 'none') => ({ kind: 'move', button, ...at(4, 2) }) as PaneMouseEvent;
  const wheel = (direction: 'up' | 'down') => ({ kind: 'wheel', direction, ...at(4, 2) }) as PaneMouseEvent;
  const origin = { x: 0, y: 0 };

  it.each<[string, PaneMouseEvent, Tracking, boolean, string | null]>([
    // SGR: ESC [ < code ; col ; row M|m, 1-based cells
    ['SGR left press', press('left'), 'vt200', true, '\x1b[<0;5;3M'],
    ['SGR middle press', press('middle'), 'vt200', true, '\x1b[<1;5;3M'],
    ['SGR right release keeps the button, final m', release('right'), 'vt200', true, '\x1b[<2;5;3m'],
    ['SGR wheel up', wheel('up'), 'vt200', true, '\x1b[<64;5;3M'],
    ['SGR wheel down', wheel('down'), 'vt200', true, '\x1b[<65;5;3M'],
    ['SGR shift+ctrl press adds 4 and 16', press('left', { shift: true, ctrl: true }), 'vt200', true, '\x1b[<20;5;3M'],
    ['SGR alt press adds 8', press('left', { alt: true }), 'vt200', true, '\x1b[<8;5;3M'],
    ['SGR drag adds 32', move('left'), 'drag', true, '\x1b[<32;5;3M'],
    ['SGR motion without a button is 35', move('none'), 'any', true, '\x1b[<35;5;3M'],
    // Legacy: ESC [ M, then 32 + code, 32 + col, 32 + row as characters
    ['X10 bytes for a press', press('left'), 'vt200', false, '\x1b[M %#'],
    ['X10 bytes for a release say "button 3"', release('left'), 'vt200', false, '\x1b[M#%#'],
    ['X10 bytes for wheel up', wheel('up'), 'vt200', false, '\x1b[M`%#'],
    // Which events each tracking mode reports
    ['nothing when tracking is off', press('left'), 'none', true, null],
    ['x10 mode reports presses', press('left'), 'x10', true, '\x1b[<0;5;3M'],
    ['x10 mode drops modifiers', press('left', { shift: true }), 'x10', false, '\x1b[M %#'],
    ['x10 mode ignores releases', release('left'), 'x10', true, null],
    ['x10 mode ignores the wheel', wheel('up'), 'x10', true, null],
    ['vt200 ignores motion', move('left'), 'vt200', true, null],
    ['drag ignores motion without a button', move('none'), 'drag', true, null],
    ['any reports motion with a button', move('left'), 'any', true, '\x1b[<32;5;3M'],
  ])('%s', (_name, event, mouseTracking, mouseSgr, expected) => {
    expect(encodeMouse(event, { mouseTracking, mouseSgr }, origin)).toBe(expected);
  });

  it.each<[string, { x: number; y: number }, { x: number; y: number }, boolean, string | null]>([
    ['translates client cells into pane cells', at(30, 10), at(20, 5), true, '\x1b[<0;11;6M'],
    ['the pane origin is cell 1;1', at(20, 5), at(20, 5), true, '\x1b[<0;1;1M'],
    ['left of the pane: nothing', at(19, 5), at(20, 5), true, null],
    ['above the pane: nothing', at(25, 4), at(20, 5), true, null],
    ['SGR has no coordinate limit', at(300, 0), origin, true, '\x1b[<0;301;1M'],
    ['legacy encoding up to column 95', at(94, 0), origin, false, '\x1b[M \x7f!'],
    ['legacy encoding cannot say column 96', at(95, 0), origin, false, null],
  ])('%s', (_name, position, offset, mouseSgr, expected) => {
    const event: PaneMouseEvent = { kind: 'press', button: 'left', ...position };
    expect(encodeMouse(event, { mouseTracking: 'vt200', mouseSgr }, offset)).toBe(expected);
  });
});

describe('encodeFocus', () => {
  it.each([
    [true, true, '\x1b[I'],
    [false, true, '\x1b[O'],
    [true, false, null],
    [false, false, null],
  ])('focused=%s focusEvents=%s', (focused, focusEvents, expected) => {
    expect(encodeFocus(focused, { focusEvents })).toBe(expected);
  });
});
