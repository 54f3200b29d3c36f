// From a remote in config.toml to what the transport needs: the ssh target, the environment ssh
// runs in, and the connection to the deck's daemon on that host over `daemon bridge`.
import { VERSION } from '../common/version.js';
import type { Remote } from '../config/remote-config.js';
import { Connection, DaemonRefusedError, DaemonUnavailableError, isDaemonRefusal } from '../protocol/connection.js';
import type { ClientKind } from '../protocol/messages.js';
import { installCommand, type SshTarget } from '../protocol/ssh-command.js';
import { SshStream } from '../protocol/ssh-stream.js';
import { NO_DAEMON_EXIT } from './bridge.js';
import type { CliIO } from './io.js';
import { findRemote } from './remote-store.js';

/** Names the remote every daemon command of this process talks to (what `--remote` sets). */
export const REMOTE_ENV = 'DOT_AGENT_DECK_REMOTE';
/** An ssh config file used instead of ~/.ssh/config (ssh reads ~ from the password file, not HOME). */
export const SSH_CONFIG_ENV = 'DOT_AGENT_DECK_SSH_CONFIG';

/** 30 s for the handshake: ssh's own handshake, a Node start and maybe a daemon start on the far side. */
const REMOTE_HANDSHAKE_MS = 30_000;

export function sshTarget(remote: Remote, env: NodeJS.ProcessEnv): SshTarget {
  return {
    name: remote.name,
    host: remote.host,
    user: remote.user,
    port: remote.port,
    identity: remote.identity,
    deck: remote.deck,
    configFile: env[SSH_CONFIG_ENV] || undefined,
  };
}

/** The environment ssh runs in: the person's (agent socket, ssh config), minus the deck's own
 *  variables, which describe this host and would mislead nothing over there but the logs. */
export function sshEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('DOT_AGENT_DECK_')));
}

export async function resolveRemote(io: Pick<CliIO, 'env'> & Partial<CliIO>, name: string): Promise<Remote> {
  const quiet: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: '/', stdin: process.stdin, ...io } as CliIO;
  return findRemote(quiet, name);
}

/** A connection to the daemon on `remote`, through ssh and the remote's `daemon bridge`; with
 *  `existing`, null when no daemon runs there (the bridge does not start one). */
export async function connectRemote(remote: Remote, env: NodeJS.ProcessEnv, client: ClientKind, existing = false): Promise<Connection | null> {
  const target = sshTarget(remote, env);
  try {
    const connection = await Connection.connect({
      socketPath: `ssh:${remote.name}`,
      open: () =>
        new SshStream({
          target,
          words: existing ? ['daemon', 'bridge', '--existing'] : ['daemon', 'bridge'],
          env: sshEnv(env),
          version: VERSION,
          noDaemonExit: NO_DAEMON_EXIT,
        }),
      client,
      version: VERSION,
      timeoutMs: REMOTE_HANDSHAKE_MS,
    });
    return connection;
  } catch (error) {
    if (existing && error instanceof DaemonUnavailableError) return null;
    if (!isDaemonRefusal(error)) throw error;
    // Said by the remote daemon in its own terms ("restart the daemon"); here the fix is an upgrade.
    throw new DaemonRefusedError({
      code: 'user',
      message: `The deck on remote "${remote.name}" speaks another protocol than this one (${VERSION}): ${error.message}`,
      hint: `run \`dot-agent-deck remote upgrade ${remote.name}\` (it runs \`${installCommand(VERSION).join(' ')}\` there and restarts its daemon)`,
    });
  }
}
