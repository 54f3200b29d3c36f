// The link's reconnect machine against fake connections and virtual time: no socket, no sleep.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../src/common/errors.js';
import { DaemonRefusedError } from '../../../../src/protocol/connection.js';
import { DaemonLink, type LinkConnection, type LinkState } from '../../../../src/tui/link/daemon-link.js';
import { RECONNECT_GIVE_UP_MS } from '../../../../src/tui/link/reconnect-backoff.js';
import { FakeClock } from '../../../helpers/fake-clock.js';
import { pane } from '../state/fixtures.js';
import { FakeConnection } from './fake-connection.js';

type Attempt = FakeConnection | Error;

/** A link whose n-th connect answers attempts[n] (the last one repeats). */
function linkWith(attempts: Attempt[], options: { stoppedOnPurpose?: () => boolean } = {}) {
  const clock = new FakeClock();
  let tries = 0;
  const link = new DaemonLink({
    clock,
    connect: () => {
      const next = attempts[Math.min(tries++, attempts.length - 1)]!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as unknown as LinkConnection);
    },
    ...(options.stoppedOnPurpose ? { stoppedOnPurpose: options.stoppedOnPurpose } : {}),
  });
  const states: LinkState[] = [];
  const lists: string[][] = [];
  link.onState((state) => states.push(state));
  link.onPanes((panes) => lists.push(panes.map((p) => p.id)));
  /** Runs virtual time until the link reaches a state of `kind`. */
  const until = (kind: LinkState['kind']) =>
    clock.run(
      new Promise<void>((resolve) => {
        if (link.state.kind === kind) resolve();
        link.onState((state) => state.kind === kind && resolve());
      }),
    );
  return { link, clock, states, lists, until, tries: () => tries };
}

const unavailable = () => new Error('no daemon is listening on /run/daemon.sock (ECONNREFUSED)');
const P = [pane('p1'), pane('p2', { tab: 'dev' })];

describe('DaemonLink', () => {
  it('opens on the list answered after the restore, not the empty handshake list', async () => {
    const first = new FakeConnection(10, P, []);
    const { link, lists } = linkWith([first]);
    await link.open();
    expect(link.state).toEqual({ kind: 'up', reconnected: false });
    expect(first.requests).toEqual(['list']);
    expect(lists).toEqual([['p1', 'p2']]);
  });

  it("keeps the daemon's notices until the deck takes them, each once (issue 11, item 8)", async () => {
    const restored = 'Restored 2 panes from the previous session file; the newest was unreadable and kept as /s/session.json.broken-1 (it is empty).';
    const first = new FakeConnection(10, P, [], [restored]);
    const second = new FakeConnection(11, P, [], []);
    const { link, until } = linkWith([first, second]);
    let told = 0;
    link.onNotice(() => told++);
    await link.open();
    expect(told).toBe(1);
    expect(link.takeNotices()).toEqual([restored]);
    expect(link.takeNotices()).toEqual([]);
    first.drop();
    await until('up');
    expect(told).toBe(1);
    expect(link.takeNotices()).toEqual([]);
  });

  it("takes an older daemon's list without notices", async () => {
    const { link } = linkWith([new FakeConnection(10, P)]);
    await link.open();
    expect(link.takeNotices()).toEqual([]);
  });

  it('reconnects after a drop, starting with 100 ms and doubling, and reports each try', async () => {
    const first = new FakeConnection(10, P);
    const second = new FakeConnection(11, P);
    const { link, states, until, clock } = linkWith([first, unavailable(), unavailable(), second]);
    await link.open();
    const droppedAt = clock.now();
    first.drop();
    await until('up');
    expect(states.map((s) => s.kind)).toEqual(['up', 'reconnecting', 'reconnecting', 'reconnecting', 'reconnecting', 'up']);
    expect(states.at(-1)).toEqual({ kind: 'up', reconnected: true });
    // Waits of 100 + 200 + 400 ms before the three tries.
    expect(clock.now() - droppedAt).toBe(700);
    expect(states[4]).toEqual({ kind: 'reconnecting', attempt: 3, downForMs: 700, error: 'no daemon is listening on /run/daemon.sock (ECONNREFUSED)' });
    expect(link.daemonPid).toBe(11);
  });

  it('drops keys and refuses requests while down, and forwards them once back', async () => {
    const first = new FakeConnection(10, P);
    const second = new FakeConnection(11, P);
    const { link, until } = linkWith([first, second]);
    await link.open();
    first.drop();
    link.sendInput('p1', 'x');
    await expect(link.request({ kind: 'status' })).rejects.toThrow(/reconnecting/);
    await until('up');
    link.sendInput('p1', 'y');
    expect(first.inputs).toEqual([]);
    expect(second.inputs).toEqual(['p1']);
  });

  it('forwards pushes of the connection in use only', async () => {
    const first = new FakeConnection(10, P);
    const second = new FakeConnection(11, [pane('p1')]);
    const { link, lists, until } = linkWith([first, second]);
    await link.open();
    first.drop();
    await until('up');
    first.panesEmitter.fire([pane('old')]);
    second.panesEmitter.fire([pane('p1'), pane('p3')]);
    expect(lists).toEqual([['p1', 'p2'], ['p1'], ['p1', 'p3']]);
    expect(link.panes?.map((p) => p.id)).toEqual(['p1', 'p3']);
  });

  it('gives up after two minutes with what failed last', async () => {
    const first = new FakeConnection(10, P);
    const { link, states, until, clock, tries } = linkWith([first, new UserError('Permission denied on the daemon socket /run/daemon.sock.')]);
    await link.open();
    const droppedAt = clock.now();
    first.drop();
    await until('lost');
    expect(clock.now() - droppedAt).toBe(RECONNECT_GIVE_UP_MS);
    // 100+200+…+1600 ms, then a try every 2 s: a bounded number of tries.
    expect(tries()).toBeLessThan(70);
    const lost = states.at(-1);
    expect(lost).toMatchObject({ kind: 'lost', message: expect.stringContaining('could not reconnect within 120 s: Permission denied') });
  });

  it('stops at a daemon that refuses this version, and tries again when asked', async () => {
    const first = new FakeConnection(10, P);
    const refusal = new DaemonRefusedError({
      code: 'protocol',
      message: 'The running daemon is version 0.0.9 (protocol 0).',
      hint: 'run `dot-agent-deck daemon restart`',
    });
    const restarted = new FakeConnection(12, P);
    const { link, states, until } = linkWith([first, refusal, restarted]);
    await link.open();
    first.drop();
    await until('refused');
    expect(states.at(-1)).toEqual({
      kind: 'refused',
      message: 'The running daemon is version 0.0.9 (protocol 0).',
      hint: 'run `dot-agent-deck daemon restart`',
    });
    link.reconnect();
    await until('up');
    expect(link.daemonPid).toBe(12);
  });

  it('opens refused instead of failing, and throws any other first failure', async () => {
    const refused = linkWith([new DaemonRefusedError({ code: 'protocol', message: 'other version' })]);
    await refused.link.open();
    expect(refused.link.state).toEqual({ kind: 'refused', message: 'other version', hint: null });
    const broken = linkWith([new UserError('Permission denied on the daemon socket.')]);
    await expect(broken.link.open()).rejects.toThrow(/Permission denied/);
  });

  it.each<[string, { expect?: boolean; stoppedOnPurpose?: boolean }, LinkState]>([
    ['this deck asked the daemon to stop', { expect: true }, { kind: 'closed', by: 'expected' }],
    ['someone stopped it with its panes', { stoppedOnPurpose: true }, { kind: 'closed', by: 'elsewhere' }],
  ])('does not reconnect when %s', async (_name, setup, expected) => {
    const first = new FakeConnection(10, P);
    const { link, states, tries } = linkWith([first], { stoppedOnPurpose: () => setup.stoppedOnPurpose ?? false });
    await link.open();
    if (setup.expect) link.expectClose();
    first.drop();
    expect(states.at(-1)).toEqual(expected);
    expect(tries()).toBe(1);
  });

  it('stops trying once disposed', async () => {
    const first = new FakeConnection(10, P);
    const { link, clock, tries } = linkWith([first, unavailable()]);
    await link.open();
    first.drop();
    await clock.run(new Promise((resolve) => setImmediate(resolve)));
    link.dispose();
    const before = tries();
    await clock.run(new Promise((resolve) => setTimeout(resolve, 20)));
    expect(tries()).toBe(before);
  });
});
