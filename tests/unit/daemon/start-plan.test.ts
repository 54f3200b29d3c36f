// The decisions around a worker agent's start: restart a silent start once, hold siblings back
// until the start is ready, gone or held long enough.
import { describe, expect, it } from 'vitest';
import { holdsSiblings, NO_START_POLICY, startVerdict, type StartLook, type StartPolicy } from '../../../src/daemon/start-plan.js';

const OPENCODE: StartPolicy = { apart: true, silentRestartMs: 30_000 };
const look = (over: Partial<StartLook>): StartLook => ({ drewText: false, idleMs: 10_000, running: true, sinceSpawnMs: 0, restarts: 0, ...over });

describe('startVerdict', () => {
  it.each<[string, StartPolicy, Partial<StartLook>, ReturnType<typeof startVerdict>]>([
    ['an agent without a start policy is delivered to at once', NO_START_POLICY, { sinceSpawnMs: 0 }, 'go'],
    ['…even when it is silent for long', NO_START_POLICY, { sinceSpawnMs: 600_000 }, 'go'],
    ['a start that drew text goes on', OPENCODE, { drewText: true, sinceSpawnMs: 100 }, 'go'],
    ['a silent start within its limit is waited for', OPENCODE, { sinceSpawnMs: 29_999 }, 'wait'],
    ['a silent, idle start at its limit is restarted', OPENCODE, { sinceSpawnMs: 30_000 }, 'restart'],
    ['…and so is one whose CPU cannot be read', OPENCODE, { sinceSpawnMs: 30_000, idleMs: null }, 'restart'],
    ['a silent start still using CPU is slow, not stuck: waited for', OPENCODE, { sinceSpawnMs: 30_000, idleMs: 9_999 }, 'wait'],
    ['…up to the busy limit, then left to delivery', OPENCODE, { sinceSpawnMs: 120_000, idleMs: 0 }, 'go'],
    ['a silent restart is not restarted again: delivery reports it', OPENCODE, { sinceSpawnMs: 30_000, restarts: 1 }, 'go'],
    ['a start that ended goes to delivery, which says why', OPENCODE, { running: false, sinceSpawnMs: 40_000 }, 'go'],
    ['a restarted start that draws goes on', OPENCODE, { drewText: true, sinceSpawnMs: 5_000, restarts: 1 }, 'go'],
  ])('%s', (_name, policy, over, expected) => {
    expect(startVerdict(policy, look(over))).toBe(expected);
  });
});

describe('holdsSiblings', () => {
  it.each([
    ['starting, within the hold', { ready: false, gone: false, sinceSpawnMs: 5_000 }, true],
    ['at its input box', { ready: true, gone: false, sinceSpawnMs: 5_000 }, false],
    ['its program ended', { ready: false, gone: true, sinceSpawnMs: 5_000 }, false],
    ['held for the whole hold', { ready: false, gone: false, sinceSpawnMs: 20_000 }, false],
  ])('%s → %s', (_name, hold, expected) => {
    expect(holdsSiblings(hold, 20_000)).toBe(expected);
  });
});
