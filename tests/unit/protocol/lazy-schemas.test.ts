// The protocol's request-side schemas are built on first use (protocol/lazy-record.ts, z.lazy in
// protocol/messages.ts), so the deck's start does not construct what only the daemon runs; built
// late, they must still accept and refuse exactly what they did.
import { describe, expect, it } from 'vitest';
import { lazyRecord } from '../../../src/protocol/lazy-record.js';
import { ClientMessage, Request, Responses } from '../../../src/protocol/messages.js';

describe('lazyRecord', () => {
  it('builds a value on its first read, once, and lists every key before that', () => {
    const built: string[] = [];
    const record = lazyRecord({
      a: () => (built.push('a'), { n: 1 }),
      b: () => (built.push('b'), { n: 2 }),
    });
    expect(Object.keys(record)).toEqual(['a', 'b']);
    expect(built).toEqual([]);
    const first = record.a;
    expect(record.a).toBe(first);
    expect(built).toEqual(['a']);
    expect(record.b.n).toBe(2);
    expect(built).toEqual(['a', 'b']);
  });
});

describe('the lazily built protocol schemas', () => {
  it('are lazy: Request and ClientMessage wrap a builder', () => {
    expect(Request._zod.def.type).toBe('lazy');
    expect(ClientMessage._zod.def.type).toBe('lazy');
  });

  it.each([
    ['a list request', { type: 'request', id: 1, body: { kind: 'list' } }, true],
    ['a subscribe request', { type: 'request', id: 2, body: { kind: 'subscribe', pane: 'p1', cols: 80, rows: 24 } }, true],
    ['a hello', { type: 'hello', protocol: 2, client: 'tui', version: '0.1.0', pid: 42 }, true],
    ['input', { type: 'input', pane: 'p1', data: 'aGk=' }, true],
    ['an unknown request kind', { type: 'request', id: 3, body: { kind: 'nope' } }, false],
    ['a subscribe of 1 column', { type: 'request', id: 4, body: { kind: 'subscribe', pane: 'p1', cols: 1, rows: 24 } }, false],
    ['an unknown message type', { type: 'bye' }, false],
  ])('ClientMessage: %s', (_name, message, ok) => {
    expect(ClientMessage.safeParse(message).success).toBe(ok);
  });

  it.each([
    ['kill', { paneId: 'p1' }, true],
    ['kill', { paneId: 7 }, false],
    ['lock-release', { name: 'build', released: true }, true],
    ['lock-release', { name: 'build' }, false],
  ] as const)('Responses.%s of %j', (kind, body, ok) => {
    expect(Responses[kind].safeParse(body).success).toBe(ok);
  });

  it('has a response schema for every request kind', () => {
    const kinds = (Request._zod.def as unknown as { getter: () => { options: { shape: { kind: { value: string } } }[] } })
      .getter()
      .options.map((option) => option.shape.kind.value);
    expect(Object.keys(Responses).sort()).toEqual([...kinds].sort());
  });
});
