// The deck's entry point: load the user's keys and settings, connect, take over the terminal,
// render, and give everything back when the user detaches, stops, or the daemon is gone for good
// (a daemon that restarts or crashes is reconnected to; see link/daemon-link.ts).
import type { PaneInfo } from '../../protocol/messages.js';
import { UserError } from '../../common/errors.js';
import { DisposableStore, toDisposable } from '../../common/disposable.js';
import { DEFAULT_GLOBAL_CONFIG, loadGlobalConfig } from '../../config/global-config.js';
import { loadKeybindings } from '../../config/keybindings.js';
import { daemonPidFile, deckViewFile, sessionFile } from '../../config/paths.js';
import { ConfigGenMemory, configGenNeverFile } from '../../config-gen/config-gen-memory.js';
import { offersConfigGen } from './config-gen-offer.js';
import { buildKeyMap, prefixBytes } from '../input/key-map.js';
import { DaemonLink, type LinkConnection } from '../link/daemon-link.js';
import { hostLinkOf, HostsLink } from '../link/hosts-link.js';
import { LOCAL_HOST } from '../state/hosts.js';
import { sessionPaneNames } from '../link/session-panes.js';
import { stopDaemonByPidFile } from '../link/stop-daemon.js';
import { PanePainter } from '../painter/pane-painter.js';
import { withMessage } from '../state/deck-reducer.js';
import { initialDeckState } from '../state/deck-state.js';
import { viewChanged, viewOf, withSavedView } from '../state/saved-view.js';
import { inkDrawsColour } from '../first-paint/colour-support.js';
import { EarlyPaint } from '../first-paint/early-paint.js';
import { AttentionAlerts } from './attention-alerts.js';
import { DeckController } from './deck-controller.js';
import { DeckStore } from './deck-store.js';
import type { DeckExit } from './effect-runner.js';
import { InkOutput } from './ink-output.js';
import { startupMessage } from './startup-message.js';
import { kittyKeyboardWanted, TerminalSession } from './terminal-session.js';
import { ViewMemory } from './view-memory.js';
import { traceStartup } from '../../common/startup-trace.js';

export type { DeckExit } from './effect-runner.js';

// Every module above has run: the bundle is loaded (DOT_AGENT_DECK_TRACE_STARTUP).
traceStartup('deck-loaded');

/** How long the first paint waits for the panes' first frames before loading Ink anyway: a
 *  quiet daemon answers a subscribe in 5-15 ms; past this, Ink's ~80 ms are better spent. */
const FIRST_FRAMES_MS = 150;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface RunDeckOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Connects to the daemon, starting it if needed (the CLI owns how); called again to
   *  reconnect, and the signal aborts a start under way when the deck closes. */
  connect(signal?: AbortSignal): Promise<LinkConnection>;
  /** A line to show on opening when the config files have nothing to say. */
  notice?: string | null;
  /** A line to show once the deck is drawn, when nothing else is shown: the hooks offer, whose
   *  checks of every agent's settings are not worth delaying the first frame for. */
  laterNotice?: () => Promise<string | null>;
  /** Start-up work that waits until every pane on screen is drawn (the code cache's write). */
  afterFirstFrame?: () => unknown;
  /** The remote whose daemon this deck shows (`connect NAME`); local when absent. */
  host?: string;
  /** A deck over several hosts (`--hosts`): one daemon each, "local" for this machine's;
   *  `connect` is then not used. */
  hosts?: readonly DeckHostOption[];
  /** The tab to open on (e.g. the orchestration `demo` just opened); default the tab the last deck showed. */
  tab?: string;
  /** false: Ink draws the first frame (default: the first paint where it can, tui/first-paint). */
  earlyPaint?: boolean;
}

export interface DeckHostOption {
  name: string;
  /** A remote's project directory (`remote add --dir`), where Ctrl+n opens a pane there. */
  dir: string | null;
  connect(signal: AbortSignal): Promise<LinkConnection>;
}

export async function runDeck(options: RunDeckOptions): Promise<DeckExit> {
  const { env, stdin, stdout } = options;
  const [keys, settings] = await Promise.all([loadKeybindings(env), loadGlobalConfig(env)]);
  traceStartup('config-read');
  const keyMap = buildKeyMap(keys.bindings);
  const disposables = new DisposableStore();
  // The session file here is this machine's daemon's: only its drops can be a stop on purpose.
  const stoppedOnPurpose = (lastPanes: readonly PaneInfo[]) => lastPanes.length > 0 && sessionPaneNames(sessionFile(env))?.length === 0;
  const hosts = options.hosts;
  const link: DaemonLink | HostsLink = disposables.add(
    hosts
      ? new HostsLink(hosts.map((host) => ({ name: host.name, connect: host.connect, ...(host.name === LOCAL_HOST ? { stoppedOnPurpose } : {}) })))
      : singleLink(options, stoppedOnPurpose),
  );
  try {
    // Before the terminal is taken: a daemon that cannot be reached or started is reported by
    // the CLI as a plain error. A daemon of another version opens the deck on the mismatch dialog.
    await link.open();
    traceStartup('connected');
    const viewMemory = disposables.add(new ViewMemory(deckViewFile(env)));
    let state = withSavedView(
      { ...initialDeckState, cwd: options.cwd, defaultCommand: settings.config?.default_command ?? null, lastCommand: env.SHELL || 'bash' },
      viewMemory.load(),
    );
    if (options.tab !== undefined) state = { ...state, tab: options.tab };
    if (hosts && link instanceof HostsLink) {
      state = {
        ...state,
        hosts: hosts.map((host) => {
          const now = link.hostState(host.name);
          return { name: host.name, dir: host.dir, link: now ? hostLinkOf(now) : { kind: 'up' } };
        }),
      };
    }
    const warning = startupMessage([keys, settings]);
    if (warning) state = withMessage(state, warning, 'warn');
    else if (options.notice) state = withMessage(state, options.notice, 'info');
    const store = new DeckStore(state, keyMap);
    let remembered = store.getState();
    disposables.add(
      toDisposable(
        store.subscribe(() => {
          const next = store.getState();
          if (viewChanged(remembered, next)) viewMemory.remember(viewOf(next));
          remembered = next;
        }),
      ),
    );
    const configGen = new ConfigGenMemory(configGenNeverFile(env));
    const painter = new PanePainter();
    // The first picture without Ink (tui/first-paint): only for one local daemon, and only where
    // Ink draws in colour as the first paint does.
    const paintEarly = options.earlyPaint !== false && !hosts && inkDrawsColour(env, process.argv);
    const terminal = disposables.add(new TerminalSession({ stdin, stdout, kittyKeyboard: kittyKeyboardWanted(env) }));
    terminal.enter({ holdKeys: true });
    let controller: DeckController | null = null;
    const output = disposables.add(new InkOutput({ stdout, paintAll: () => controller?.paintAfterInk() ?? '' }));
    const context = { store, keyMap, size: output, home: env.HOME };
    const early = disposables.add(new EarlyPaint({ ...context, painter, write: (text) => void stdout.write(text) }));
    // The painter's own writes wait for a chrome around them (the first paint's or Ink's): a
    // frame that comes before only updates the pane's screen, which Ink's first frame paints.
    let inkDrawn = false;
    let markDrawn: () => void = () => undefined;
    const drawn = new Promise<void>((resolve) => (markDrawn = resolve));
    controller = disposables.add(
      new DeckController({
        link,
        store,
        keyMap,
        prefix: prefixBytes(keys.bindings),
        painter,
        size: output,
        stdin,
        write: (text) => void ((inkDrawn || early.showing) && stdout.write(text)),
        configGen,
        autoConfigPrompt: settings.config?.auto_config_prompt ?? true,
        // The pid file and the session file here belong to this host's daemon, not a remote's.
        stopRefusingDaemon: options.host
          ? () =>
              Promise.reject(
                new UserError(`The daemon on ${options.host} is of another version and is not stopped from here.`, {
                  hint: `run \`dot-agent-deck remote upgrade ${options.host}\` in a shell`,
                }),
              )
          : () => stopDaemonByPidFile(daemonPidFile(env)),
        sessionPanes: () => (options.host || hosts ? [] : sessionPaneNames(sessionFile(env))),
        onDrawn: () => markDrawn(),
      }),
    );
    void offersConfigGen(options.cwd, configGen, settings.config?.auto_config_prompt ?? true).then(
      (offer) => offer && store.dispatch({ type: 'config-hint', dir: options.cwd }),
    );
    disposables.add(new AttentionAlerts(link, settings.config ?? DEFAULT_GLOBAL_CONFIG, (text) => void stdout.write(text)));
    if (paintEarly && early.paint()) {
      traceStartup('early-painted');
      controller.drawnYet(); // no pane on screen: nothing to wait for
      // The panes' first frames are painted as they come; Ink, React and yoga load after them
      // (one thread: a frame arriving while they load would wait), or after FIRST_FRAMES_MS.
      await Promise.race([drawn, delay(FIRST_FRAMES_MS)]);
    }
    const { renderDeck } = await import('./ink-deck.js');
    // Before Ink's render: from here on only Ink draws the chrome, whatever changes meanwhile.
    early.dispose();
    const ink = renderDeck(context, output);
    inkDrawn = true;
    traceStartup('ink-rendered');
    terminal.releaseKeys();
    controller.drawnYet(); // a deck with no pane on screen is drawn now
    // After Ink's frame and this turn's writes: the code cache then holds what Ink ran too.
    void drawn.then(() => setImmediate(() => afterDrawn(options, store, warning !== null)));
    try {
      return await Promise.race([controller.exited, ink.waitUntilExit().then((): DeckExit => ({ kind: 'lost', message: 'The deck stopped drawing.' }))]);
    } finally {
      ink.unmount();
    }
  } finally {
    disposables.dispose();
  }
}

/** What runs once the deck is drawn: the caller's work, then the later notice if nothing else was said. */
function afterDrawn(options: RunDeckOptions, store: DeckStore, warned: boolean): void {
  options.afterFirstFrame?.();
  if (!options.laterNotice || warned || options.notice) return;
  void options.laterNotice().then(
    (text) => {
      if (text && store.getState().message === null) store.dispatch({ type: 'message', text, tone: 'info' });
    },
    () => undefined, // an offer that cannot be worked out is not made
  );
}

function singleLink(options: RunDeckOptions, stoppedOnPurpose: (lastPanes: readonly PaneInfo[]) => boolean): DaemonLink {
  return new DaemonLink({
    connect: (signal) =>
      options.connect(signal).then((connection) => {
        traceStartup('handshake');
        return connection;
      }),
    // The daemon writes the session before it closes its clients, so it is final here. A
    // remote's session file is on the remote: a link that drops there is always retried.
    ...(options.host ? { host: options.host } : { stoppedOnPurpose }),
  });
}
