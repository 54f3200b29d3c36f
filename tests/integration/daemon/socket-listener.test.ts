// The daemon's socket listens before the daemon has loaded (daemon/socket-listener.ts): a client
// that connects meanwhile is held with its bytes unread and handed to the daemon in order.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocketListener } from '../../../src/daemon/socket-listener.js';
import { createDaemonHarness } from '../../helpers/daemon-harness.js';
import { createDeckEnv, type DeckEnv } from '../../helpers/deck-env.js';
import { waitFor } from '../../helpers/wait.js';

describe('SocketListener', () => {
  let world: DeckEnv;
  const opened: Array<{ close(): void } | Socket> = [];
  beforeEach(() => {
    world = createDeckEnv();
  });
  afterEach(() => {
    for (const thing of opened.splice(0)) {
      if ('destroy' in thing) thing.destroy();
      else thing.close();
    }
    world.cleanup();
  });

  const connect = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = createConnection(world.socket);
      opened.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
    });

  it('accepts connections before the daemon adopts it, and hands them over with what they sent, in order', async () => {
    const pidFile = join(world.runtimeDir, 'daemon.sock.pid');
    const listener = await SocketListener.listen({ socketPath: world.socket, pidFile });
    opened.push(listener);
    expect(statSync(world.socket).mode & 0o777).toBe(0o600);
    expect(readFileSync(pidFile, 'utf8')).toBe(String(process.pid));

    const first = await connect();
    first.write('hello from the first\n');
    const second = await connect();
    second.write('and the second\n');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the bytes reach the daemon's side before it adopts

    const received: string[] = [];
    listener.adopt((socket) => {
      opened.push(socket);
      socket.setEncoding('utf8');
      socket.on('data', (text: string) => received.push(text));
    });
    await waitFor('both waiting clients are handed over with their bytes', () => received.join('') === 'hello from the first\nand the second\n');

    const third = await connect();
    third.write('after adoption\n');
    await waitFor('a later client goes straight to the daemon', () => received.join('').endsWith('after adoption\n'));
  });

  it('drops a client that left while it waited, and hands over the rest', async () => {
    const listener = await SocketListener.listen({ socketPath: world.socket });
    opened.push(listener);
    const leaving = await connect();
    const staying = await connect();
    staying.write('still here\n');
    leaving.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const handed: Socket[] = [];
    let text = '';
    listener.adopt((socket) => {
      handed.push(socket);
      opened.push(socket);
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    });
    await waitFor('the staying client is handed over', () => text === 'still here\n');
    expect(handed).toHaveLength(1);
  });

  it('replaces a stale file at the socket path', async () => {
    writeFileSync(world.socket, 'left behind by a crash');
    const listener = await SocketListener.listen({ socketPath: world.socket });
    opened.push(listener);
    await expect(connect()).resolves.toBeDefined();
  });

  it('refuses to start beside a daemon that answers, naming its pid', async () => {
    const h = createDaemonHarness();
    try {
      await h.ok(['daemon', 'start']);
      await expect(SocketListener.listen({ socketPath: h.deck.socket })).rejects.toThrow(
        `A dot-agent-deck daemon is already running (pid ${h.daemonPid()}) on ${h.deck.socket}.`,
      );
      expect((await h.panes()).length).toBe(0); // the running daemon still answers
    } finally {
      await h.dispose();
    }
  });
});
