import { describe, expect, it } from 'vitest';
import { processGroupExists, signalName, signalProcessGroup } from '../../../src/pty/process-group.js';

describe('signalName', () => {
  it.each([
    [1, 'SIGHUP'],
    [2, 'SIGINT'],
    [9, 'SIGKILL'],
    [15, 'SIGTERM'],
    [250, 'SIG250'],
  ])('%i → %s', (signal, name) => {
    expect(signalName(signal)).toBe(name);
  });
});

describe('process group ids', () => {
  // kill(-1) would signal every process we may signal, kill(-0) our own group.
  it.each([1, 0, -5, 1.5, Number.NaN])('refuses %s', (pgid) => {
    expect(() => signalProcessGroup(pgid, 'SIGTERM')).toThrow(RangeError);
    expect(() => processGroupExists(pgid)).toThrow(RangeError);
  });
});
