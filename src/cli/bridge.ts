// What a remote deck runs under ssh. `daemon bridge` pipes its stdin and stdout to this host's
// daemon socket, starting the daemon first if none runs: the far client then speaks the protocol
// (handshake included) as if it were local, no port is opened, and the socket stays private.
// `daemon info` prints what `remote check` reports, as one JSON line.
import { createConnection, type Socket } from 'node:net';
import { errorMessage } from '../common/errors.js';
import { VERSION } from '../common/version.js';
import { socketPath } from '../config/paths.js';
import { isDaemonRefusal } from '../protocol/connection.js';
import { PROTOCOL_VERSION } from '../protocol/messages.js';
import { connectDaemon, connectExisting } from './daemon-client.js';

function rawConnect(path: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(socket);
    });
    const onError = () => resolve(null);
    socket.once('error', onError);
  });
}

/** `daemon bridge --existing` exits with this when no daemon runs (ssh passes it through). */
export const NO_DAEMON_EXIT = 3;

/** Pipes stdin ↔ the daemon socket until either side ends; resolves with the exit code. With
 *  `existing`, a host without a running daemon ends with NO_DAEMON_EXIT instead of starting one. */
export async function runBridge(env: NodeJS.ProcessEnv, stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, existing = false): Promise<number> {
  const path = socketPath(env);
  let socket = await rawConnect(path);
  if (!socket && existing) return NO_DAEMON_EXIT;
  if (!socket) {
    // The start lock and the spawn are connectDaemon's; its own connection is only a way to wait.
    (await connectDaemon({ env })).dispose();
    socket = await rawConnect(path);
    if (!socket) throw new Error(`the daemon started but its socket ${path} does not accept connections`);
  }
  const daemon = socket;
  return new Promise((resolve) => {
    let done = false;
    const finish = (code: number) => {
      if (done) return;
      done = true;
      daemon.destroy();
      resolve(code);
    };
    stdin.pipe(daemon);
    daemon.pipe(stdout);
    // ssh went away (the link dropped, the deck detached): the daemon sees its client leave.
    stdin.on('end', () => daemon.end());
    stdin.on('error', () => finish(0));
    stdout.on('error', () => finish(0));
    daemon.on('error', () => finish(1));
    daemon.on('close', () => finish(0));
  });
}

export interface DeckInfo {
  version: string;
  protocol: number;
  node: string;
  platform: string;
  daemon: { running: false } | { running: true; pid: number; version: string } | { running: true; refused: string };
}

export async function deckInfo(env: NodeJS.ProcessEnv): Promise<DeckInfo> {
  const base = { version: VERSION, protocol: PROTOCOL_VERSION, node: process.version, platform: `${process.platform}-${process.arch}` };
  try {
    const connection = await connectExisting({ env });
    if (!connection) return { ...base, daemon: { running: false } };
    connection.dispose();
    return { ...base, daemon: { running: true, pid: connection.daemonPid, version: connection.daemonVersion } };
  } catch (error) {
    if (isDaemonRefusal(error)) return { ...base, daemon: { running: true, refused: errorMessage(error) } };
    throw error;
  }
}
