// Reads when a usage limit, quota or rate limit resets from the words an agent CLI prints, relative
// to a given `now`. Pure: time zones come from Intl, nothing reads the clock. It knows the
// wordings in docs/AGENT-NOTES.md ("resets 3pm (Europe/Berlin)", "try again in 1h 2m", "try again at
// 4:05 PM", "quota resets in 3h 20m", "retry in 38.07s"); anything else is "no time stated".

const UNITS: Record<string, number> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const UNIT = '(?:days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)';
const PART = `\\d+(?:\\.\\d+)?\\s*${UNIT}\\b`;
/** "try again in 2 hours 15 minutes", "quota resets in 3h 20m", "retry after 38.07s". */
const RELATIVE = new RegExp(`(?:try again|retry|resets?|reset)\\s+(?:in|after)\\s+((?:${PART}(?:\\s*,?\\s*(?:and\\s+)?)?)+)`, 'i');
const DURATION_PART = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNIT})\\b`, 'gi');
/** "resets 3pm (Europe/Berlin)", "reset at 15:30", "try again at Dec 3rd, 2026 4:05 PM", "resets tomorrow at 9am". */
const ABSOLUTE = new RegExp(
  '(?:try again|retry|resets?|reset)(?:\\s+(?:at|after|on))?\\s+' +
    '(?:(tomorrow)\\s+(?:at\\s+)?)?' +
    '(?:([a-z]{3})[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:(\\d{4}),?\\s+)?(?:at\\s+)?)?' +
    '(\\d{1,2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?' +
    '(?:\\s*\\(([A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*)\\))?',
  'i',
);

/** Longest reset the deck believes: a stated time further out is more likely a misread. */
export const MAX_RESET_AHEAD_MS = 8 * 86_400_000;

/**
 * When the limit named in `text` resets (epoch ms), or null when the text states no time.
 * Times without a zone are read in `timeZone` (default: the deck's own); a clock time that has
 * already passed today means tomorrow.
 */
export function parseResetTime(text: string, now: number, timeZone?: string): number | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    let ms = 0;
    for (const part of relative[1]!.matchAll(DURATION_PART)) ms += Number(part[1]) * (UNITS[part[2]!.toLowerCase()] ?? 0);
    return ms > 0 && ms <= MAX_RESET_AHEAD_MS ? now + Math.round(ms) : null;
  }
  const absolute = ABSOLUTE.exec(text);
  if (!absolute) return null;
  const [, tomorrow, monthName, dayText, yearText, hourText, minuteText, meridiem, zoneText] = absolute;
  // A bare number ("resets 5") is not a time: it needs minutes or am/pm.
  if (minuteText === undefined && meridiem === undefined) return null;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  const zone = zoneText !== undefined && isTimeZone(zoneText) ? zoneText : timeZone;
  const today = wallDate(now, zone);
  let at: number | null;
  if (monthName !== undefined) {
    const month = MONTHS.indexOf(monthName.toLowerCase());
    if (month < 0) return null;
    const year = yearText !== undefined ? Number(yearText) : today.year;
    at = firstAfter(now, zonedTimes({ year, month, day: Number(dayText), hour, minute }, zone));
    if (yearText === undefined && at === null) at = firstAfter(now, zonedTimes({ year: year + 1, month, day: Number(dayText), hour, minute }, zone));
  } else {
    const first = tomorrow !== undefined ? 1 : 0;
    at = null;
    for (let offset = first; offset <= first + 1 && at === null; offset++) {
      at = firstAfter(now, zonedTimes({ ...addDays(today, offset), hour, minute }, zone));
    }
  }
  return at !== null && at > now && at - now <= MAX_RESET_AHEAD_MS ? at : null;
}

/** "15:30" in the deck's time zone, with the weekday when it is not within the next day. */
export function formatResetTime(at: number, now: number, timeZone?: string): string {
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  if (at - now < 86_400_000) return clock;
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(at);
  return `${day} ${clock}`;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

interface WallDate {
  year: number;
  /** 0-based, as Date.UTC takes it. */
  month: number;
  day: number;
}

function parts(at: number, zone: string | undefined): WallDate & { hour: number; minute: number; second: number } {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(fields.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month') - 1, day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

function wallDate(at: number, zone: string | undefined): WallDate {
  const { year, month, day } = parts(at, zone);
  return { year, month, day };
}

function addDays(date: WallDate, days: number): WallDate {
  const shifted = new Date(Date.UTC(date.year, date.month, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), day: shifted.getUTCDate() };
}

/** The zone's offset from UTC at `at`, in ms (Berlin in summer: +2 h). */
function offsetAt(at: number, zone: string | undefined): number {
  const p = parts(at, zone);
  return Date.UTC(p.year, p.month, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

function firstAfter(now: number, candidates: number[]): number | null {
  return candidates.find((at) => at > now) ?? null;
}

/**
 * The instants a wall-clock time happens in `zone`, earliest first: one, or two in the hour the
 * clocks fall back. A time the clocks skip (spring forward) comes out shifted forward by the gap.
 */
function zonedTimes(wall: WallDate & { hour: number; minute: number }, zone: string | undefined): number[] {
  const asUtc = Date.UTC(wall.year, wall.month, wall.day, wall.hour, wall.minute);
  // Half a day either side lies outside any transition: the two offsets the day can have.
  const before = asUtc - offsetAt(asUtc - 43_200_000, zone);
  const after = asUtc - offsetAt(asUtc + 43_200_000, zone);
  const valid = [...new Set([Math.min(before, after), Math.max(before, after)])].filter((at) => asUtc - offsetAt(at, zone) === at);
  // Skipped by the clocks: the offset before the gap lands the same distance past it.
  return valid.length > 0 ? valid : [before];
}
