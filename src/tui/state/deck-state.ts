// The TUI's own state (ARCHITECTURE.md §4: focus, layout, dialogs, scroll offsets live in the TUI):
// the daemon's pane list as last received, and everything the user chose on top of it.
import type { PaneInfo } from '../../protocol/messages.js';
import type { DeckMode } from '../input/key-router.js';
import type { NewPaneDialog } from './dialogs/new-pane-dialog.js';
import type { SchedulesDialog } from './dialogs/schedules-dialog.js';
import type { TextField } from './text-field.js';

export type Layout = 'stacked' | 'tiled';

export type MessageTone = 'info' | 'warn' | 'error';

export interface DeckMessage {
  text: string;
  tone: MessageTone;
  /** Increases with every message, so a timer clears only the message it was set for. */
  id: number;
}

export type QuitChoice = 'detach' | 'stop' | 'cancel';
export const QUIT_CHOICES: readonly QuitChoice[] = ['detach', 'stop', 'cancel'];

/** Ctrl+d g: ask the agent to write the project file; Never remembers the directory. */
export type ConfigGenChoice = 'yes' | 'no' | 'never';
export const CONFIG_GEN_CHOICES: readonly ConfigGenChoice[] = ['yes', 'no', 'never'];

/** The running daemon refuses this deck's version: restart it (its panes come back) or leave it. */
export type MismatchChoice = 'restart' | 'quit';
export const MISMATCH_CHOICES: readonly MismatchChoice[] = ['restart', 'quit'];

/** How the deck stands with the daemon; while it is not up, the screen shows the last frames. */
export type LinkStatus =
  | { kind: 'up' }
  /** `attempt`: the try under way; `error`: why the previous one failed. */
  | { kind: 'reconnecting'; attempt: number; downForMs: number; error: string | null; host?: string }
  /** A daemon of another protocol version answers (the mismatch dialog says what to do). */
  | { kind: 'refused' };

/** How one host's daemon stands, as its cards and tabs show it. */
export type HostLink =
  | LinkStatus
  /** Gave up reconnecting (the deck keeps the other hosts). */
  | { kind: 'lost'; message: string }
  /** Its daemon was stopped (by this deck's Stop all or elsewhere): its panes are gone. */
  | { kind: 'stopped' };

export interface DeckHost {
  name: string;
  link: HostLink;
  /** A remote's project directory (`remote add --dir`): where Ctrl+n opens a pane there. */
  dir: string | null;
}

export type Dialog =
  /** `confirmStop`: Stop all was chosen and is asked once more (choice is then stop or cancel). */
  | { kind: 'quit'; choice: QuitChoice; confirmStop?: boolean }
  /** With `tab`, the whole tab closes: every pane of `paneIds` (the tab's panes when it opened). */
  | { kind: 'close'; paneId: string; confirm: boolean; tab?: string; paneIds?: readonly string[] }
  | { kind: 'rename'; paneId: string; field: TextField }
  | { kind: 'help' }
  | { kind: 'filter'; field: TextField }
  /** The journal of an orchestration tab; lines are null while they load. */
  /** `summary`: the morning report's top for the tab, shown above the steps. */
  | { kind: 'timeline'; tab: string; lines: readonly string[] | null; error: string | null; summary?: readonly string[] }
  | { kind: 'generate-config'; paneId: string; dir: string; choice: ConfigGenChoice }
  /**
   * The daemon refused the handshake (another protocol version). `panes`: the names in its
   * session file (null when it cannot be read); `restarting` while the old daemon stops and a
   * new one restores; `error` when that failed.
   */
  | { kind: 'daemon-mismatch'; message: string; panes: readonly string[] | null; choice: MismatchChoice; restarting: boolean; error: string | null }
  | NewPaneDialog
  | SchedulesDialog;

export interface DeckState {
  /** Whether the daemon is connected; the panes below are its last list either way. */
  link: LinkStatus;
  /** Panes in the daemon's order. */
  panes: readonly PaneInfo[];
  /** False until the first pane list arrived, so the empty state is not flashed at start. */
  loaded: boolean;
  /** The current tab: null is the Dashboard, otherwise a pane's `tab`. */
  tab: string | null;
  /** Selected pane per tab (key: tab name, "" for the Dashboard). */
  selection: Readonly<Record<string, string>>;
  mode: DeckMode;
  layout: Layout;
  /** Cards whose name, command or directory contain this text (case-insensitive). */
  filter: string;
  dialog: Dialog | null;
  message: DeckMessage | null;
  /** How many messages were ever shown: the next message's id. */
  messageCount: number;
  /** Lines scrolled back per pane, as the daemon last answered (absent = live). */
  scroll: Readonly<Record<string, number>>;
  /** Where the deck was started: the directory picker opens here. */
  cwd: string;
  /** `default_command` from config.toml, which always prefills the new-pane form. */
  defaultCommand: string | null;
  /** Otherwise the form offers the last command used (at start: the user's shell). */
  lastCommand: string;
  /** The start directory when it has no project file and no "Never": the empty dashboard hints at ctrl+d g. */
  configHintDir: string | null;
  /** The daemons of a deck over several hosts (`--hosts`), in their order; empty for one daemon,
   *  whose ids are then unqualified (state/hosts.ts). */
  hosts: readonly DeckHost[];
}

export const initialDeckState: DeckState = {
  link: { kind: 'up' },
  panes: [],
  loaded: false,
  tab: null,
  selection: {},
  mode: 'command',
  layout: 'stacked',
  filter: '',
  dialog: null,
  message: null,
  messageCount: 0,
  scroll: {},
  cwd: '/',
  defaultCommand: null,
  lastCommand: 'bash',
  configHintDir: null,
  hosts: [],
};

export const tabKey = (tab: string | null): string => tab ?? '';
