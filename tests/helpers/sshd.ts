// A real OpenSSH server on a loopback port, for the remote tests: a throw-away host key, key-only
// login, and one authorized key per "remote" whose login lands in its own deck world (HOME,
// runtime, state, config dirs) through authorized_keys environment= options. The local deck
// reaches it through an ssh config file (DOT_AGENT_DECK_SSH_CONFIG) with its own known_hosts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { BIN, runCli } from './cli.js';
import { createDeckEnv, type DeckEnv } from './deck-env.js';
import { waitFor } from './wait.js';

export const SSHD = '/usr/sbin/sshd';
export const hasSshd = existsSync(SSHD);

export interface RemoteLogin {
  /** The Host alias in the ssh config file. */
  alias: string;
  key: string;
  world: DeckEnv;
}

export interface Sshd {
  port: number;
  root: string;
  /** The local deck world (the "laptop"), with DOT_AGENT_DECK_SSH_CONFIG set. */
  local: DeckEnv;
  /** A key whose login runs with `env` on top of its own deck world and the deck on PATH. */
  addLogin(
    alias: string,
    options?: { env?: Record<string, string>; withDeck?: boolean; authorized?: boolean; knownHost?: 'right' | 'wrong' | 'none' },
  ): RemoteLogin;
  dispose(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function keygen(file: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deck-test', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').trim();
}

export async function startSshd(): Promise<Sshd> {
  const local = createDeckEnv();
  const root = join(local.root, 'sshd');
  mkdirSync(root, { mode: 0o700 });
  // sshd refuses to start without its privilege-separation directory (root can create it; for
  // anyone else it must already exist, and sshd's own error says so).
  try {
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  } catch {
    // Not ours to create.
  }
  const hostKey = join(root, 'host_key');
  const hostPub = keygen(hostKey);
  const otherHostPub = keygen(join(root, 'other_host_key'));
  const port = await freePort();
  const authorizedKeys = join(root, 'authorized_keys');
  writeFileSync(authorizedKeys, '');
  const config = join(root, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      `PidFile ${join(root, 'sshd.pid')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PermitUserEnvironment yes',
      // The temp dirs are not owned the way StrictModes wants a real home to be.
      'StrictModes no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const sshd: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let sshdLog = '';
  sshd.stderr?.on('data', (chunk: Buffer) => (sshdLog = (sshdLog + chunk.toString()).slice(-4000)));
  await waitFor(
    'sshd accepts connections',
    () =>
      new Promise<boolean>((resolve) => {
        const socket = createConnection(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      }),
    { describe: () => `sshd log: ${sshdLog}` },
  );

  const deckBin = join(root, 'deck-bin');
  mkdirSync(deckBin);
  symlinkSync(BIN, join(deckBin, 'dot-agent-deck'));
  const sshConfig = join(root, 'ssh_config');
  writeFileSync(sshConfig, '');
  local.env.DOT_AGENT_DECK_SSH_CONFIG = sshConfig;
  delete local.env.SSH_AUTH_SOCK;
  const worlds: DeckEnv[] = [];

  return {
    port,
    root,
    local,
    addLogin(alias, options = {}) {
      const world = createDeckEnv({ PS1: 'deck$ ' });
      worlds.push(world);
      const key = join(root, `key-${alias}`);
      const pub = keygen(key);
      const path = `${options.withDeck === false ? '' : `${deckBin}:`}${process.execPath.replace(/\/node$/, '')}:/usr/bin:/bin`;
      const env: Record<string, string> = {
        HOME: world.home,
        PATH: path,
        SHELL: '/bin/bash',
        PS1: 'deck$ ',
        DOT_AGENT_DECK_RUNTIME_DIR: world.runtimeDir,
        DOT_AGENT_DECK_STATE_DIR: world.stateDir,
        DOT_AGENT_DECK_CONFIG_DIR: world.configDir,
        XDG_CONFIG_HOME: join(world.root, 'xdg-config'),
        XDG_STATE_HOME: join(world.root, 'xdg-state'),
        ...options.env,
      };
      if (options.authorized !== false) {
        const line = `${Object.entries(env)
          .map(([name, value]) => `environment="${name}=${value}"`)
          .join(',')} ${pub}\n`;
        writeFileSync(authorizedKeys, readFileSync(authorizedKeys, 'utf8') + line);
      }
      const knownHosts = join(root, `known_hosts-${alias}`);
      const known = options.knownHost ?? 'right';
      writeFileSync(knownHosts, known === 'none' ? '' : `[127.0.0.1]:${port} ${known === 'right' ? hostPub : otherHostPub}\n`);
      writeFileSync(
        sshConfig,
        `${readFileSync(sshConfig, 'utf8')}Host ${alias}\n  HostName 127.0.0.1\n  Port ${port}\n  User ${userInfo().username}\n  IdentityFile ${key}\n  IdentitiesOnly yes\n  UserKnownHostsFile ${knownHosts}\n  StrictHostKeyChecking yes\n  LogLevel ERROR\n\n`,
      );
      return { alias, key, world };
    },
    async dispose() {
      for (const world of worlds) {
        await runCli(['daemon', 'stop', '--force'], { env: world.env }).catch(() => undefined);
      }
      await runCli(['daemon', 'stop', '--force'], { env: local.env }).catch(() => undefined);
      sshd.kill('SIGTERM');
      for (const world of worlds) world.cleanup();
      local.cleanup();
    },
  };
}
