// The deck's entry point: load the user's keys and settings, connect, take over the terminal,
// render, and give everything back when the user detaches, stops, or the daemon goes away.
import { PassThrough } from 'node:stream';
import { render } from 'ink';
import { DisposableStore } from '../../common/disposable.js';
import { DEFAULT_GLOBAL_CONFIG, loadGlobalConfig } from '../../config/global-config.js';
import { loadKeybindings } from '../../config/keybindings.js';
import { ConfigGenMemory, configGenNeverFile } from '../../config/config-gen-memory.js';
import { offersConfigGen } from './config-gen-offer.js';
import type { Connection } from '../../protocol/connection.js';
import { DeckScreen } from '../components/DeckScreen.js';
import { buildKeyMap, prefixBytes } from '../input/key-map.js';
import { PanePainter } from '../painter/pane-painter.js';
import { withMessage } from '../state/deck-reducer.js';
import { initialDeckState } from '../state/deck-state.js';
import { DeckProvider } from './deck-context.js';
import { AttentionAlerts } from './attention-alerts.js';
import { DeckController } from './deck-controller.js';
import { DeckStore } from './deck-store.js';
import type { DeckExit } from './effect-runner.js';
import { InkOutput } from './ink-output.js';
import { startupMessage } from './startup-message.js';
import { TerminalSession } from './terminal-session.js';

export type { DeckExit } from './effect-runner.js';

export interface RunDeckOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Connects to the daemon, starting it if needed (the CLI owns how). */
  connect(): Promise<Connection>;
  /** A line to show on opening when the config files have nothing to say (e.g. the hooks offer). */
  notice?: string | null;
  /** The tab to open on (e.g. the orchestration `demo` just opened); default the Dashboard. */
  tab?: string;
}

export async function runDeck(options: RunDeckOptions): Promise<DeckExit> {
  const { env, stdin, stdout } = options;
  const [keys, settings] = await Promise.all([loadKeybindings(env), loadGlobalConfig(env)]);
  const keyMap = buildKeyMap(keys.bindings);
  const disposables = new DisposableStore();
  const connection = disposables.add(await options.connect());
  try {
    let state = { ...initialDeckState, cwd: options.cwd, defaultCommand: settings.config?.default_command ?? null, lastCommand: env.SHELL || 'bash', tab: options.tab ?? null };
    const warning = startupMessage([keys, settings]);
    if (warning) state = withMessage(state, warning, 'warn');
    else if (options.notice) state = withMessage(state, options.notice, 'info');
    const store = new DeckStore(state, keyMap);
    const configGen = new ConfigGenMemory(configGenNeverFile(env));
    const painter = new PanePainter();
    const terminal = disposables.add(new TerminalSession({ stdin, stdout }));
    terminal.enter();
    let controller: DeckController | null = null;
    const output = disposables.add(new InkOutput({ stdout, paintAll: () => controller?.paintAfterInk() ?? '' }));
    controller = disposables.add(
      new DeckController({ connection, store, keyMap, prefix: prefixBytes(keys.bindings), painter, size: output, stdin, write: (text) => void stdout.write(text), configGen }),
    );
    void offersConfigGen(options.cwd, configGen).then((offer) => offer && store.dispatch({ type: 'config-hint', dir: options.cwd }));
    disposables.add(new AttentionAlerts(connection, settings.config ?? DEFAULT_GLOBAL_CONFIG, (text) => void stdout.write(text)));
    const ink = render(
      <DeckProvider value={{ store, keyMap, size: output, home: env.HOME }}>
        <DeckScreen />
      </DeckProvider>,
      {
        stdout: output as unknown as NodeJS.WriteStream,
        // Ink never reads the keyboard: the input pipeline owns stdin (DESIGN.md "Input").
        stdin: new PassThrough() as unknown as NodeJS.ReadStream,
        patchConsole: false,
        exitOnCtrlC: false,
        incrementalRendering: false,
      },
    );
    try {
      return await Promise.race([controller.exited, ink.waitUntilExit().then((): DeckExit => ({ kind: 'lost', message: 'The deck stopped drawing.' }))]);
    } finally {
      ink.unmount();
    }
  } finally {
    disposables.dispose();
  }
}
