// The reset times agent CLIs state, read relative to a fixed `now` in named time zones: the
// wordings of AGENT-NOTES.md, tomorrow rollover, and the nights the clocks change.
import { describe, expect, it } from 'vitest';
import { formatResetTime, parseResetTime } from '../../../src/agents/reset-time.js';

const t = (iso: string) => Date.parse(iso);
const NOON = '2026-12-02T12:00:00Z';

describe('parseResetTime', () => {
  it.each([
    // Claude Code
    ['Claude, zone in parentheses', "You've hit your limit · resets 3pm (Europe/Berlin)", NOON, 'UTC', '2026-12-02T14:00:00Z'],
    ['Claude, the hour has passed in that zone: tomorrow', 'resets 3pm (Europe/Berlin)', '2026-12-02T15:00:00Z', 'UTC', '2026-12-03T14:00:00Z'],
    ['Claude, 24-hour clock in the deck zone', 'Your limit will reset at 15:30', NOON, 'UTC', '2026-12-02T15:30:00Z'],
    ['a clock time earlier today means tomorrow', 'resets at 11:30', NOON, 'UTC', '2026-12-03T11:30:00Z'],
    ['the deck zone when none is stated', 'resets 3pm', NOON, 'America/New_York', '2026-12-02T20:00:00Z'],
    ['an unknown zone falls back to the deck zone', 'resets 3pm (Mars/Olympus)', NOON, 'UTC', '2026-12-02T15:00:00Z'],
    ['Claude, relative hours and minutes', 'Usage limit reached. Try again in 2 hours 15 minutes.', NOON, 'UTC', '2026-12-02T14:15:00Z'],
    ['12am is midnight', '5-hour limit reached ∙ resets 12am', NOON, 'UTC', '2026-12-03T00:00:00Z'],
    ['12pm now is tomorrow noon', 'resets 12pm', NOON, 'UTC', '2026-12-03T12:00:00Z'],
    ['explicit tomorrow', 'resets tomorrow at 9am', '2026-12-02T06:00:00Z', 'UTC', '2026-12-03T09:00:00Z'],
    // Codex
    ['Codex, compact relative', "You've hit your usage limit. Upgrade to Pro or try again in 1h 2m.", NOON, 'UTC', '2026-12-02T13:02:00Z'],
    ['Codex, days', 'try again in 2 days 3 hours 15 minutes', NOON, 'UTC', '2026-12-04T15:15:00Z'],
    ['Codex, clock time with AM/PM', "You've hit your usage limit. Try again at 4:05 PM.", NOON, 'America/New_York', '2026-12-02T21:05:00Z'],
    ['Codex, with a date', 'or try again at Dec 3rd, 2026 4:05 PM.', NOON, 'UTC', '2026-12-03T16:05:00Z'],
    ['Codex, a date without a year, over new year', 'try again at Jan 2nd 9:00 AM', '2026-12-31T12:00:00Z', 'UTC', '2027-01-02T09:00:00Z'],
    // Gemini CLI
    ['Gemini, quota reset', 'Quota resets in 3h 20m.', NOON, 'UTC', '2026-12-02T15:20:00Z'],
    ['Gemini, fractional seconds', 'Please retry in 38.07s.', NOON, 'UTC', '2026-12-02T12:00:38.070Z'],
    ['rate limit, seconds in words', 'Rate limit reached, try again in 5 seconds', NOON, 'UTC', '2026-12-02T12:00:05Z'],
    // Clock changes (Europe: last Sunday of March / October at 01:00 UTC; US: 2026-03-08)
    ['a time the clocks skip is shifted past the gap', 'resets 2:30am (Europe/Berlin)', '2026-03-29T00:00:00Z', 'UTC', '2026-03-29T01:30:00Z'],
    ['the afternoon after spring forward is summer time', 'resets 3pm (Europe/Berlin)', '2026-03-29T00:00:00Z', 'UTC', '2026-03-29T13:00:00Z'],
    ['overnight across spring forward', 'resets 9am (Europe/Berlin)', '2026-03-28T22:00:00Z', 'UTC', '2026-03-29T07:00:00Z'],
    ['a time that happens twice: the first', 'resets 2:30am (Europe/Berlin)', '2026-10-24T22:00:00Z', 'UTC', '2026-10-25T00:30:00Z'],
    ['a time that happens twice, the first passed: the second', 'resets 2:30am (Europe/Berlin)', '2026-10-25T00:45:00Z', 'UTC', '2026-10-25T01:30:00Z'],
    ['overnight across fall back', 'resets at 09:00', '2026-10-24T20:00:00Z', 'Europe/Berlin', '2026-10-25T08:00:00Z'],
    ['US spring forward day', 'try again at 4:05 PM', '2026-03-08T12:00:00Z', 'America/New_York', '2026-03-08T20:05:00Z'],
  ])('%s', (_name, text, now, zone, expected) => {
    expect(new Date(parseResetTime(text, t(now), zone) ?? 0).toISOString()).toBe(new Date(expected).toISOString());
  });

  it.each([
    ['no time stated', "You've hit your usage limit. Upgrade to Pro."],
    ['a bare number is not a time', 'resets 5'],
    ['later is not a time', 'Please try again later.'],
    ['no such hour', 'resets at 25:00'],
    ['no such minute', 'resets at 10:75'],
    ['13pm', 'resets 13pm'],
    ['too far ahead to believe', 'try again in 30 days'],
    ['a duration that is not about a reset', 'Worked for 2h 5m'],
  ])('%s → null', (_name, text) => {
    expect(parseResetTime(text, t(NOON), 'UTC')).toBeNull();
  });
});

describe('formatResetTime', () => {
  it.each([
    ['the same day, deck zone', '2026-12-02T14:00:00Z', 'Europe/Berlin', '15:00'],
    ['after midnight but within a day', '2026-12-03T02:05:00Z', 'UTC', '02:05'],
    ['more than a day ahead names the day', '2026-12-04T15:15:00Z', 'UTC', 'Fri 4 Dec 15:15'],
  ])('%s', (_name, at, zone, expected) => {
    expect(formatResetTime(t(at), t(NOON), zone)).toBe(expected);
  });
});
