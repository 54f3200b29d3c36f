// `dot-agent-deck` with no command: opens the deck on a terminal; elsewhere (a pipe, a script)
// it explains what the deck can do. `--hosts local,gpu-box` (or `hosts` in config.toml) opens one
// deck on several daemons: this machine's and remotes' over ssh (ARCHITECTURE.md §1).
import { ExitCode, UserError } from '../../common/errors.js';
import { suggest } from '../../common/suggest.js';
import type { Remote } from '../../config/remote-config.js';
import { connectDaemon } from '../daemon-client.js';
import type { CliIO } from '../io.js';
import type { CommandRegistrar } from '../program.js';

/** This machine in a host list. */
const LOCAL = 'local';

/** A host of `--hosts`: this machine, or a remote of config.toml. */
export type DeckHostChoice = { name: typeof LOCAL } | { name: string; remote: Remote };

/**
 * The hosts a deck attaches to: `--hosts` (comma-separated), else config.toml's `hosts`; null
 * for the plain deck on this machine's daemon. A name that is neither "local" nor a remote is one
 * sentence and exit 2, before anything connects.
 */
export function resolveDeckHosts(words: readonly string[] | null, remotes: readonly Remote[], from: string): DeckHostChoice[] | null {
  if (words === null) return null;
  const names = words.map((word) => word.trim()).filter((word) => word !== '');
  if (names.length === 0)
    throw new UserError(`${from} names no host.`, {
      hint: 'e.g. --hosts local,gpu-box; `dot-agent-deck remote list` shows the remotes',
      exitCode: ExitCode.usage,
    });
  const hosts: DeckHostChoice[] = [];
  for (const name of names) {
    if (hosts.some((host) => host.name === name)) throw new UserError(`${from} names ${name} twice.`, { exitCode: ExitCode.usage });
    if (name === LOCAL) {
      hosts.push({ name: LOCAL });
      continue;
    }
    const remote = remotes.find((candidate) => candidate.name === name);
    if (!remote) {
      const close = suggest(name, [LOCAL, ...remotes.map((candidate) => candidate.name)]);
      throw new UserError(
        `${from} names "${name}", which is neither local nor a remote${close ? ` (did you mean ${close}?)` : ''}: run \`dot-agent-deck remote list\` to see the remotes, or \`remote add ${name} HOST\` to add it.`,
        { exitCode: ExitCode.usage },
      );
    }
    hosts.push({ name, remote });
  }
  // Only this machine: the plain deck.
  return hosts.length === 1 && hosts[0]!.name === LOCAL ? null : hosts;
}

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

export const registerDefault: CommandRegistrar = (program, ctx) => {
  // Extra words reach the action instead of commander's "too many arguments", so a mistyped
  // command gets a suggestion-bearing error rather than a usage dump.
  program
    .option('--hosts <names>', 'attach one deck to several hosts: "local" (this machine) and remotes, e.g. local,gpu-box')
    .allowExcessArguments(true)
    .action(async (options: { hosts?: string }, command: { args: string[] }) => {
      const word = command.args[0];
      if (word !== undefined) {
        const names = program.commands.map((command) => command.name());
        throw new UserError(`Unknown command "${word}".`, { hint: `commands: ${names.join(', ')}; see dot-agent-deck --help`, exitCode: 2 });
      }
      const { io } = ctx;
      const hosts = await deckHosts(io, options.hosts);
      if (hosts) {
        await runHostsDeck(io, hosts);
        return;
      }
      if (!io.isTTY || !process.stdin.isTTY || !process.stdout.isTTY) {
        io.stdout(EXPLANATION);
        return;
      }
      // Loaded only here: Ink and React would double the start-up time of every other command.
      const { runDeck } = await import('../../tui/app/run-deck.js');
      const { hooksOffer } = await import('./hooks.js');
      const exit = await runDeck({
        notice: hooksOffer(io.env),
        env: io.env,
        cwd: io.cwd,
        stdin: process.stdin,
        stdout: process.stdout,
        connect: (signal) => connectDaemon({ env: io.env, client: 'tui', ...(signal ? { signal } : {}) }),
      });
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
    });
};

async function deckHosts(io: CliIO, option: string | undefined): Promise<DeckHostChoice[] | null> {
  const { loadGlobalConfig } = await import('../../config/global-config.js');
  const loaded = await loadGlobalConfig(io.env);
  const words = option !== undefined ? option.split(',') : (loaded.config?.hosts ?? null);
  if (words === null) return null;
  if (!loaded.config) {
    throw new UserError(`${loaded.file} has errors, so its remotes are unknown.`, { hint: 'run `dot-agent-deck config check`', exitCode: ExitCode.usage });
  }
  const remotes = Object.entries(loaded.config.remotes).map(([name, remote]) => ({ name, ...remote }));
  return resolveDeckHosts(words, remotes, option !== undefined ? '--hosts' : `${loaded.file}: hosts`);
}

async function runHostsDeck(io: CliIO, hosts: readonly DeckHostChoice[]): Promise<void> {
  const names = hosts.map((host) => host.name).join(', ');
  if (!io.isTTY || !process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError(`--hosts opens the deck on ${names}, which needs a terminal.`, {
      hint: 'run it in a terminal, or use the verbs with --remote NAME',
      exitCode: ExitCode.usage,
    });
  }
  const { connectRemote } = await import('../remote-target.js');
  const { runDeck } = await import('../../tui/app/run-deck.js');
  // This machine's daemon, whatever --remote this process was given.
  const { DOT_AGENT_DECK_REMOTE: _remote, ...localEnv } = io.env; // remote-target.ts REMOTE_ENV
  const exit = await runDeck({
    env: io.env,
    cwd: io.cwd,
    stdin: process.stdin,
    stdout: process.stdout,
    connect: (signal) => connectDaemon({ env: localEnv, client: 'tui', ...(signal ? { signal } : {}) }),
    hosts: hosts.map((host) =>
      'remote' in host
        ? { name: host.name, dir: host.remote.dir ?? null, connect: async () => (await connectRemote(host.remote, io.env, 'tui'))! }
        : { name: host.name, dir: null, connect: (signal: AbortSignal) => connectDaemon({ env: localEnv, client: 'tui', signal }) },
    ),
  });
  switch (exit.kind) {
    case 'detached':
      io.stdout(
        `Detached; the panes keep running on ${(exit.hosts ?? []).join(', ') || names}. \`dot-agent-deck --hosts ${hosts.map((host) => host.name).join(',')}\` comes back.\n`,
      );
      return;
    case 'stopped':
      io.stdout(`Stopped every pane on ${(exit.hosts ?? []).join(', ') || names}.\n`);
      return;
    case 'lost':
      throw new UserError(exit.message, { hint: exit.hint ?? 'run `dot-agent-deck remote check NAME` for each remote' });
  }
}
