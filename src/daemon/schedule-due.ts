// When a schedule fires, as pure functions of the cron expression and the clock: croner parses
// and steps the expression, this module decides. A schedule is due when a cron slot fell in
// (last check, now]; however many slots a sleeping machine missed, that is one firing, never a
// burst. Pure: times in, times out.
import { Cron } from 'croner';

function cron(expression: string, timezone: string | undefined): Cron {
  // paused: only computes times; the daemon's own timer fires (so a test's clock can drive it).
  return new Cron(expression, { paused: true, mode: '5-or-6-parts', ...(timezone ? { timezone } : {}) });
}

/** Why the expression (and zone) cannot schedule anything, as a sentence fragment, or null. */
export function cronProblem(expression: string, timezone: string | undefined, now: number): string | null {
  let next: Date | null;
  try {
    next = cron(expression, timezone).nextRun(new Date(now));
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('. ')[0]!.replace(/^Cron\w+: /, '');
    return `${JSON.stringify(expression)}${timezone ? ` in zone ${JSON.stringify(timezone)}` : ''} is not a schedule croner accepts (${why})`;
  }
  return next === null ? `${JSON.stringify(expression)} never fires after now` : null;
}

/** The first slot strictly after `after`, or null when there is none. */
export function nextFire(expression: string, timezone: string | undefined, after: number): number | null {
  try {
    return cron(expression, timezone).nextRun(new Date(after))?.getTime() ?? null;
  } catch {
    return null;
  }
}

/** The latest slot in (lastChecked, now], or null: what fires now, once. */
export function dueSlot(expression: string, timezone: string | undefined, lastChecked: number, now: number): number | null {
  const first = nextFire(expression, timezone, lastChecked);
  if (first === null || first > now) return null;
  // The newest missed slot names the run; older ones are folded into it.
  const [latest] = cron(expression, timezone).previousRuns(1, new Date(now + 1));
  return latest ? Math.max(first, latest.getTime()) : first;
}
