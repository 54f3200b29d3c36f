// The deck's reducer: (state, message) → (state, effects). Pure, so every behaviour of the deck's
// keys and dialogs is a row in a table test; the controller runs the effects against the daemon.
import { assertNever } from '../../common/errors.js';
import type { PaneInfo } from '../../protocol/messages.js';
import type { KeyEvent, PasteEvent } from '../input/input-event.js';
import type { KeyMap, PaneNumber, TuiAction } from '../input/key-map.js';
import { tabKey, type DeckState, type Dialog, type HostLink, type LinkStatus, type MessageTone } from './deck-state.js';
import type { DeckMsg, Effect, Update } from './deck-msg.js';
import { closeDialogKey } from './dialogs/close-dialog.js';
import { configGenDialogKey, openConfigGen } from './dialogs/config-gen-dialog.js';
import { dirInspected, dirListed, newPaneInput, openNewPane } from './dialogs/new-pane-dialog.js';
import { mismatchDialogKey, mismatchRestartFailed, openMismatch } from './dialogs/mismatch-dialog.js';
import { quitDialogKey } from './dialogs/quit-dialog.js';
import { filterDialogInput, renameDialogInput } from './dialogs/text-dialogs.js';
import { openTimeline, timelineLoaded } from './dialogs/timeline-dialog.js';
import { backToAgent } from './mode-focus.js';
import { openSchedules, scheduleSaved, schedulesDirListed, schedulesInput, schedulesLoaded } from './dialogs/schedules-dialog.js';
import { cardsOf, matchesFilter, panesInTab, selectedPane, tabsOf } from './selectors.js';
import { emptyField } from './text-field.js';
import { statusLabel } from '../view/status-label.js';
import { nextWaiting } from './needs-you.js';
import { closeTabDialog } from './dialogs/close-dialog.js';
import { defaultHostFor, hostOf, LOCAL_HOST } from './hosts.js';

/** How the reducer names keys in its messages ("press ctrl+n"); from the active key map. */
export type KeyNamer = Pick<KeyMap, 'keysOf'>;

const done = (state: DeckState, effects: Effect[] = []): Update => ({ state, effects });

export function withMessage(state: DeckState, text: string, tone: MessageTone = 'info'): DeckState {
  const id = state.messageCount + 1;
  return { ...state, message: { text, tone, id }, messageCount: id };
}

export function update(state: DeckState, msg: DeckMsg, keys: KeyNamer): Update {
  switch (msg.type) {
    case 'panes':
      return done(applyPanes(state, msg.panes));
    case 'action':
      return runAction(state, msg.action, keys);
    case 'dialog-input':
      return dialogInput(state, msg.event);
    case 'unbound':
      if (msg.key === 'unknown') return done(state);
      return done(withMessage(state, `${msg.key} does nothing here; ${keyOf(keys, 'help')} lists the keys`));
    case 'message':
      return done(withMessage(state, msg.text, msg.tone));
    case 'clear-message':
      return done(state.message?.id === msg.id ? { ...state, message: null } : state);
    case 'select':
      return done(select(state, msg.paneId));
    case 'focus': {
      const pane = state.panes.find((p) => p.id === msg.paneId);
      return pane ? typeInto(state, pane) : done(state);
    }
    case 'switch-tab':
      return done(switchTab(state, msg.tab));
    case 'scrolled': {
      const { [msg.paneId]: _previous, ...rest } = state.scroll;
      return done({ ...state, scroll: msg.offset > 0 ? { ...rest, [msg.paneId]: msg.offset } : rest });
    }
    case 'pane-created': {
      const panes = state.panes.some((p) => p.id === msg.pane.id) ? state.panes : [...state.panes, msg.pane];
      const next = { ...state, panes, loaded: true, tab: msg.pane.tab, filter: '' };
      return done({ ...next, selection: { ...next.selection, [tabKey(msg.pane.tab)]: msg.pane.id }, mode: 'typing' });
    }
    case 'dir-listed':
      if (state.dialog?.kind === 'schedules') return done({ ...state, dialog: schedulesDirListed(state.dialog, msg.dir, msg.entries, msg.error) });
      if (state.dialog?.kind !== 'new-pane') return done(state);
      return done({ ...state, dialog: dirListed(state.dialog, msg.dir, msg.entries, msg.error) });
    case 'dir-inspected': {
      if (state.dialog?.kind !== 'new-pane') return done(state);
      const notes = msg.offerConfigGen ? [...msg.notes, configGenHint(keys)] : msg.notes;
      return done({
        ...state,
        dialog: dirInspected(state.dialog, msg.dir, notes, msg.orchestrations, msg.defaultOrchestration ?? null, {
          ...(msg.modes ? { modes: msg.modes } : {}),
          ...(msg.agents ? { agents: msg.agents } : {}),
        }),
      });
    }
    case 'config-hint':
      return done({ ...state, configHintDir: msg.dir });
    case 'timeline-loaded':
      return done({ ...state, dialog: timelineLoaded(state.dialog, msg.tab, msg.lines, msg.error, msg.summary) });
    case 'schedules-loaded':
      return done({ ...state, dialog: schedulesLoaded(state.dialog, msg.items, msg.note) });
    case 'schedule-saved':
      return done({ ...state, dialog: scheduleSaved(state.dialog, msg.error) });
    case 'link':
      return done(linkChanged(state, msg.status));
    case 'host-link':
      return done(hostLinkChanged(state, msg.host, msg.status));
    case 'daemon-refused':
      // Replaces any dialog: nothing else the deck could ask makes sense without a daemon.
      return done({ ...state, link: { kind: 'refused' }, dialog: openMismatch(msg.message, msg.panes) });
    case 'daemon-restart-failed':
      return done({ ...state, dialog: mismatchRestartFailed(state.dialog, msg.error) });
    default:
      return assertNever(msg, 'deck message');
  }
}

/** The daemon went away, is retried, or is back; the pane list (sent before "up") is already new. */
function linkChanged(state: DeckState, status: LinkStatus): DeckState {
  if (status.kind !== 'up') return { ...state, link: status };
  const panes = `${state.panes.length} pane${state.panes.length === 1 ? '' : 's'}`;
  const next: DeckState = { ...state, link: status };
  // The restart chosen in the mismatch dialog went through the same reconnect.
  if (state.dialog?.kind === 'daemon-mismatch') return withMessage({ ...next, dialog: null }, `Restarted the daemon with this version: ${panes} restored`);
  if (state.link.kind !== 'up') return withMessage(next, `Reconnected to the daemon (${panes})`);
  return next;
}

/** One host of several dropped, is retried, came back or stopped: its cards grey out or return;
 *  the other hosts are left alone. Said once per change, not on every retry. */
function hostLinkChanged(state: DeckState, name: string, status: HostLink): DeckState {
  const host = state.hosts.find((candidate) => candidate.name === name);
  if (!host) return state;
  const next: DeckState = { ...state, hosts: state.hosts.map((candidate) => (candidate === host ? { ...host, link: status } : candidate)) };
  if (status.kind === host.link.kind) return next;
  switch (status.kind) {
    case 'up': {
      const count = next.panes.filter((pane) => hostOf(next, pane.id)?.name === name).length;
      return withMessage(next, `Reconnected to ${name} (${count} pane${count === 1 ? '' : 's'})`);
    }
    case 'reconnecting':
      return withMessage(next, `Lost the link to ${name}, reconnecting…; its cards show their last state, the other hosts carry on`, 'warn');
    case 'refused':
      return withMessage(
        next,
        name === LOCAL_HOST
          ? "This machine's daemon is of another version: run `dot-agent-deck daemon restart` in a shell"
          : `The deck on ${name} is of another version: run \`dot-agent-deck remote upgrade ${name}\` in a shell`,
        'error',
      );
    case 'lost':
      return withMessage(next, `Gave up reconnecting to ${name}: ${status.message}`, 'error');
    case 'stopped':
      return withMessage(next, `The daemon on ${name} was stopped; its panes are gone`, 'warn');
    default:
      return assertNever(status, 'host link');
  }
}

function keyOf(keys: KeyNamer, action: TuiAction): string {
  return keys.keysOf(action)[0] ?? `(no key for ${action})`;
}

/** The new-pane form's note for a directory without a project file (and no "Never" there). */
export function configGenHint(keys: KeyNamer): string {
  return `no .dot-agent-deck.toml here: once your agent runs, ${keyOf(keys, 'toggle_mode')} ${keyOf(keys, 'generate_config')} asks it to write one`;
}

/** A new pane list: keep selections where the pane survived, otherwise the card at its place. */
function applyPanes(state: DeckState, panes: readonly PaneInfo[]): DeckState {
  const alive = new Set(panes.map((pane) => pane.id));
  const selection: Record<string, string> = {};
  for (const [key, id] of Object.entries(state.selection)) {
    const tab = key === '' ? null : key;
    const after = panesInTab(panes, tab).filter((pane) => matchesFilter(pane, state.filter));
    if (alive.has(id)) selection[key] = id;
    else {
      const before = panesInTab(state.panes, tab).filter((pane) => matchesFilter(pane, state.filter));
      const index = Math.max(
        0,
        before.findIndex((pane) => pane.id === id),
      );
      const replacement = after[Math.min(index, after.length - 1)];
      if (replacement) selection[key] = replacement.id;
    }
  }
  const tab = state.tab !== null && !panes.some((pane) => pane.tab === state.tab) ? null : state.tab;
  const scroll = Object.fromEntries(Object.entries(state.scroll).filter(([id]) => alive.has(id)));
  let next: DeckState = { ...state, panes, loaded: true, selection, tab, scroll };
  const dialog = state.dialog;
  if (dialog && (dialog.kind === 'close' || dialog.kind === 'rename') && !alive.has(dialog.paneId)) next = { ...next, dialog: null };
  if (next.mode === 'typing') {
    const typed = selectedPane(next);
    if (!typed) next = { ...next, mode: 'command' };
    else if (typed.state !== 'running' && selectedPane(state)?.state === 'running') {
      // The program we were typing into ended: keys would go nowhere, so hand them to the deck.
      next = withMessage({ ...next, mode: 'command' }, `${typed.name} ${statusLabel(typed).word}`);
    }
  }
  return next;
}

function select(state: DeckState, paneId: string): DeckState {
  const pane = state.panes.find((p) => p.id === paneId);
  if (!pane) return state;
  return { ...state, tab: pane.tab, selection: { ...state.selection, [tabKey(pane.tab)]: pane.id } };
}

function switchTab(state: DeckState, tab: string | null): DeckState {
  const next = { ...state, tab, filter: '' };
  return next.mode === 'typing' && !selectedPane(next) ? { ...next, mode: 'command' } : next;
}

function runAction(state: DeckState, action: TuiAction, keys: KeyNamer): Update {
  const selected = selectedPane(state);
  const needPane = (): Update => done(withMessage(state, `No pane here yet: ${keyOf(keys, 'new_pane')} opens one`));
  if (isFocusNumber(action)) {
    const n = Number(action.slice('focus_'.length));
    const pane = cardsOf(state)[n - 1];
    if (!pane) return done(withMessage(state, `There is no card ${n} in this tab`));
    return done({ ...select(state, pane.id), mode: 'typing' });
  }
  switch (action) {
    case 'toggle_mode':
      if (state.mode === 'typing') return done({ ...state, mode: 'command' });
      return selected ? typeInto(state, selected) : needPane();
    case 'focus_selected':
      return selected ? typeInto(state, selected) : needPane();
    case 'select_next':
    case 'select_prev':
      return done(moveSelection(state, action === 'select_next' ? 1 : -1));
    case 'prev_tab':
    case 'next_tab':
      return done(cycleTab(state, action === 'next_tab' ? 1 : -1));
    case 'toggle_layout':
      return done({ ...state, layout: state.layout === 'stacked' ? 'tiled' : 'stacked' });
    case 'close_pane':
      if (state.tab !== null) return openDialog(state, closeTabDialog(state, state.tab));
      return selected ? openDialog(state, { kind: 'close', paneId: selected.id, confirm: false }) : needPane();
    case 'rename_pane':
      return selected ? openDialog(state, { kind: 'rename', paneId: selected.id, field: emptyField(selected.name) }) : needPane();
    case 'filter':
      return openDialog(state, { kind: 'filter', field: emptyField(state.filter) });
    case 'scroll_up':
    case 'scroll_down':
      return selected ? done(state, [{ type: 'scroll', paneId: selected.id, to: action === 'scroll_up' ? 'up' : 'down' }]) : needPane();
    case 'help':
      return openDialog(state, { kind: 'help' });
    case 'quit':
      return openDialog(state, { kind: 'quit', choice: 'detach' });
    case 'new_pane': {
      const host = defaultHostFor(state, selected?.id ?? null);
      const hosts = state.hosts.map(({ name, dir }) => ({ name, dir }));
      const step = openNewPane(
        state.cwd,
        state.hosts.length > 0
          ? {
              hosts,
              index: Math.max(
                0,
                hosts.findIndex((h) => h.name === host),
              ),
            }
          : undefined,
      );
      return done({ ...state, dialog: step.dialog }, step.effects);
    }
    case 'send_prefix':
      return selected ? done({ ...state, mode: 'typing' }, [{ type: 'send-prefix', paneId: selected.id }]) : needPane();
    case 'cancel': {
      if (state.filter !== '') return done({ ...state, filter: '' });
      const agent = backToAgent(state);
      if (agent) return done(agent);
      return done({ ...state, message: null });
    }
    case 'answer_yes':
    case 'answer_no':
      if (!selected) return needPane();
      if (selected.status.kind !== 'needs-input') return done(withMessage(state, `${selected.name} is not waiting for an answer`));
      return done(state, [{ type: 'answer', paneId: selected.id, answer: action === 'answer_yes' ? 'yes' : 'no' }]);
    case 'generate_config':
      if (!selected) return needPane();
      if (selected.state !== 'running') return done(withMessage(state, `${selected.name} is not running: start your agent in a pane first`));
      return openDialog(state, openConfigGen(selected));
    case 'next_waiting': {
      const next = nextWaiting(state);
      return next === null
        ? done(withMessage(state, 'No pane needs you'))
        : typeInto({ ...state, filter: matchesFilter(next, state.filter) ? state.filter : '' }, next);
    }
    case 'timeline': {
      const opened = openTimeline(state);
      return 'message' in opened ? done(withMessage(state, opened.message)) : done({ ...state, dialog: opened.dialog }, opened.effects);
    }
    case 'scheduled_tasks': {
      const opened = openSchedules();
      return done({ ...state, dialog: opened.dialog }, opened.effects);
    }
    default:
      return assertNever(action, 'deck action');
  }
}

function isFocusNumber(action: TuiAction): action is `focus_${PaneNumber}` {
  return /^focus_[1-9]$/.test(action);
}

/** TYPING shows the live screen: a pane scrolled back returns to the bottom, as in tmux. */
function typeInto(state: DeckState, pane: PaneInfo): Update {
  const effects: Effect[] = state.scroll[pane.id] ? [{ type: 'scroll', paneId: pane.id, to: 'live' }] : [];
  return done({ ...select(state, pane.id), mode: 'typing' }, effects);
}

function openDialog(state: DeckState, dialog: Dialog): Update {
  return done({ ...state, dialog });
}

function moveSelection(state: DeckState, delta: number): DeckState {
  const cards = cardsOf(state);
  if (cards.length === 0) return state;
  const current = selectedPane(state);
  const index = current ? cards.indexOf(current) : 0;
  const next = cards[(index + delta + cards.length) % cards.length]!;
  return { ...state, selection: { ...state.selection, [tabKey(state.tab)]: next.id } };
}

function cycleTab(state: DeckState, delta: number): DeckState {
  const tabs = tabsOf(state.panes, state);
  const index = Math.max(
    0,
    tabs.findIndex((tab) => tab.tab === state.tab),
  );
  return switchTab(state, tabs[(index + delta + tabs.length) % tabs.length]!.tab);
}

function dialogInput(state: DeckState, event: KeyEvent | PasteEvent): Update {
  const dialog = state.dialog;
  if (!dialog) return done(state);
  switch (dialog.kind) {
    case 'quit':
    case 'close': {
      if (event.kind !== 'key') return done(state);
      const step = dialog.kind === 'quit' ? quitDialogKey(dialog, event) : closeDialogKey(dialog, event);
      return done({ ...state, dialog: step.dialog }, step.effects);
    }
    case 'generate-config': {
      if (event.kind !== 'key') return done(state);
      const step = configGenDialogKey(dialog, event);
      return done({ ...state, dialog: step.dialog }, step.effects);
    }
    case 'rename': {
      const step = renameDialogInput(dialog, event);
      return done({ ...state, dialog: step.dialog }, step.effects);
    }
    case 'filter': {
      const step = filterDialogInput(dialog, event);
      return done({ ...state, dialog: step.dialog, filter: step.filter });
    }
    case 'daemon-mismatch': {
      if (event.kind !== 'key') return done(state);
      const step = mismatchDialogKey(dialog, event);
      return done({ ...state, dialog: step.dialog }, step.effects);
    }
    case 'help':
    case 'timeline':
      return done(event.kind === 'key' ? { ...state, dialog: null } : state);
    case 'schedules': {
      const step = schedulesInput(dialog, event, state.cwd);
      return done({ ...state, dialog: step.dialog }, step.effects);
    }
    case 'new-pane': {
      const step = newPaneInput(dialog, event, state.defaultCommand ?? state.lastCommand);
      const created = step.effects.find((effect) => effect.type === 'create-pane' || effect.type === 'open-mode');
      const lastCommand = created?.type === 'create-pane' || created?.type === 'open-mode' ? created.command : state.lastCommand;
      return done({ ...state, dialog: step.dialog, lastCommand }, step.effects);
    }
    default:
      return assertNever(dialog, 'dialog');
  }
}
