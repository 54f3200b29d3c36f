// Mouse on the chrome: what is under the pointer, and what a click or the wheel there means.
import { assertNever } from '../../common/errors.js';
import type { MouseEvent } from '../input/input-event.js';
import type { DeckLayout, Rect } from '../layout/deck-layout.js';
import type { DeckMsg } from '../state/deck-msg.js';
import { cellInPane, type CellPoint, type PaneSelection } from '../state/pane-selection.js';

export type Hit = { kind: 'card'; paneId: string } | { kind: 'tab'; tab: string | null } | { kind: 'pane'; paneId: string };

const within = (rect: Rect, x: number, y: number) => x >= rect.x && x < rect.x + rect.cols && y >= rect.y && y < rect.y + rect.rows;

export function hitTest(layout: DeckLayout, x: number, y: number): Hit | null {
  if (layout.dialog && within(layout.dialog, x, y)) return null;
  const card = layout.cards.find((slot) => within(slot.rect, x, y));
  if (card) return { kind: 'card', paneId: card.paneId };
  const tab = layout.tabs.find((slot) => within(slot.rect, x, y));
  if (tab && layout.tabBar) return { kind: 'tab', tab: tab.tab };
  const pane = layout.panes.find((slot) => within(slot.content, x, y) || within(slot.title, x, y));
  if (pane) return { kind: 'pane', paneId: pane.paneId };
  return null;
}

/** 400 ms: the usual double-click interval of desktop systems. */
const DOUBLE_CLICK_MS = 400;

export type PointerIntent =
  | DeckMsg
  | { type: 'wheel'; paneId: string; to: 'up' | 'down' }
  /** A drag inside a pane moved: draw this selection. */
  | { type: 'select-text'; selection: PaneSelection }
  /** The drag ended: copy what it selected. */
  | { type: 'copy-text'; selection: PaneSelection }
  | null;

/** Turns mouse events on the chrome into deck messages; remembers the last click for doubles
 *  and the press a drag inside a pane started from. */
export class PointerInterpreter {
  private lastClick: { paneId: string; at: number } | null = null;
  private drag: { paneId: string; rect: Rect; anchor: CellPoint; head: CellPoint | null } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  interpret(event: MouseEvent, layout: DeckLayout, dialogOpen: boolean): PointerIntent {
    if (dialogOpen) {
      this.drag = null;
      return null;
    }
    const dragged = this.dragStep(event);
    if (dragged !== undefined) return dragged;
    const hit = hitTest(layout, event.x, event.y);
    if (!hit) return null;
    if (event.action === 'wheel') {
      if (hit.kind !== 'pane' || event.button > 65) return null;
      return { type: 'wheel', paneId: hit.paneId, to: event.button === 64 ? 'up' : 'down' };
    }
    if (event.action !== 'press' || event.button !== 0) return null;
    switch (hit.kind) {
      case 'tab':
        return { type: 'switch-tab', tab: hit.tab };
      case 'pane': {
        const slot = layout.panes.find((p) => p.paneId === hit.paneId);
        if (slot && within(slot.content, event.x, event.y)) {
          this.drag = { paneId: hit.paneId, rect: slot.content, anchor: cellInPane(slot.content, event.x, event.y), head: null };
        }
        return { type: 'focus', paneId: hit.paneId };
      }
      case 'card': {
        const at = this.now();
        const double = this.lastClick?.paneId === hit.paneId && at - this.lastClick.at <= DOUBLE_CLICK_MS;
        this.lastClick = double ? null : { paneId: hit.paneId, at };
        return { type: double ? 'focus' : 'select', paneId: hit.paneId };
      }
      default:
        return assertNever(hit, 'hit');
    }
  }

  /** A left-button drag or release after a press inside a pane; undefined for anything else. */
  private dragStep(event: MouseEvent): PointerIntent | undefined {
    const drag = this.drag;
    if (!drag || event.button !== 0 || (event.action !== 'drag' && event.action !== 'release')) {
      if (event.action === 'press') this.drag = null;
      return undefined;
    }
    if (event.action === 'drag') {
      drag.head = cellInPane(drag.rect, event.x, event.y);
      return { type: 'select-text', selection: { paneId: drag.paneId, anchor: drag.anchor, head: drag.head } };
    }
    this.drag = null;
    // A press and release without a drag is a click, which selects nothing.
    return drag.head ? { type: 'copy-text', selection: { paneId: drag.paneId, anchor: drag.anchor, head: drag.head } } : null;
  }
}
