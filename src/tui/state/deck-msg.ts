// What can happen to the deck (messages into the reducer) and what the reducer asks the outside
// world to do (effects, run by the controller that owns the daemon connection).
import type { PaneInfo, ScheduleView } from '../../protocol/messages.js';
import type { KeyEvent, PasteEvent } from '../input/input-event.js';
import type { TuiAction } from '../input/key-map.js';
import type { DeckState, HostLink, LinkStatus, MessageTone } from './deck-state.js';
import type { Effect } from './effect.js';

export type { Effect } from './effect.js';

export type DeckMsg =
  | { type: 'panes'; panes: readonly PaneInfo[] }
  | { type: 'action'; action: TuiAction }
  | { type: 'dialog-input'; event: KeyEvent | PasteEvent }
  | { type: 'unbound'; key: string }
  | { type: 'message'; text: string; tone: MessageTone }
  | { type: 'clear-message'; id: number }
  /** A click on a card. */
  | { type: 'select'; paneId: string }
  /** A double click on a card or a click into a pane: select it and type into it. */
  | { type: 'focus'; paneId: string }
  | { type: 'switch-tab'; tab: string | null }
  | { type: 'scrolled'; paneId: string; offset: number }
  /** The daemon answered a `new` request: show and type into the new pane. */
  | { type: 'pane-created'; pane: PaneInfo }
  /** Answers to the new-pane flow's effects. */
  | { type: 'dir-listed'; dir: string; entries: readonly string[]; error: string | null }
  | {
      type: 'dir-inspected';
      dir: string;
      notes: readonly string[];
      orchestrations?: readonly string[];
      /** The `[[modes]]` of the directory's project file. */
      modes?: readonly string[];
      /** The agent CLIs found on PATH, for the form's Agent field. */
      agents?: readonly string[];
      defaultOrchestration?: string | null;
      offerConfigGen?: boolean;
    }
  /** Whether the start directory lacks a project file (and has no "Never"): null when it needs no hint. */
  | { type: 'config-hint'; dir: string | null }
  /** The daemon answered a `timeline` request. */
  /** The daemon's schedules, with what the last schedule request did (or why it failed). */
  | { type: 'schedules-loaded'; items: readonly ScheduleView[]; note: string | null }
  /** The daemon's answer to the manager's form: null saved, else its sentence for why not. */
  | { type: 'schedule-saved'; error: string | null }
  | { type: 'timeline-loaded'; tab: string; lines: readonly string[]; error: string | null; summary?: readonly string[] }
  /** The connection to the daemon dropped, is being retried, or is back. */
  | { type: 'link'; status: LinkStatus }
  /** On a deck over several hosts: one host's daemon dropped, is retried, is back, or was stopped. */
  | { type: 'host-link'; host: string; status: HostLink }
  /** The daemon refused this deck's protocol version; `panes`: the names in its session file. */
  | { type: 'daemon-refused'; message: string; panes: readonly string[] | null }
  /** Stopping the refusing daemon (or starting the new one) failed. */
  | { type: 'daemon-restart-failed'; error: string };

export interface Update {
  state: DeckState;
  effects: Effect[];
}
