import { describe, expect, it } from 'vitest';
import { cronProblem, dueSlot, nextFire } from '../../../src/daemon/schedule-due.js';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('nextFire', () => {
  it.each([
    ['0 3 * * *', 'UTC', '2026-01-01T02:59:59Z', '2026-01-01T03:00:00.000Z'],
    ['0 3 * * *', 'UTC', '2026-01-01T03:00:00Z', '2026-01-02T03:00:00.000Z'], // strictly after
    ['*/15 * * * *', 'UTC', '2026-01-01T10:07:30Z', '2026-01-01T10:15:00.000Z'],
    ['0 9 * * 1-5', 'UTC', '2026-01-02T10:00:00Z', '2026-01-05T09:00:00.000Z'], // Friday → Monday
    ['0 0 29 2 *', 'UTC', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'], // the next leap day
    ['0 0 31 * *', 'UTC', '2026-04-01T00:00:00Z', '2026-05-31T00:00:00.000Z'], // April has no 31st
    ['30 * * * * *', 'UTC', '2026-01-01T00:00:00Z', '2026-01-01T00:00:30.000Z'], // six fields: seconds first
    ['0 3 * * *', 'Europe/Berlin', '2026-07-01T00:00:00Z', '2026-07-01T01:00:00.000Z'], // CEST = UTC+2
    ['0 3 * * *', 'Europe/Berlin', '2026-12-01T00:00:00Z', '2026-12-01T02:00:00.000Z'], // CET = UTC+1
    ['0 0 30 2 *', 'UTC', '2026-01-01T00:00:00Z', null], // February 30th never comes
  ])('%s in %s after %s → %s', (cron, zone, after, next) => {
    expect(iso(nextFire(cron, zone, t(after)))).toBe(next);
  });
});

describe('dueSlot', () => {
  it.each([
    ['hourly, checked just before the hour', '0 * * * *', '2026-01-01T09:59:30Z', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000Z'],
    ['hourly, nothing since the last check', '0 * * * *', '2026-01-01T10:00:00Z', '2026-01-01T10:59:59Z', null],
    ['hourly, asleep from 02:10 to 05:30: one firing, for 05:00', '0 * * * *', '2026-01-01T02:10:00Z', '2026-01-01T05:30:00Z', '2026-01-01T05:00:00.000Z'],
    ['daily, asleep for three days: one firing', '0 3 * * *', '2026-01-01T00:00:00Z', '2026-01-04T12:00:00Z', '2026-01-04T03:00:00.000Z'],
    ['every minute, a late timer', '* * * * *', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00.250Z', '2026-01-01T00:01:00.000Z'],
  ])('%s', (_name, cron, lastChecked, now, slot) => {
    expect(iso(dueSlot(cron, 'UTC', t(lastChecked), t(now)))).toBe(slot);
  });
});

describe('cronProblem', () => {
  const NOW = t('2026-01-01T00:00:00Z');
  it.each([
    ['0 3 * * *', undefined, null],
    ['61 * * * *', undefined, /^"61 \* \* \* \*" is not a schedule croner accepts \(Invalid value for minute: 61\)$/],
    ['* * *', undefined, /^"\* \* \*" is not a schedule croner accepts \(invalid configuration format/],
    ['every night', undefined, /is not a schedule croner accepts/],
    ['0 3 * * *', 'Mars/Base', /^"0 3 \* \* \*" in zone "Mars\/Base" is not a schedule croner accepts/],
    ['0 0 30 2 *', undefined, /^"0 0 30 2 \*" never fires after now$/],
  ])('%j in %s', (cron, zone, problem) => {
    const found = cronProblem(cron, zone, NOW);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
