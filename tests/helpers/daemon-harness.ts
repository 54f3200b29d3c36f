// The one daemon harness every integration test shares: a private deck env, the built CLI,
// protocol connections, and a cleanup that leaves no daemon or pane behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '../../src/protocol/connection.js';
import type { ClientKind, PaneInfo } from '../../src/protocol/messages.js';
import { runCli, type CliResult } from './cli.js';
import { createDeckEnv, type DeckEnv } from './deck-env.js';
import { waitFor } from './wait.js';

export interface DaemonHarness {
  deck: DeckEnv;
  cli(args: readonly string[], options?: { input?: string; cwd?: string }): Promise<CliResult>;
  /** Runs a CLI command that must succeed and returns its stdout. */
  ok(args: readonly string[], options?: { input?: string; cwd?: string }): Promise<string>;
  connect(client?: ClientKind): Promise<Connection>;
  /** The daemon's panes, read through `ls --json` as a script would. */
  panes(): Promise<PaneInfo[]>;
  daemonPid(): number | null;
  capture(pane: string): Promise<string>;
  waitForScreen(pane: string, description: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  dispose(): Promise<void>;
}

export function createDaemonHarness(extraEnv: NodeJS.ProcessEnv = {}): DaemonHarness {
  const deck = createDeckEnv(extraEnv);
  const connections: Connection[] = [];
  const cli = (args: readonly string[], options: { input?: string; cwd?: string } = {}) => runCli(args, { env: deck.env, ...options });
  const ok = async (args: readonly string[], options: { input?: string; cwd?: string } = {}) => {
    const result = await cli(args, options);
    if (result.code !== 0) {
      throw new Error(`dot-agent-deck ${args.join(' ')} exited ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
    }
    return result.stdout;
  };
  const daemonPid = () => {
    try {
      return Number.parseInt(readFileSync(join(deck.runtimeDir, 'daemon.sock.pid'), 'utf8'), 10);
    } catch {
      return null;
    }
  };
  const capture = (pane: string) => ok(['capture', pane]);
  let probe: Connection | null = null;
  return {
    deck,
    cli,
    ok,
    daemonPid,
    capture,
    async connect(client: ClientKind = 'tui') {
      const connection = await Connection.connect({ socketPath: deck.socket, client, version: 'test' });
      connections.push(connection);
      return connection;
    },
    async panes() {
      return (JSON.parse(await ok(['ls', '--json'])) as { panes: PaneInfo[] }).panes;
    },
    async waitForScreen(pane, description, pattern, timeoutMs = 10_000) {
      // Polls over one protocol connection: a CLI process per poll costs ~0.3 s of node start-up.
      let last = '';
      await waitFor(
        description,
        async () => {
          if (!probe || probe.isClosed) probe = await Connection.connect({ socketPath: deck.socket, client: 'cli', version: 'test' });
          last = (await probe.request({ kind: 'capture', pane })).lines.join('\n');
          return pattern.test(last);
        },
        { timeoutMs, describe: () => `screen of ${pane}:\n${last}` },
      );
      return last;
    },
    async dispose() {
      probe?.dispose();
      for (const connection of connections) connection.dispose();
      const pid = daemonPid();
      await cli(['daemon', 'stop', '--force']).catch(() => undefined);
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      deck.cleanup();
    },
  };
}
