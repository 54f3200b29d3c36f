// The prefix-key machine: decides what each input event means given the deck's mode. In TYPING
// mode everything goes to the focused pane byte-exact (re-encoded for its modes) except the few
// intercepted chords; in COMMAND mode keys become actions; an open dialog takes every key.
import type { PaneModes } from '../../protocol/pane-types.js';
import type { InputEvent, KeyEvent, MouseEvent, PasteEvent } from './input-event.js';
import type { KeyMap, TuiAction } from './key-map.js';
import { encodeForPane, type PaneRect } from './pane-encoding.js';

/** The deck's own mode: TYPING sends keys to the focused pane, COMMAND makes them deck actions. */
export type DeckMode = 'command' | 'typing';

export interface RouteTarget {
  paneId: string;
  modes: PaneModes;
  rect: PaneRect;
}

export interface RouteContext {
  mode: DeckMode;
  keyMap: KeyMap;
  dialogOpen: boolean;
  /** The pane that typing goes to, or null when none is on screen. */
  target: RouteTarget | null;
}

export type RouteOutcome =
  | { kind: 'forward'; paneId: string; bytes: Buffer }
  | { kind: 'action'; action: TuiAction }
  | { kind: 'dialog'; event: KeyEvent | PasteEvent }
  /** A mouse event for the chrome (cards, tabs, wheel over a pane): hit-tested by the caller. */
  | { kind: 'pointer'; event: MouseEvent }
  | { kind: 'unbound'; key: string }
  | { kind: 'ignored' };

const IGNORED: RouteOutcome = { kind: 'ignored' };

export function routeInput(event: InputEvent, ctx: RouteContext): RouteOutcome {
  if (ctx.dialogOpen) return routeToDialog(event);
  return ctx.mode === 'typing' ? routeTyping(event, ctx) : routeCommand(event, ctx);
}

function routeToDialog(event: InputEvent): RouteOutcome {
  if (event.kind === 'key' || event.kind === 'paste') return { kind: 'dialog', event };
  if (event.kind === 'mouse') return { kind: 'pointer', event };
  return IGNORED;
}

function routeTyping(event: InputEvent, ctx: RouteContext): RouteOutcome {
  if (event.kind === 'key') {
    const action = ctx.keyMap.typing.get(event.key);
    if (action) return { kind: 'action', action };
  }
  // Shift with the left button selects text even over a program that reads the mouse, as in
  // terminals (the program never sees the shifted press, drag or release).
  if (event.kind === 'mouse' && event.shift && event.button === 0 && event.action !== 'move') return { kind: 'pointer', event };
  const target = ctx.target;
  if (!target) return event.kind === 'mouse' ? { kind: 'pointer', event } : IGNORED;
  const bytes = encodeForPane(event, target.modes, target.rect);
  if (bytes) return { kind: 'forward', paneId: target.paneId, bytes };
  // A click the pane did not ask for (or outside it) is for the chrome.
  return event.kind === 'mouse' ? { kind: 'pointer', event } : IGNORED;
}

function routeCommand(event: InputEvent, ctx: RouteContext): RouteOutcome {
  switch (event.kind) {
    case 'key': {
      const action = ctx.keyMap.command.get(event.key);
      return action ? { kind: 'action', action } : { kind: 'unbound', key: event.key };
    }
    case 'mouse':
      return { kind: 'pointer', event };
    case 'paste':
    case 'focus':
      return IGNORED;
  }
}
