// The one owner of raw stdin (ARCHITECTURE.md §3.1): bytes → decoder → prefix-key router → either
// bytes for the typing pane (batched per chunk) or messages for the deck. The router reads the
// store between events, so "ls⌃dj" types "ls", switches mode, then selects.
import type { Disposable } from '../../common/disposable.js';
import { assertNever } from '../../common/errors.js';
import { PLAIN_PANE_MODES, type PaneModes } from '../../protocol/pane-types.js';
import { createInputDecoder, ESCAPE_TIMEOUT_MS } from '../input/input-decoder.js';
import type { InputEvent } from '../input/input-event.js';
import type { KeyMap } from '../input/key-map.js';
import { routeInput, type RouteContext } from '../input/key-router.js';
import type { DeckLayout } from '../layout/deck-layout.js';
import type { DrawnSelection } from '../painter/pane-painter.js';
import type { PaneScreens } from '../painter/pane-screens.js';
import { rowChars } from '../painter/slice-row.js';
import { selectionRanges, selectionText, type PaneSelection } from '../state/pane-selection.js';
import { typingPane } from '../state/selectors.js';
import type { DeckStore } from './deck-store.js';
import { PointerInterpreter } from './pointer.js';
import { chromeClick } from './chrome-buttons.js';

const PLAIN_MODES: PaneModes = PLAIN_PANE_MODES;

/** Input messages stay well under the daemon's limit; a huge paste goes in several. */
const MAX_INPUT_BYTES = 1024 * 1024;

export interface InputPipelineOptions {
  stdin: NodeJS.ReadStream;
  store: DeckStore;
  keyMap: KeyMap;
  screens: PaneScreens;
  layout(): DeckLayout;
  send(paneId: string, bytes: Buffer): void;
  scroll(paneId: string, to: 'up' | 'down' | 'live', lines?: number): void;
  /** Draws the selection of a drag inside a pane, or clears it (null). */
  select(selection: DrawnSelection | null): void;
  /** Puts text on the clipboard of the outer terminal. */
  copy(text: string): void;
}

export class InputPipeline implements Disposable {
  private readonly decoder = createInputDecoder();
  private readonly pointer = new PointerInterpreter();
  private selected = false;
  private escapeTimer: NodeJS.Timeout | null = null;
  private readonly onData = (chunk: Buffer | string) => {
    this.clearTimer();
    this.handle(this.decoder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
    if (this.decoder.hasIncomplete()) {
      this.escapeTimer = setTimeout(() => {
        this.escapeTimer = null;
        this.handle(this.decoder.flush());
      }, ESCAPE_TIMEOUT_MS);
    }
  };

  constructor(private readonly options: InputPipelineOptions) {
    options.stdin.on('data', this.onData);
  }

  dispose(): void {
    this.clearTimer();
    this.options.stdin.off('data', this.onData);
  }

  private clearTimer(): void {
    if (this.escapeTimer) clearTimeout(this.escapeTimer);
    this.escapeTimer = null;
  }

  private handle(events: InputEvent[]): void {
    const { store } = this.options;
    let batch: { paneId: string; parts: Buffer[] } | null = null;
    const flush = () => {
      if (batch) this.send(batch.paneId, Buffer.concat(batch.parts));
      batch = null;
    };
    for (const event of events) {
      const outcome = routeInput(event, this.context());
      if (outcome.kind === 'forward') {
        if (batch && batch.paneId !== outcome.paneId) flush();
        batch ??= { paneId: outcome.paneId, parts: [] };
        batch.parts.push(outcome.bytes);
        continue;
      }
      flush();
      switch (outcome.kind) {
        case 'action':
          store.dispatch({ type: 'action', action: outcome.action });
          break;
        case 'dialog':
          store.dispatch({ type: 'dialog-input', event: outcome.event });
          break;
        case 'unbound':
          store.dispatch({ type: 'unbound', key: outcome.key });
          break;
        case 'pointer': {
          if (outcome.event.action === 'press') this.clearSelection();
          const state = store.getState();
          const clicked = chromeClick(outcome.event, state, this.options.keyMap, this.options.layout());
          if (clicked) {
            for (const msg of clicked) store.dispatch(msg);
            break;
          }
          const intent = this.pointer.interpret(outcome.event, this.options.layout(), state.dialog !== null);
          if (intent?.type === 'wheel') this.options.scroll(intent.paneId, intent.to, 3);
          else if (intent?.type === 'select-text') this.drawSelection(intent.selection);
          else if (intent?.type === 'copy-text') this.copySelection(intent.selection);
          else if (intent) store.dispatch(intent);
          break;
        }
        case 'ignored':
          break;
        default:
          assertNever(outcome, 'input outcome');
      }
    }
    flush();
  }

  private ranges(selection: PaneSelection) {
    const slot = this.options.layout().panes.find((s) => s.paneId === selection.paneId);
    return slot ? selectionRanges(selection.anchor, selection.head, slot.content.cols) : [];
  }

  private drawSelection(selection: PaneSelection): void {
    this.selected = true;
    this.options.select({ paneId: selection.paneId, ranges: this.ranges(selection) });
  }

  private copySelection(selection: PaneSelection): void {
    const lines = this.options.screens.get(selection.paneId)?.lines ?? [];
    const text = selectionText(this.ranges(selection), lines.map(rowChars));
    if (text.trim() !== '') this.options.copy(text);
  }

  private clearSelection(): void {
    if (!this.selected) return;
    this.selected = false;
    this.options.select(null);
  }

  private send(paneId: string, bytes: Buffer): void {
    this.clearSelection();
    // Typing into a pane that shows its history brings it back to the live screen, as in tmux.
    if (this.options.store.getState().scroll[paneId]) this.options.scroll(paneId, 'live');
    for (let start = 0; start < bytes.length; start += MAX_INPUT_BYTES) {
      this.options.send(paneId, bytes.subarray(start, start + MAX_INPUT_BYTES));
    }
  }

  private context(): RouteContext {
    const state = this.options.store.getState();
    const pane = typingPane(state);
    let target: RouteContext['target'] = null;
    if (pane) {
      const screen = this.options.screens.get(pane.id);
      const slot = this.options.layout().panes.find((s) => s.paneId === pane.id);
      const rect = slot?.content ?? { x: 1, y: 1, cols: screen?.cols ?? 80, rows: screen?.rows ?? 24 };
      target = { paneId: pane.id, modes: screen?.modes ?? PLAIN_MODES, rect };
    }
    return { mode: state.mode, keyMap: this.options.keyMap, dialogOpen: state.dialog !== null, target };
  }
}
