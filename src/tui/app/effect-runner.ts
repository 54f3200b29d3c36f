// Runs the reducer's effects against the daemon and the machine, and turns every answer or
// failure into a message back to the store. The only place the TUI's requests are made.
import { assertNever, errorMessage } from '../../common/errors.js';
import type { Connection } from '../../protocol/connection.js';
import type { RequestKind, RequestOf, ResponseMap } from '../../protocol/messages.js';
import type { DeckLayout } from '../layout/deck-layout.js';
import type { PaneScreens } from '../painter/pane-screens.js';
import type { Effect } from '../state/effect.js';
import { paneById } from '../state/selectors.js';
import { stopsOn } from '../state/hosts.js';
import { findAgentsOnPath } from '../../config-gen/project-discovery.js';
import { inspectProject, listSubdirectories, projectModes, projectOrchestrations } from './dir-listing.js';
import { ConfigGenMemory } from '../../config-gen/config-gen-memory.js';
import { offersConfigGen } from './config-gen-offer.js';
import type { DeckStore } from './deck-store.js';

/** `lost`: the deck ends without the daemon (it went away, or it refuses this version); `hint` says what to do. */
/** `hosts`: on a deck over several, the hosts left running (detached) or stopped. */
export type DeckExit =
  | { kind: 'detached'; panes: number; hosts?: readonly string[] }
  | { kind: 'stopped'; hosts?: readonly string[] }
  | { kind: 'lost'; message: string; hint?: string };

export interface EffectContext {
  connection: Pick<Connection, 'request' | 'sendInput'>;
  store: DeckStore;
  screens: PaneScreens;
  layout(): DeckLayout;
  /** Bytes of the prefix key, for "send the prefix to the pane". */
  prefix: Buffer | null;
  quit(exit: DeckExit): void;
  /** The daemon is about to close the connection on purpose: end with this instead of "lost". */
  expectClose(exit: DeckExit): void;
  /** Where "Never" answers to ctrl+d g are kept (default: the state directory of this process). */
  configGen?: ConfigGenMemory;
  /** config.toml's `auto_config_prompt` (default true). */
  autoConfigPrompt?: boolean;
  /** Stops the daemon that refuses this version, keeping its session, and connects to a new one. */
  restartDaemon(): Promise<void>;
  /** On a deck over several hosts: a request to the named host's daemon (a pane opened there). */
  requestOn?<K extends RequestKind>(host: string, body: RequestOf<K>): Promise<ResponseMap[K]>;
}

export class EffectRunner {
  private readonly configGen: ConfigGenMemory;

  constructor(private readonly ctx: EffectContext) {
    this.configGen = ctx.configGen ?? new ConfigGenMemory();
  }

  readonly run = (effects: Effect[]): void => {
    for (const effect of effects) this.runOne(effect);
  };

  /** Scrolls a pane's view: a page, a number of lines (the wheel), or back to live. */
  scroll(paneId: string, to: 'up' | 'down' | 'live', lines?: number): void {
    const screen = this.ctx.screens.get(paneId);
    const name = paneById(this.ctx.store.getState(), paneId)?.name ?? paneId;
    if (to !== 'live' && (!screen || screen.scroll.total === 0)) {
      this.say(`Nothing to scroll: ${name} has no history yet`);
      return;
    }
    const { offset, total } = screen?.scroll ?? { offset: 0, total: 0 };
    const step = lines ?? Math.max(1, (screen?.rows ?? 2) - 1);
    const target = to === 'live' ? 0 : to === 'up' ? Math.min(total, offset + step) : Math.max(0, offset - step);
    if (target === offset) {
      if (to === 'up') this.say(`Top of ${name}'s history`);
      return;
    }
    this.ctx.connection
      .request({ kind: 'scroll', pane: paneId, offset: target })
      .then((result) => this.ctx.store.dispatch({ type: 'scrolled', paneId, offset: result.offset }))
      .catch((error: unknown) => this.fail(error));
  }

  /** Shows a pane's history at `offset` lines back again (after a reconnect); the daemon clamps it. */
  restoreScroll(paneId: string, offset: number): void {
    this.ctx.connection
      .request({ kind: 'scroll', pane: paneId, offset })
      .then((result) => this.ctx.store.dispatch({ type: 'scrolled', paneId, offset: result.offset }))
      .catch(() => this.ctx.store.dispatch({ type: 'scrolled', paneId, offset: 0 }));
  }

  /** Runs a Scheduled Tasks request, then reloads the list with what it did as the note. A save
   *  the daemon refuses leaves the list alone: its sentence goes to the form, which stays open. */
  private async schedules(
    effect: Extract<Effect, { type: 'load-schedules' | 'schedule-run' | 'schedule-enable' | 'schedule-remove' | 'schedule-add' | 'schedule-update' }>,
  ): Promise<void> {
    const { connection, store } = this.ctx;
    let note: string | null = null;
    if (effect.type === 'schedule-add' || effect.type === 'schedule-update') {
      try {
        if (effect.type === 'schedule-add') await connection.request({ kind: 'schedule-add', schedule: effect.schedule });
        else await connection.request({ kind: 'schedule-update', name: effect.name, patch: effect.patch });
      } catch (error) {
        store.dispatch({ type: 'schedule-saved', error: withHint(error) });
        return;
      }
      store.dispatch({ type: 'schedule-saved', error: null });
      note = effect.type === 'schedule-add' ? `${effect.schedule.name} added` : `${effect.name} updated`;
    }
    try {
      if (effect.type === 'schedule-run') {
        const { run } = await connection.request({ kind: 'schedule-run', name: effect.name });
        note = `${effect.name} ${run.result}: ${run.detail}`;
      } else if (effect.type === 'schedule-enable') {
        await connection.request({ kind: 'schedule-update', name: effect.name, patch: { enabled: effect.enabled } });
        note = `${effect.name} ${effect.enabled ? 'enabled' : 'disabled'}`;
      } else if (effect.type === 'schedule-remove') {
        await connection.request({ kind: 'schedule-remove', name: effect.name });
        note = `${effect.name} deleted`;
      }
    } catch (error) {
      note = errorMessage(error);
    }
    try {
      const { schedules } = await connection.request({ kind: 'schedule-list' });
      store.dispatch({ type: 'schedules-loaded', items: schedules, note });
    } catch (error) {
      store.dispatch({ type: 'schedules-loaded', items: [], note: errorMessage(error) });
    }
  }

  private runOne(effect: Effect): void {
    const { connection, store } = this.ctx;
    switch (effect.type) {
      case 'detach': {
        const state = store.getState();
        this.ctx.quit({ kind: 'detached', panes: state.panes.length, ...(state.hosts.length > 0 ? { hosts: state.hosts.map((host) => host.name) } : {}) });
        return;
      }
      case 'stop-all': {
        // On a deck over several hosts, every host that is up (the dialog named them).
        const state = store.getState();
        const stopped: DeckExit = { kind: 'stopped', ...(state.hosts.length > 0 ? { hosts: stopsOn(state).stops } : {}) };
        this.ctx.expectClose(stopped);
        connection
          .request({ kind: 'shutdown', force: true })
          .then(() => this.ctx.quit(stopped))
          .catch((error: unknown) => this.fail(error));
        return;
      }
      case 'kill':
        connection.request({ kind: 'kill', pane: effect.paneId }).catch((error: unknown) => this.fail(error));
        return;
      case 'rename':
        connection.request({ kind: 'rename', pane: effect.paneId, name: effect.name }).catch((error: unknown) => this.fail(error));
        return;
      case 'scroll':
        this.scroll(effect.paneId, effect.to);
        return;
      case 'send-prefix':
        if (this.ctx.prefix) connection.sendInput(effect.paneId, this.ctx.prefix);
        return;
      case 'answer':
        connection.request({ kind: 'answer', pane: effect.paneId, answer: effect.answer }).catch((error: unknown) => this.fail(error));
        return;
      case 'list-dir':
        void listSubdirectories(effect.dir).then(({ entries, error }) => store.dispatch({ type: 'dir-listed', dir: effect.dir, entries, error }));
        return;
      case 'inspect-dir':
        void Promise.all([
          inspectProject(effect.dir, store.getState().panes),
          projectOrchestrations(effect.dir),
          offersConfigGen(effect.dir, this.configGen, this.ctx.autoConfigPrompt ?? true),
          projectModes(effect.dir),
          findAgentsOnPath(process.env).catch(() => []),
        ]).then(([notes, orchestrations, offerConfigGen, modes, agents]) =>
          store.dispatch({
            type: 'dir-inspected',
            dir: effect.dir,
            notes,
            orchestrations: orchestrations.names,
            defaultOrchestration: orchestrations.preselect,
            offerConfigGen,
            modes,
            agents,
          }),
        );
        return;
      case 'generate-config': {
        const name = paneById(store.getState(), effect.paneId)?.name ?? effect.paneId;
        this.say(`Asking ${name} to write .dot-agent-deck.toml…`);
        connection
          .request({ kind: 'generate-config', pane: effect.paneId })
          .then((result) => this.say(`${name} got the request (prompt: ${result.promptFile}); review what it proposes, then run dot-agent-deck validate`))
          .catch((error: unknown) => this.fail(error));
        return;
      }
      case 'config-gen-never':
        this.configGen
          .rememberNever(effect.dir)
          .then(() => {
            if (store.getState().configHintDir === effect.dir) store.dispatch({ type: 'config-hint', dir: null });
            this.say(`The deck will not offer to write .dot-agent-deck.toml in ${effect.dir} again`);
          })
          .catch((error: unknown) => this.fail(error));
        return;
      case 'open-orchestration': {
        const { main } = this.ctx.layout();
        this.on(effect.host)({
          kind: 'up',
          projectDir: effect.cwd,
          orchestration: effect.orchestration,
          cols: Math.max(2, main.cols),
          rows: Math.max(1, main.rows - 1),
        })
          .then((result) => {
            const orchestrator = result.panes.find((pane) => pane.id === result.orchestrator);
            if (orchestrator) store.dispatch({ type: 'pane-created', pane: orchestrator });
          })
          .catch((error: unknown) => this.fail(error));
        return;
      }
      case 'open-mode': {
        // The agent pane is born at its place in the mode's layout: the left half of the main area.
        const { main } = this.ctx.layout();
        const size = { cols: Math.max(2, Math.floor(main.cols / 2) - 2), rows: Math.max(1, main.rows - 2) };
        this.on(effect.host)({ kind: 'open-mode', projectDir: effect.cwd, mode: effect.mode, command: effect.command, name: effect.name, ...size })
          .then((result) => {
            const agent = result.panes.find((pane) => pane.id === result.agent);
            if (agent) store.dispatch({ type: 'pane-created', pane: agent });
          })
          .catch((error: unknown) => this.fail(error));
        return;
      }
      case 'load-timeline':
        connection
          .request({ kind: 'timeline', tab: effect.tab })
          .then((result) =>
            store.dispatch({
              type: 'timeline-loaded',
              tab: effect.tab,
              lines: result.lines,
              error: result.skipped > 0 ? `${result.skipped} corrupted journal line(s) skipped` : null,
              ...(result.summary ? { summary: result.summary } : {}),
            }),
          )
          .catch((error: unknown) => store.dispatch({ type: 'timeline-loaded', tab: effect.tab, lines: [], error: errorMessage(error) }));
        return;
      case 'load-schedules':
      case 'schedule-run':
      case 'schedule-enable':
      case 'schedule-remove':
      case 'schedule-add':
      case 'schedule-update':
        void this.schedules(effect);
        return;
      case 'restart-daemon':
        this.ctx.restartDaemon().catch((error: unknown) => store.dispatch({ type: 'daemon-restart-failed', error: withHint(error) }));
        return;
      case 'keep-daemon':
        this.ctx.quit({
          kind: 'lost',
          message: effect.message,
          hint: 'the deck did not attach; run `dot-agent-deck daemon restart` when you are ready (its panes are restored), or use the version that started it',
        });
        return;
      case 'create-pane': {
        // Born at the size it will be shown at (stacked), so its first screen is already right.
        const { main } = this.ctx.layout();
        this.on(effect.host)({
          kind: 'new',
          command: effect.command,
          cwd: effect.cwd,
          name: effect.name,
          cols: Math.max(2, main.cols),
          rows: Math.max(1, main.rows - 1),
        })
          .then((result) => store.dispatch({ type: 'pane-created', pane: result.pane }))
          .catch((error: unknown) => this.fail(error));
        return;
      }
      default:
        assertNever(effect, 'effect');
    }
  }

  /** Where a request that names no pane goes: the effect's host on a deck over several, else the one daemon. */
  private on(host: string | undefined): <K extends RequestKind>(body: RequestOf<K>) => Promise<ResponseMap[K]> {
    const { requestOn, connection } = this.ctx;
    return host !== undefined && requestOn ? (body) => requestOn(host, body) : (body) => connection.request(body);
  }

  private say(text: string): void {
    this.ctx.store.dispatch({ type: 'message', text, tone: 'info' });
  }

  private fail(error: unknown): void {
    this.ctx.store.dispatch({ type: 'message', text: withHint(error), tone: 'error' });
  }
}

function withHint(error: unknown): string {
  const hint = (error as { hint?: string }).hint;
  return hint ? `${errorMessage(error)} (${hint})` : errorMessage(error);
}
