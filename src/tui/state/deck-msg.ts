// What can happen to the deck (messages into the reducer) and what the reducer asks the outside
// world to do (effects, run by the controller that owns the daemon connection).
import type { PaneInfo } from '../../protocol/messages.js';
import type { KeyEvent, PasteEvent } from '../input/input-event.js';
import type { TuiAction } from '../input/key-map.js';
import type { DeckState, LinkStatus, MessageTone } from './deck-state.js';

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
  | { type: 'dir-inspected'; dir: string; notes: readonly string[]; orchestrations?: readonly string[]; offerConfigGen?: boolean }
  /** Whether the start directory lacks a project file (and has no "Never"): null when it needs no hint. */
  | { type: 'config-hint'; dir: string | null }
  /** The daemon answered a `timeline` request. */
  | { type: 'timeline-loaded'; tab: string; lines: readonly string[]; error: string | null; summary?: readonly string[] }
  /** The connection to the daemon dropped, is being retried, or is back. */
  | { type: 'link'; status: LinkStatus }
  /** The daemon refused this deck's protocol version; `panes`: the names in its session file. */
  | { type: 'daemon-refused'; message: string; panes: readonly string[] | null }
  /** Stopping the refusing daemon (or starting the new one) failed. */
  | { type: 'daemon-restart-failed'; error: string };

export type Effect =
  | { type: 'detach' }
  | { type: 'stop-all' }
  | { type: 'kill'; paneId: string }
  | { type: 'rename'; paneId: string; name: string }
  | { type: 'scroll'; paneId: string; to: 'up' | 'down' | 'live' }
  | { type: 'send-prefix'; paneId: string }
  /** Answer the prompt the pane's agent shows (the daemon sends that agent's keys). */
  | { type: 'answer'; paneId: string; answer: 'yes' | 'no' }
  | { type: 'list-dir'; dir: string }
  | { type: 'inspect-dir'; dir: string }
  | { type: 'create-pane'; cwd: string; name: string; command: string }
  /** Open an orchestration of the directory's project file: one pane per role, in a new tab. */
  | { type: 'open-orchestration'; cwd: string; orchestration: string }
  | { type: 'load-timeline'; tab: string }
  /** Ask the pane's agent to write the project file (the daemon writes the prompt and types the line). */
  | { type: 'generate-config'; paneId: string }
  /** Remember "Never" for the directory. */
  | { type: 'config-gen-never'; dir: string }
  /** Stop the daemon that refuses this version (keeping its session) and connect to a new one. */
  | { type: 'restart-daemon' }
  /** Leave the refusing daemon running and quit. */
  | { type: 'keep-daemon'; message: string };

export interface Update {
  state: DeckState;
  effects: Effect[];
}
