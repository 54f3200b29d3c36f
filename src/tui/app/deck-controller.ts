// Wires one deck session together: daemon events into the store, frames into the painter,
// state changes into the painter's scene and the daemon subscriptions, stdin into the input
// pipeline, effects into requests, and the link's ups and downs into the view (after a
// reconnect: subscribe and size every pane on screen again, and scroll back where it was).
// Everything it creates is disposed with it.
import { DisposableStore, toDisposable, type Disposable } from '../../common/disposable.js';
import { assertNever } from '../../common/errors.js';
import type { PaneFrame } from '../../protocol/pane-types.js';
import type { KeyMap } from '../input/key-map.js';
import { computeLayout, type DeckLayout } from '../layout/deck-layout.js';
import type { DaemonLink, LinkState } from '../link/daemon-link.js';
import { hostLinkOf, HostsLink } from '../link/hosts-link.js';
import { splitQualified } from '../state/hosts.js';
import type { PanePainter, Scene } from '../painter/pane-painter.js';
import type { DeckState } from '../state/deck-state.js';
import { typingPane, visiblePanes } from '../state/selectors.js';
import type { SizeSource, TerminalSize } from './deck-context.js';
import type { DeckStore } from './deck-store.js';
import { EffectRunner, type DeckExit } from './effect-runner.js';
import type { ConfigGenMemory } from '../../config-gen/config-gen-memory.js';
import { InputPipeline } from './input-pipeline.js';
import { clipboardSequence } from './terminal-session.js';
import { PaneSubscriptions } from './pane-subscriptions.js';
import { traceStartup } from '../../common/startup-trace.js';

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

/** How long a message stays on the status bar: long enough to read a sentence twice. */
export const MESSAGE_MS = 6000;

export interface DeckControllerOptions {
  /** One daemon, or several hosts' (`--hosts`). */
  link: DaemonLink | HostsLink;
  store: DeckStore;
  keyMap: KeyMap;
  prefix: Buffer | null;
  painter: PanePainter;
  size: SizeSource;
  stdin: NodeJS.ReadStream;
  /** The real terminal, for the painter's own writes between Ink frames. */
  write(text: string): void;
  /** Where "Never" answers to ctrl+d g are kept. */
  configGen?: ConfigGenMemory;
  /** config.toml's `auto_config_prompt` (default true). */
  autoConfigPrompt?: boolean;
  /** Stops the daemon that refuses this version (by its pid file), keeping its session. */
  stopRefusingDaemon(): Promise<unknown>;
  /** The pane names in the session file (null: unreadable), for the mismatch dialog. */
  sessionPanes(): readonly string[] | null;
  /** Called once, when every pane on screen at the time has painted its first frame (start-up
   *  work that can wait until the deck is drawn: run-deck.tsx). */
  onDrawn?(): void;
}

export function sceneOf(layout: DeckLayout, state: DeckState): Scene {
  const typing = typingPane(state);
  return {
    placements: layout.panes.map((slot) => ({ paneId: slot.paneId, rect: slot.content, dim: state.mode === 'command' || state.dialog !== null })),
    covered: layout.dialog ? [layout.dialog] : [],
    cursorPane: typing && !state.dialog ? typing.id : null,
  };
}

export class DeckController implements Disposable {
  readonly exited: Promise<DeckExit>;
  private finish: (exit: DeckExit) => void = () => undefined;
  private readonly disposables = new DisposableStore();
  private paintTimer: NodeJS.Immediate | null = null;
  private readonly subscriptions: PaneSubscriptions;
  private cached: { state: DeckState; size: TerminalSize; layout: DeckLayout } | null = null;
  private sceneKey = '';
  private paintPending = false;
  private closeExit: DeckExit | null = null;
  private readonly effects: EffectRunner;
  private messageTimer: { id: number; timer: NodeJS.Timeout } | null = null;
  private framePainted = false;
  /** Panes painted at least once, until every visible one is (then null: `onDrawn` ran). */
  private firstPainted: Set<string> | null = new Set();

  constructor(private readonly options: DeckControllerOptions) {
    this.exited = new Promise((resolve) => {
      let done = false;
      this.finish = (exit) => {
        if (done) return;
        done = true;
        resolve(exit);
      };
    });
    const { link, store, painter } = options;
    const effects = (this.effects = new EffectRunner({
      connection: link,
      store,
      screens: painter.screens,
      layout: () => this.layout(),
      prefix: options.prefix,
      quit: (exit) => this.finish(exit),
      expectClose: (exit) => {
        this.closeExit = exit;
        link.expectClose();
      },
      restartDaemon: async () => {
        await options.stopRefusingDaemon();
        link.reconnect();
      },
      ...(link instanceof HostsLink ? { requestOn: (host, body) => link.request(body, host) } : {}),
      ...(options.configGen ? { configGen: options.configGen } : {}),
      ...(options.autoConfigPrompt !== undefined ? { autoConfigPrompt: options.autoConfigPrompt } : {}),
    }));
    store.setEffectRunner(effects.run);
    this.subscriptions = new PaneSubscriptions(link, {
      dropped: (paneId) => painter.dropPane(paneId),
      failed: () => undefined,
    });
    this.disposables.add(link.onPanes((panes) => store.dispatch({ type: 'panes', panes })));
    // The first list arrived while the link opened, before this listener existed.
    if (link.panes) store.dispatch({ type: 'panes', panes: link.panes });
    const showNotices = () => {
      for (const text of link.takeNotices()) store.dispatch({ type: 'message', text, tone: 'warn' });
    };
    this.disposables.add(link.onNotice(showNotices));
    showNotices(); // the first connection's came before this listener existed
    this.disposables.add(link.onFrame((frame) => this.onFrame(frame)));
    this.disposables.add(link.onState((state) => this.linkChanged(state)));
    if (link.state.kind === 'refused') this.linkChanged(link.state);
    if (link instanceof HostsLink) {
      this.disposables.add(link.onHostState(({ host, state }) => this.hostChanged(host, state)));
    }
    this.disposables.add(toDisposable(store.subscribe(() => this.refresh())));
    this.disposables.add(toDisposable(options.size.subscribe(() => this.refresh())));
    this.disposables.add(
      new InputPipeline({
        stdin: options.stdin,
        store,
        keyMap: options.keyMap,
        screens: painter.screens,
        layout: () => this.layout(),
        send: (paneId, bytes) => link.sendInput(paneId, bytes),
        scroll: (paneId, to, lines) => effects.scroll(paneId, to, lines),
        select: (selection) => {
          const out = painter.setSelection(selection);
          if (out) options.write(BSU + out + ESU);
        },
        copy: (text) => {
          options.write(clipboardSequence(text));
          const lines = text.split('\n').length;
          store.dispatch({ type: 'message', text: `Copied ${lines === 1 ? `${text.length} characters` : `${lines} lines`} to the clipboard`, tone: 'info' });
        },
      }),
    );
    this.disposables.add(toDisposable(() => this.paintTimer && clearImmediate(this.paintTimer)));
    this.disposables.add(toDisposable(() => this.messageTimer && clearTimeout(this.messageTimer.timer)));
    this.refresh();
  }

  /** The painter's full repaint, as Ink's output proxy asks for it after each Ink frame. */
  readonly paintAfterInk = (): string => {
    this.paintPending = false;
    return this.options.painter.paintAll();
  };

  layout(): DeckLayout {
    const state = this.options.store.getState();
    const size = this.options.size.get();
    if (!this.cached || this.cached.state !== state || this.cached.size !== size) {
      this.cached = { state, size, layout: computeLayout(size.cols, size.rows, state) };
    }
    return this.cached.layout;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private refresh(): void {
    const state = this.options.store.getState();
    this.expireMessage(state);
    const layout = this.layout();
    const scene = sceneOf(layout, state);
    this.options.painter.setScene(scene);
    this.subscriptions.sync(layout.panes);
    const key = JSON.stringify(scene);
    if (key === this.sceneKey) return;
    this.sceneKey = key;
    // Ink repaints the panes after its next frame; if this change gives Ink nothing to redraw,
    // paint here so the panes still follow the new scene.
    this.paintPending = true;
    this.paintTimer ??= setImmediate(() => {
      this.paintTimer = null;
      if (!this.paintPending) return;
      this.paintPending = false;
      this.options.write(BSU + this.options.painter.paintAll() + ESU);
    });
  }

  private linkChanged(link: LinkState): void {
    const { store } = this.options;
    switch (link.kind) {
      case 'up': {
        if (!link.reconnected) return;
        // The pane list is already the new daemon's (the link sends it first); its panes have the
        // ids of the old ones (restored from session.json), so the same tab and selection apply.
        this.subscriptions.reset();
        store.dispatch({ type: 'link', status: { kind: 'up' } });
        this.refresh();
        const state = store.getState();
        for (const pane of visiblePanes(state)) {
          const offset = state.scroll[pane.id];
          if (offset) this.effects.restoreScroll(pane.id, offset);
        }
        return;
      }
      case 'reconnecting':
        store.dispatch({ type: 'link', status: link });
        return;
      case 'refused':
        store.dispatch({ type: 'daemon-refused', message: link.message, panes: this.options.sessionPanes() });
        return;
      case 'lost':
        this.finish({ kind: 'lost', message: link.message, hint: link.hint });
        return;
      case 'closed':
        this.finish(link.by === 'elsewhere' ? { kind: 'stopped' } : (this.closeExit ?? { kind: 'stopped' }));
        return;
      default:
        assertNever(link, 'link state');
    }
  }

  /** One host of several dropped, is retried, came back or was stopped: only its panes change. */
  private hostChanged(host: string, link: LinkState): void {
    const { store } = this.options;
    store.dispatch({ type: 'host-link', host, status: hostLinkOf(link) });
    if (link.kind !== 'up') return;
    // Its daemon knows none of this deck's subscriptions: subscribe its panes on screen again.
    const ofHost = (paneId: string) => splitQualified(paneId)?.host === host;
    this.subscriptions.reset(ofHost);
    this.refresh();
    const state = store.getState();
    for (const pane of visiblePanes(state)) {
      const offset = state.scroll[pane.id];
      if (offset && ofHost(pane.id)) this.effects.restoreScroll(pane.id, offset);
    }
  }

  /** One timer for the message on screen; a newer message replaces it. */
  private expireMessage(state: DeckState): void {
    const id = state.message?.id ?? null;
    if (id === (this.messageTimer?.id ?? null)) return;
    if (this.messageTimer) clearTimeout(this.messageTimer.timer);
    this.messageTimer = id === null ? null : { id, timer: setTimeout(() => this.options.store.dispatch({ type: 'clear-message', id }), MESSAGE_MS) };
  }

  private onFrame(frame: PaneFrame): void {
    const out = this.options.painter.paintFrame(frame);
    // Marked before the write, so that a reader who sees the frame finds the mark already there.
    if (!this.framePainted) {
      this.framePainted = true;
      traceStartup('first-pane-frame');
    }
    if (out) this.options.write(BSU + out + ESU);
    if (this.firstPainted) {
      this.firstPainted.add(frame.paneId);
      this.drawnYet();
    }
  }

  /** Whether every pane on screen has painted once: then `onDrawn`, once (also with no panes). */
  drawnYet(): void {
    const painted = this.firstPainted;
    if (!painted || !visiblePanes(this.options.store.getState()).every((pane) => painted.has(pane.id))) return;
    this.firstPainted = null;
    traceStartup('every-pane-frame');
    this.options.onDrawn?.();
  }
}
