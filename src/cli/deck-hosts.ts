// `--hosts local,gpu-box` (or `hosts` in config.toml): one deck on several daemons, this
// machine's and remotes' over ssh (ARCHITECTURE.md §1). Reached from cli/open-deck.ts.
import { ExitCode, UserError } from '../common/errors.js';
import { suggest } from '../common/suggest.js';
import type { Remote } from '../config/remote-config.js';
import { connectDaemon } from './daemon-client.js';
import type { CliIO } from './io.js';

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

export async function deckHosts(io: CliIO, option: string | undefined): Promise<DeckHostChoice[] | null> {
  const { loadGlobalConfig } = await import('../config/global-config.js');
  const loaded = await loadGlobalConfig(io.env);
  const words = option !== undefined ? option.split(',') : (loaded.config?.hosts ?? null);
  if (words === null) return null;
  if (!loaded.config) {
    throw new UserError(`${loaded.file} has errors, so its remotes are unknown.`, { hint: 'run `dot-agent-deck config check`', exitCode: ExitCode.usage });
  }
  const remotes = Object.entries(loaded.config.remotes).map(([name, remote]) => ({ name, ...remote }));
  return resolveDeckHosts(words, remotes, option !== undefined ? '--hosts' : `${loaded.file}: hosts`);
}

export async function runHostsDeck(io: CliIO, hosts: readonly DeckHostChoice[]): Promise<void> {
  const names = hosts.map((host) => host.name).join(', ');
  if (!io.isTTY || !process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError(`--hosts opens the deck on ${names}, which needs a terminal.`, {
      hint: 'run it in a terminal, or use the verbs with --remote NAME',
      exitCode: ExitCode.usage,
    });
  }
  const { connectRemote } = await import('./remote-target.js');
  const { runDeck } = await import('../tui/app/run-deck.js');
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
