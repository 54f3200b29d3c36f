import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../../src/common/errors.js';
import { LockService, MAX_LOCK_WAITERS, waitingText, type LockOwner } from '../../../src/daemon/lock-service.js';

const owner = (clientId: number, paneId: string | null = null, agentId: string | null = null): LockOwner => ({
  clientId,
  paneId,
  agentId,
  label: paneId ? `role-${clientId}` : `pid ${clientId}`,
  pid: 1000 + clientId,
  command: 'npm run build',
});

describe('LockService', () => {
  let now = 0;
  let locks: LockService;
  const granted: number[] = [];
  const failed: string[] = [];
  const take = (clientId: number, timeoutMs = 60_000, paneId: string | null = null, agentId: string | null = null) =>
    locks.acquire('build', owner(clientId, paneId, agentId), timeoutMs).then(
      () => void granted.push(clientId),
      (error: Error) => void failed.push(`${clientId}: ${error.message}`),
    );
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000_000;
    locks = new LockService({ now: () => now });
    granted.length = 0;
    failed.length = 0;
  });
  afterEach(() => {
    locks.dispose();
    vi.useRealTimers();
  });

  it.each<[string, (release: (id: number) => void) => void, number[]]>([
    ['in the order asked when each holder releases', (release) => [1, 2, 3, 4].forEach(release), [1, 2, 3, 4, 5]],
    ['skipping a waiter whose client went away', (release) => (locks.releaseClient(3), [1, 2, 4].forEach(release)), [1, 2, 4, 5]],
    ['past a holder whose client disconnected', (release) => (locks.releaseClient(1), release(2)), [1, 2, 3]],
  ])('grants the lock %s', async (_name, act, expected) => {
    for (let id = 1; id <= 5; id++) void take(id);
    await settle();
    expect(granted).toEqual([1]);
    act((id) => expect(locks.release('build', id)).toBe(true));
    await settle();
    expect(granted).toEqual(expected);
  });

  it('frees what a dead pane held or waited for, and keeps a live one', async () => {
    void take(1, 60_000, 'p1', 'a-1');
    void take(2, 60_000, 'p2', 'a-2');
    void take(3, 60_000, 'p3', 'a-3');
    await settle();
    // p1 was respawned (new agent id): its old run held the lock. p2 still runs.
    locks.releaseDeadPanes((paneId, agentId) => paneId === 'p2' && agentId === 'a-2');
    await settle();
    expect(granted).toEqual([1, 2]);
    expect(failed).toEqual(['3: Stopped waiting for lock "build": its pane died.']);
  });

  it('says on the waiting card who holds the lock and for how long', async () => {
    void take(1, 60_000, 'p1', 'a-1');
    void take(2, 60_000, 'p2', 'a-2');
    await settle();
    now += 125_000;
    expect(locks.waitingDetail('p2')).toBe('waiting for lock build (held by role-1, 2m)');
    expect(locks.waitingDetail('p1')).toBeNull();
    expect(locks.waitingPanes()).toEqual(['p2']);
  });

  it('gives up on a waiter after its timeout with exit code 124, and the queue goes on', async () => {
    void take(1);
    void take(2, 30_000);
    void take(3);
    await settle();
    now += 30_000;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(failed).toEqual(['2: Gave up waiting for lock "build" after 30s (held by pid 1 for 30s); the command did not run.']);
    locks.release('build', 1);
    await settle();
    expect(granted).toEqual([1, 3]);
    expect(locks.status()).toMatchObject([{ name: 'build', holder: { label: 'pid 3' }, waiters: [] }]);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a bad name', () => locks.acquire('a/x', owner(1), 0), /^The lock name "a\/x" contains "\/"/],
    ['a second ask from one client', () => (void take(1), locks.acquire('build', owner(1), 0)), /already holds or waits/],
    [
      'a full queue',
      () => {
        for (let id = 1; id <= MAX_LOCK_WAITERS + 1; id++) void take(id);
        return locks.acquire('build', owner(999), 0);
      },
      new RegExp(`^${MAX_LOCK_WAITERS} commands already wait`),
    ],
  ])('refuses %s with a sentence', (_name, act, message) => {
    let error: unknown;
    try {
      act();
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('forgets a lock nobody holds', async () => {
    void take(1);
    await settle();
    expect(locks.release('build', 2)).toBe(false);
    expect(locks.release('build', 1)).toBe(true);
    expect(locks.status()).toEqual([]);
  });
});

describe('waitingText', () => {
  it.each([
    ['build', { label: 'coder', heldMs: 125_000 }, 'waiting for lock build (held by coder, 2m)'],
    ['tests', { label: 'pid 42', heldMs: 9_000 }, 'waiting for lock tests (held by pid 42, 9s)'],
    ['build', null, 'waiting for lock build'],
  ])('%s %j → %s', (name, holder, text) => {
    expect(waitingText(name, holder)).toBe(text);
  });
});
