// Issue #18: keystroke → echo with the deck attached over ssh (`connect NAME`, the remote daemon
// reached through `daemon bridge` on a loopback sshd), beside the deck attached locally and
// `ssh -t host tmux attach`, in the same run and the same way as the echo suite (tui-bench.mjs):
// `cat` in the pane, 200×50, the three clients alternating line by line.
//
// Run: `npm run build && node bench/run.mjs remote-echo` (needs /usr/sbin/sshd and tmux).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { BIN, deck, median, sleep, until } from './lib.mjs';
import { deckWorld, LINE_KEYS, openClient, openTyping, percentile, tmuxWorld, typeLine } from './tui-bench.mjs';

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A loopback sshd whose one key logs in with `env` (the remote deck world's directories). */
async function loopbackSshd(root, env) {
  mkdirSync('/run/sshd', { recursive: true });
  const keygen = (file) => {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
    return readFileSync(`${file}.pub`, 'utf8').trim();
  };
  const hostPub = keygen(join(root, 'host_key'));
  const clientPub = keygen(join(root, 'key'));
  const port = await freePort();
  const options = Object.entries(env)
    .map(([name, value]) => `environment="${name}=${value}"`)
    .join(',');
  writeFileSync(join(root, 'authorized_keys'), `${options} ${clientPub}\n`);
  writeFileSync(join(root, 'known_hosts'), `[127.0.0.1]:${port} ${hostPub}\n`);
  writeFileSync(
    join(root, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(root, 'host_key')}`,
      `AuthorizedKeysFile ${join(root, 'authorized_keys')}`,
      `PidFile ${join(root, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PermitUserEnvironment yes',
      'StrictModes no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(root, 'sshd_config')], { stdio: 'ignore' });
  await until(
    'sshd accepts connections',
    () =>
      new Promise((resolve) => {
        const socket = createConnection(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      }),
    10_000,
  );
  const config = join(root, 'ssh_config');
  writeFileSync(
    config,
    `Host box\n  HostName 127.0.0.1\n  Port ${port}\n  User ${userInfo().username}\n  IdentityFile ${join(root, 'key')}\n  IdentitiesOnly yes\n  UserKnownHostsFile ${join(root, 'known_hosts')}\n  StrictHostKeyChecking yes\n  LogLevel ERROR\n`,
  );
  return { config, dispose: () => sshd.kill('SIGTERM') };
}

export async function remoteEcho(keys = 300) {
  const local = deckWorld(['cat']);
  const remote = deckWorld(['cat']);
  const tmuxSide = tmuxWorld(['cat'], undefined, 'remote');
  const laptop = deckWorld([]);
  const root = join(laptop.env.HOME, 'sshd');
  mkdirSync(root);
  const deckBin = join(root, 'bin');
  mkdirSync(deckBin);
  symlinkSync(BIN, join(deckBin, 'dot-agent-deck'));
  const pick = (names) => Object.fromEntries(names.map((name) => [name, remote.env[name]]).filter(([, value]) => value !== undefined));
  const sshd = await loopbackSshd(root, {
    ...pick(['HOME', 'DOT_AGENT_DECK_RUNTIME_DIR', 'DOT_AGENT_DECK_STATE_DIR', 'DOT_AGENT_DECK_CONFIG_DIR']),
    PATH: `${deckBin}:${process.execPath.replace(/\/node$/, '')}:/usr/bin:/bin`,
  });
  laptop.env.DOT_AGENT_DECK_SSH_CONFIG = sshd.config;
  delete laptop.env.SSH_AUTH_SOCK;
  deck(laptop.env, 'remote', 'add', 'box', 'box');
  const bridged = {
    ...remote,
    attach: () => openClient(process.execPath, [BIN, 'connect', 'box'], { env: laptop.env, cwd: laptop.env.HOME }),
  };
  const sshTmux = {
    ...tmuxSide,
    attach: () =>
      openClient('ssh', ['-F', sshd.config, '-t', 'box', 'tmux', '-L', tmuxSide.name, '-f', '/dev/null', 'attach-session'], {
        env: tmuxSide.env,
        cwd: '/tmp',
      }),
  };
  const sides = [local, bridged, sshTmux];
  const clients = [];
  try {
    for (const side of sides) clients.push(await openTyping(side));
    const ms = sides.map(() => []);
    for (let line = 0; line * LINE_KEYS < keys; line++) {
      const order = [0, 1, 2].map((i) => (i + line) % 3);
      for (const i of order) await typeLine(clients[i], line * LINE_KEYS, Math.min(LINE_KEYS, keys - line * LINE_KEYS), ms[i]);
    }
    const [localMs, bridgeMs, tmuxMs] = ms;
    const show = (values) => `${median(values).toFixed(2)} ms (p95 ${percentile(values, 95).toFixed(2)})`;
    return {
      name: `keystroke → echo over ssh on loopback, 200×50, cat, ${keys} keys (median, p95)`,
      deck: `connect (bridge) ${show(bridgeMs)}; local deck ${show(localMs)}`,
      tmux: `ssh -t … tmux attach ${show(tmuxMs)}`,
      ratio: median(bridgeMs) / median(tmuxMs),
      budget: 'reported, no budget yet: the bridge adds ssh and one pipe hop to the local deck',
      pass: true,
    };
  } finally {
    for (const c of clients) c.dispose();
    await sleep(200);
    for (const side of [local, remote, laptop]) side.dispose();
    tmuxSide.dispose();
    sshd.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await remoteEcho(Number(process.argv[2] ?? 300)), null, 2));
}
