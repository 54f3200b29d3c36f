// cli/deck-prefetch.ts: the early connection's pane list is asked for at once and handed to the
// link's first `list`; every other request goes to the daemon as before.
import { describe, expect, it } from 'vitest';
import { prefetchPaneList } from '../../../src/cli/deck-prefetch.js';
import type { Connection } from '../../../src/protocol/connection.js';

/** A connection that records each request and answers it with its number. */
function fakeConnection() {
  const sent: string[] = [];
  const connection = {
    request: (body: { kind: string }) => {
      sent.push(body.kind);
      return Promise.resolve({ panes: [], n: sent.length });
    },
  };
  return { sent, connection: connection as unknown as Pick<Connection, 'request'> };
}

describe('prefetchPaneList', () => {
  it('asks for the list before anybody does, and answers the first list with it', async () => {
    const { sent, connection } = fakeConnection();
    const prefetched = prefetchPaneList(connection);
    expect(sent).toEqual(['list']);
    expect(await prefetched.request({ kind: 'list' })).toEqual({ panes: [], n: 1 });
    expect(sent).toEqual(['list']);
  });

  it.each([
    ['a second list', [{ kind: 'list' }, { kind: 'list' }], ['list', 'list']],
    ['other kinds', [{ kind: 'status' }, { kind: 'list' }], ['list', 'status']],
  ] as const)('sends %s to the daemon', async (_name, bodies, expected) => {
    const { sent, connection } = fakeConnection();
    const prefetched = prefetchPaneList(connection);
    for (const body of bodies) await prefetched.request(body as never);
    expect(sent).toEqual(expected);
  });

  it('keeps a failed answer for the one who asks', async () => {
    const sent: string[] = [];
    const connection = {
      request: (body: { kind: string }) => (sent.push(body.kind), Promise.reject(new Error('closed'))),
    } as unknown as Pick<Connection, 'request'>;
    const prefetched = prefetchPaneList(connection);
    await expect(prefetched.request({ kind: 'list' })).rejects.toThrow('closed');
    expect(sent).toEqual(['list']);
  });
});
