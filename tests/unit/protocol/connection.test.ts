// The client connection against a scripted socket server: what a refusal looks like, and which
// pane list is the newest when a `list` answer and a push arrive together.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/common/errors.js';
import { Connection, isDaemonRefusal } from '../../../src/protocol/connection.js';
import { encodeFrame } from '../../../src/protocol/framing.js';
import type { ClientMessage, DaemonMessage } from '../../../src/protocol/messages.js';
import { pane } from '../tui/state/fixtures.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/protocol-version.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A server that answers each client message with `reply` (written as one chunk). */
async function scriptedDaemon(reply: (message: ClientMessage) => DaemonMessage[]): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'dad-conn-'));
  const socketPath = join(root, 'daemon.sock');
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
        const message = JSON.parse(buffered.slice(0, nl)) as ClientMessage;
        buffered = buffered.slice(nl + 1);
        const out = reply(message);
        if (out.length > 0) socket.write(out.map(encodeFrame).join(''));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
    rmSync(root, { recursive: true, force: true });
  });
  return socketPath;
}

const welcome: DaemonMessage = { type: 'welcome', protocol: PROTOCOL_VERSION, version: 'test', pid: 4242 };

describe('Connection', () => {
  it('reports a refusing daemon as a refusal that is still a user error', async () => {
    const socketPath = await scriptedDaemon(() => [
      {
        type: 'refused',
        error: { code: 'protocol', message: 'The running daemon is version 0.0.9 (protocol 0).', hint: 'run `dot-agent-deck daemon restart`' },
      },
    ]);
    const error = await Connection.connect({ socketPath, client: 'tui', version: 'test' }).catch((e: unknown) => e);
    expect(isDaemonRefusal(error)).toBe(true);
    expect(isUserError(error)).toBe(true);
    expect(error).toMatchObject({ message: 'The running daemon is version 0.0.9 (protocol 0).', hint: 'run `dot-agent-deck daemon restart`' });
  });

  it.each<[string, (id: number) => DaemonMessage[], string[]]>([
    ['the list answer replaces the handshake list', (id) => [{ type: 'result', id, body: { panes: [pane('p1'), pane('p2')] } }], ['p1', 'p2']],
    [
      'a push right after the answer, in the same chunk, is newer',
      (id) => [
        { type: 'result', id, body: { panes: [pane('p1')] } },
        { type: 'panes', panes: [pane('p1'), pane('p3')] },
      ],
      ['p1', 'p3'],
    ],
    [
      'a push right before the answer is older',
      (id) => [
        { type: 'panes', panes: [pane('old')] },
        { type: 'result', id, body: { panes: [pane('p1')] } },
      ],
      ['p1'],
    ],
  ])('%s', async (_name, answer, expected) => {
    const socketPath = await scriptedDaemon((message) => {
      if (message.type === 'hello') return [welcome, { type: 'panes', panes: [] }];
      if (message.type === 'request') return answer(message.id);
      return [];
    });
    const connection = await Connection.connect({ socketPath, client: 'tui', version: 'test' });
    cleanups.push(() => connection.dispose());
    expect(connection.panes).toEqual([]);
    await connection.request({ kind: 'list' });
    expect(connection.panes?.map((p) => p.id)).toEqual(expected);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['a list answer without panes', 'list', {}, /answer to `list`.*\(panes: /],
    ['a pane in a state no version has', 'list', { panes: [{ ...pane('p1'), state: 'dancing' }] }, /answer to `list`.*\(panes\.0\.state: /],
    ['a scroll offset as text', 'scroll', { paneId: 'p1', offset: '3', total: 10 }, /answer to `scroll`.*\(offset: /],
    ['no body at all', 'kill', null, /answer to `kill`.*\(\(root\): /],
  ])('fails only that request, with a sentence, when %s arrives', async (_name, kind, body, message) => {
    const socketPath = await scriptedDaemon((request) => {
      if (request.type === 'hello') return [welcome];
      if (request.type !== 'request') return [];
      if (request.body.kind === 'status') return [{ type: 'result', id: request.id, body: { ...status, pid: 7 } }];
      return [{ type: 'result', id: request.id, body }];
    });
    const connection = await Connection.connect({ socketPath, client: 'cli', version: 'test' });
    cleanups.push(() => connection.dispose());
    const request =
      kind === 'list'
        ? connection.request({ kind: 'list' })
        : kind === 'scroll'
          ? connection.request({ kind: 'scroll', pane: 'p1', offset: 3 })
          : connection.request({ kind: 'kill', pane: 'p1' });
    const error = await request.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(error).toMatchObject({ hint: expect.stringContaining('daemon restart') });
    // The connection is still good for the next request.
    expect(connection.isClosed).toBe(false);
    await expect(connection.request({ kind: 'status' })).resolves.toMatchObject({ pid: 7 });
  });

  it('fails every open request with a sentence when the daemon breaks the message schema', async () => {
    const socketPath = await scriptedDaemon((request) => {
      if (request.type === 'hello') return [welcome];
      if (request.type === 'request') return [{ type: 'frame', frame: { paneId: 'p1' } } as unknown as DaemonMessage];
      return [];
    });
    const connection = await Connection.connect({ socketPath, client: 'cli', version: 'test' });
    cleanups.push(() => connection.dispose());
    const error = await connection.request({ kind: 'list' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/sent a message in a shape this version does not understand \(frame\./);
  });
});

const status = {
  pid: 1,
  version: 'test',
  protocol: 1,
  socket: '/tmp/x.sock',
  startedAt: '2026-01-01T00:00:00.000Z',
  uptimeSeconds: 3,
  panes: 0,
  runningPanes: 0,
  clients: 1,
  logFile: '/tmp/daemon.log',
};
