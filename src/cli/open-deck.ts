// `dot-agent-deck` with no command: opens the deck on a terminal; elsewhere (a pipe, a script)
// it explains what the deck can do. Bundled with the TUI (scripts/bundle-tui.mjs) and reached
// from cli/main.ts without commander, because how soon the first frame shows is the deck's first
// impression (bench first-frame): the connection to the daemon is under way while the bundle of
// Ink and React loads.
import { UserError } from '../common/errors.js';
import { traceStartup } from '../common/startup-trace.js';
import type { Connection } from '../protocol/connection.js';
import type { DeckExit } from '../tui/app/run-deck.js';
import { connectDaemon } from './daemon-client.js';
import { prefetchPaneList } from './deck-prefetch.js';
import { deckHosts, runHostsDeck } from './deck-hosts.js';
import type { CliIO } from './io.js';

traceStartup('entry-loaded');

const EXPLANATION = [
  'dot-agent-deck — a terminal deck for teams of interactive AI coding agents.',
  '',
  'Start here:',
  '  dot-agent-deck             open the deck (in a terminal)',
  '  dot-agent-deck demo        watch a team of simulated agents at work (no API keys)',
  '  dot-agent-deck init        write a starter .dot-agent-deck.toml in this directory',
  '  dot-agent-deck validate    check the project file and explain every problem',
  '  dot-agent-deck new -- CMD  open a pane running CMD in the background daemon',
  '  dot-agent-deck ls          list panes',
  '  dot-agent-deck --help      list every command',
  '',
].join('\n');

/** How the bare `dot-agent-deck` starts (cli/main.ts). */
export interface DeckStartup {
  /** Runs once the deck is drawn (cli/deck-bundle.ts writes the code cache). */
  afterFirstFrame?: () => unknown;
}

/** `hostsOption`: `--hosts`'s value; without it config.toml's `hosts` decides (cli/deck-hosts.ts). */
export async function openDeck(io: CliIO, hostsOption?: string, startup: DeckStartup = {}): Promise<void> {
  const terminal = io.isTTY && process.stdin.isTTY === true && process.stdout.isTTY === true;
  const connect = (signal?: AbortSignal): Promise<Connection> => connectDaemon({ env: io.env, client: 'tui', ...(signal ? { signal } : {}) });
  // The first connection starts now and is handed to the deck when it asks, its pane list already
  // asked for (cli/deck-prefetch.ts); a failure is the deck's to report (it rejects link.open,
  // before the terminal is taken). Not for --hosts, whose hosts are known only once config.toml
  // is read.
  let early: Promise<Connection> | null = terminal && hostsOption === undefined ? connect().then(prefetchPaneList) : null;
  early?.catch(() => undefined);
  const hosts = await deckHosts(io, hostsOption).catch((error: unknown) => {
    void early?.then(
      (connection) => connection.dispose(),
      () => undefined,
    );
    throw error;
  });
  if (hosts) {
    void early?.then(
      (connection) => connection.dispose(),
      () => undefined,
    );
    await runHostsDeck(io, hosts);
    return;
  }
  if (!terminal) {
    io.stdout(EXPLANATION);
    return;
  }
  traceStartup('deck-import');
  let exit: DeckExit;
  try {
    const { runDeck } = await import('../tui/app/run-deck.js');
    exit = await runDeck({
      // The offer looks into every agent's settings: after the first frame, not before it.
      laterNotice: async () => (await import('./commands/hooks.js')).hooksOffer(io.env),
      ...(startup.afterFirstFrame ? { afterFirstFrame: startup.afterFirstFrame } : {}),
      env: io.env,
      cwd: io.cwd,
      stdin: process.stdin,
      stdout: process.stdout,
      connect: (signal) => {
        const first = early;
        early = null;
        return first ?? connect(signal);
      },
    });
  } finally {
    // A deck that failed before it asked for the connection must not leave it open.
    void early?.then(
      (connection) => connection.dispose(),
      () => undefined,
    );
  }
  switch (exit.kind) {
    case 'detached':
      io.stdout(
        exit.panes > 0
          ? `Detached. ${exit.panes === 1 ? 'The pane keeps' : `${exit.panes} panes keep`} running; run dot-agent-deck to come back.\n`
          : 'Detached.\n',
      );
      return;
    case 'stopped':
      io.stdout('Stopped the deck and every pane.\n');
      return;
    case 'lost':
      throw new UserError(exit.message, { hint: exit.hint ?? 'run `dot-agent-deck daemon status`; the daemon log is in the state directory' });
  }
}
