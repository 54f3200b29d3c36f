// Durations on the command line: `90s`, `30m`, `2h`, `1h30m`, or plain seconds (`45`).
import { UserError } from '../common/errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+)(ms|s|m|h|d)/gy;

/** Milliseconds in `text`; `option` names the flag in the error (`--timeout`). */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  let total = 0;
  let end = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(trimmed); match; match = PART.exec(trimmed)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    end = PART.lastIndex;
  }
  if (trimmed === '' || end !== trimmed.length) {
    throw new UserError(`${option} ${JSON.stringify(text)} is not a duration.`, { hint: 'write it like 90s, 30m, 2h or 1h30m', exitCode: 2 });
  }
  return total;
}
