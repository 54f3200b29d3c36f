// The daemon's socket, listening before the rest of the daemon has loaded (bench start: the
// bundle's handlers, schemas and services take most of the start). A connection that arrives
// meanwhile waits untouched — its handshake stays unread in the socket — until the daemon adopts
// the listener; from then on every connection goes straight to the daemon.
import { chmodSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { UserError } from '../common/errors.js';
import { writeFileAtomicSync } from '../common/fs-atomic.js';
import { ensurePrivateDir } from '../common/private-dir.js';

/** Connections held while the daemon loads; more than this many at once are refused. */
const MAX_WAITING = 64;

export interface SocketListenerOptions {
  socketPath: string;
  /** Where to write the daemon's pid once the socket listens. */
  pidFile?: string;
}

export class SocketListener {
  private accept: ((socket: Socket) => void) | null = null;
  private readonly waiting = new Set<Socket>();

  private constructor(readonly server: Server) {
    server.on('connection', (socket) => this.arrived(socket));
  }

  /** Refuses to start beside a live daemon, replaces a stale socket, listens (mode 0600), writes the pid file. */
  static async listen(options: SocketListenerOptions): Promise<SocketListener> {
    const { socketPath } = options;
    // The directory's privacy is checked before anything is written into it.
    ensurePrivateDir(dirname(socketPath));
    await refuseIfRunning(socketPath);
    try {
      unlinkSync(socketPath);
    } catch {
      // No stale socket.
    }
    const server = createServer();
    const listener = new SocketListener(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    chmodSync(socketPath, 0o600);
    // Written as soon as clients can connect: a client that read our pid from the handshake may
    // look for this file at once (`daemon restart` of a daemon that refuses its protocol needs it).
    // Atomic (temp file, then rename): a symlink planted at the name is replaced, not written through.
    if (options.pidFile) writeFileAtomicSync(options.pidFile, String(process.pid), { mode: 0o600 });
    return listener;
  }

  /** From now on connections go to `accept`, the ones that waited first, in their order. */
  adopt(accept: (socket: Socket) => void): void {
    this.accept = accept;
    const waited = [...this.waiting];
    this.waiting.clear();
    for (const socket of waited) {
      socket.removeAllListeners('error');
      socket.removeAllListeners('close');
      if (!socket.destroyed) accept(socket);
    }
  }

  close(): void {
    this.server.close();
    for (const socket of this.waiting) socket.destroy();
    this.waiting.clear();
  }

  private arrived(socket: Socket): void {
    if (this.accept) {
      this.accept(socket);
      return;
    }
    if (this.waiting.size >= MAX_WAITING) {
      socket.destroy();
      return;
    }
    this.waiting.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.waiting.delete(socket));
  }
}

/** A daemon that answers on the socket is left alone; a socket nobody listens on is stale. */
async function refuseIfRunning(socketPath: string): Promise<void> {
  if (!(await someoneListens(socketPath))) return;
  // Rare: say which daemon it is (the protocol is loaded only for this).
  const { Connection } = await import('../protocol/connection.js');
  const { VERSION } = await import('../common/version.js');
  let pid: number | null = null;
  try {
    const existing = await Connection.connect({ socketPath, client: 'cli', version: VERSION, timeoutMs: 2000 });
    pid = existing.daemonPid;
    existing.dispose();
  } catch {
    // It listens but does not answer as a daemon: treated as stale, as before.
    return;
  }
  throw new UserError(`A dot-agent-deck daemon is already running (pid ${pid}) on ${socketPath}.`);
}

function someoneListens(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}
