import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/cli/duration.js';

describe('parseDuration', () => {
  it.each([
    ['45', 45_000],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1d', 86_400_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text, '--timeout')).toBe(ms);
  });

  it.each(['', 'soon', '30 m', '5x', '-1s', '1.5h'])('refuses %j with a sentence naming the flag', (text) => {
    expect(() => parseDuration(text, '--timeout')).toThrow(`--timeout ${JSON.stringify(text)} is not a duration.`);
  });
});
