import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYBINDINGS } from '../../../../src/config/keybindings.js';
import { buildKeyMap } from '../../../../src/tui/input/key-map.js';
import { routeInput, type RouteContext, type RouteOutcome } from '../../../../src/tui/input/key-router.js';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import { modes } from './modes.js';

const keyMap = buildKeyMap(DEFAULT_KEYBINDINGS);
const target = { paneId: 'p1', modes: modes({ applicationCursor: true, mouseTracking: 'vt200', mouseSgr: true }), rect: { x: 31, y: 3, cols: 80, rows: 20 } };

const typing: RouteContext = { mode: 'typing', keyMap, dialogOpen: false, target };
const command: RouteContext = { ...typing, mode: 'command' };
const dialog: RouteContext = { ...command, dialogOpen: true };
const noPane: RouteContext = { ...typing, target: null };

/** Outcomes as short strings: forward:<bytes>, action:<name>, dialog:<kind>, pointer, unbound:<key>, ignored. */
function route(input: string, ctx: RouteContext): string {
  const [event] = parseInput(Buffer.from(input, 'utf8'), { flush: true }).events;
  const outcome: RouteOutcome = routeInput(event!, ctx);
  switch (outcome.kind) {
    case 'forward':
      return `forward:${outcome.paneId}:${JSON.stringify(outcome.bytes.toString('utf8'))}`;
    case 'action':
      return `action:${outcome.action}`;
    case 'dialog':
      return `dialog:${outcome.event.kind}`;
    case 'pointer':
      return 'pointer';
    case 'unbound':
      return `unbound:${outcome.key}`;
    case 'ignored':
      return 'ignored';
  }
}

describe('routeInput', () => {
  it.each<[string, string, RouteContext, string]>([
    ['typing: a letter goes to the pane', 'j', typing, 'forward:p1:"j"'],
    ['typing: ctrl+c goes to the pane', '\x03', typing, 'forward:p1:"\\u0003"'],
    ['typing: escape goes to the pane', '\x1b', typing, 'forward:p1:"\\u001b"'],
    ['typing: ctrl+n goes to the pane (shell history)', '\x0e', typing, 'forward:p1:"\\u000e"'],
    ['typing: ctrl+t goes to the pane', '\x14', typing, 'forward:p1:"\\u0014"'],
    ['typing: the prefix switches mode', '\x04', typing, 'action:toggle_mode'],
    ['typing: ctrl+pageup switches tab', '\x1b[5;5~', typing, 'action:prev_tab'],
    ['typing: ctrl+pagedown switches tab', '\x1b[6;5~', typing, 'action:next_tab'],
    ['typing: pageup goes to the pane', '\x1b[5~', typing, 'forward:p1:"\\u001b[5~"'],
    ['typing: up is re-encoded for the pane', '\x1b[A', typing, 'forward:p1:"\\u001bOA"'],
    ['typing: a paste holding the prefix goes whole', '\x1b[200~a\x04b\x1b[201~', typing, 'forward:p1:"a\\u0004b"'],
    ['typing: a click in the pane goes to the pane', '\x1b[<0;40;5M', typing, 'forward:p1:"\\u001b[<0;10;3M"'],
    ['typing: a click on the chrome is a pointer event', '\x1b[<0;5;5M', typing, 'pointer'],
    ['typing: a Shift+click in a pane that reads the mouse selects (pointer)', '\x1b[<4;40;5M', typing, 'pointer'],
    ['typing: a Shift+drag there selects too', '\x1b[<36;42;5M', typing, 'pointer'],
    ['typing: a Shift+wheel still goes to the pane', '\x1b[<68;40;5M', typing, 'forward:p1:"\\u001b[<68;10;3M"'],
    ['typing: focus for a pane that did not ask', '\x1b[I', typing, 'ignored'],
    ['typing without a pane: keys go nowhere', 'j', noPane, 'ignored'],
    ['typing without a pane: the prefix still works', '\x04', noPane, 'action:toggle_mode'],
    ['command: j selects', 'j', command, 'action:select_next'],
    ['command: down selects', '\x1b[B', command, 'action:select_next'],
    ['command: up selects', '\x1bOA', command, 'action:select_prev'],
    ['command: 3 focuses pane 3', '3', command, 'action:focus_3'],
    ['command: enter types into the selection', '\r', command, 'action:focus_selected'],
    ['command: tab is the next tab', '\t', command, 'action:next_tab'],
    ['command: shift+tab is the previous tab', '\x1b[Z', command, 'action:prev_tab'],
    ['command: ctrl+c asks to quit', '\x03', command, 'action:quit'],
    ['command: ctrl+w closes', '\x17', command, 'action:close_pane'],
    ['command: ? helps', '?', command, 'action:help'],
    ['command: the prefix returns to typing', '\x04', command, 'action:toggle_mode'],
    ['command: d sends the prefix', 'd', command, 'action:send_prefix'],
    ['command: an unbound key', 'x', command, 'unbound:x'],
    ['command: a paste is ignored', '\x1b[200~a\x1b[201~', command, 'ignored'],
    ['command: a click is a pointer event', '\x1b[<0;40;5M', command, 'pointer'],
    ['dialog: a letter goes to the dialog', 'j', dialog, 'dialog:key'],
    ['dialog: the prefix goes to the dialog', '\x04', dialog, 'dialog:key'],
    ['dialog: a paste goes to the dialog', '\x1b[200~a\x1b[201~', dialog, 'dialog:paste'],
    ['dialog: focus is ignored', '\x1b[O', dialog, 'ignored'],
  ])('%s', (_name, input, ctx, expected) => {
    expect(route(input, ctx)).toBe(expected);
  });
});
