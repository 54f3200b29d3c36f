import { describe, expect, it } from 'vitest';
import { nextReconnectStep, RECONNECT_GIVE_UP_MS, type ReconnectStep } from '../../../../src/tui/link/reconnect-backoff.js';

describe('reconnect backoff', () => {
  it.each<[string, number, number, ReconnectStep]>([
    ['the first try comes quickly', 0, 0, { kind: 'retry', delayMs: 100 }],
    ['then doubles', 1, 150, { kind: 'retry', delayMs: 200 }],
    ['and doubles again', 3, 1500, { kind: 'retry', delayMs: 800 }],
    ['up to 2 s', 5, 4000, { kind: 'retry', delayMs: 2000 }],
    ['and stays there', 40, 60_000, { kind: 'retry', delayMs: 2000 }],
    ['the last wait ends at the deadline', 40, RECONNECT_GIVE_UP_MS - 500, { kind: 'retry', delayMs: 500 }],
    ['gives up after two minutes down', 40, RECONNECT_GIVE_UP_MS, { kind: 'give-up' }],
    ['whatever the count of failures', 0, RECONNECT_GIVE_UP_MS + 1, { kind: 'give-up' }],
  ])('%s', (_name, failures, downForMs, expected) => {
    expect(nextReconnectStep(failures, downForMs)).toEqual(expected);
  });
});
