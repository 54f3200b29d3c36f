// The broker's watch rules: what a worker's screen and the clock say about an open commission.
// No activity after delivery, a response timeout, a worker blocked or waiting for a person (told
// once per episode), idle at its prompt without work-done (nudged once, then told), and the
// continue line typed after a usage limit's reset. Pure: a Step in, moves on it out.
import type { BrokerEvent, Commission, Observation } from './broker-types.js';
import { NO_ACTIVITY_MS } from './broker-types.js';
import type { Step } from './broker-step.js';

/** The clock's watches on every delivered commission. */
export function tickWatches(s: Step): void {
  for (const commission of Object.values(s.next.commissions)) {
    if (commission.deliveredAt === null) continue;
    if (commission.resumeAt !== null && s.at >= commission.resumeAt) resume(s, commission);
    // A worker waiting for the orchestrator's reply is not silent on its own account.
    if (commission.question !== null) continue;
    const since = s.at - commission.deliveredAt - commission.waitedMs;
    const quiet = commission.lastActivityAt === null || commission.lastActivityAt <= commission.deliveredAt;
    if (quiet && since >= NO_ACTIVITY_MS) s.watch(commission, 'no-activity');
    if (commission.responseTimeoutMs > 0 && since >= commission.responseTimeoutMs) s.watch(commission, 'response-timeout');
  }
}

/** What the worker's screen shows: blocked and waiting episodes, and the stall watch. */
export function observe(s: Step, event: Extract<BrokerEvent, { type: 'observed' }>): void {
  const { next } = s;
  const commission = next.commissions[event.role];
  if (!commission || commission.deliveredAt === null || commission.agentId !== event.agentId) return;
  let { seen } = event;
  // Waiting for a person or blocked: told once per episode; never answered. A turn ended by
  // an API error (a 429, an overloaded API) stops the worker as surely as a limit screen.
  if (seen.status === 'blocked' || seen.status === 'needs-input' || seen.status === 'error') {
    const kind = seen.status === 'needs-input' ? 'needs-input' : 'blocked';
    if (seen.status === 'error') seen = { ...seen, reason: seen.reason ?? 'its turn ended on an API error' };
    if (commission.episode !== kind) {
      const resumes =
        kind === 'blocked' &&
        seen.until !== null &&
        next.settings.resumeRoles.includes(commission.role) &&
        (next.resumes[commission.paneId] ?? 0) < next.settings.maxResumes;
      const until = seen.until !== null ? Date.parse(seen.until) : NaN;
      s.update(commission.role, {
        episode: kind,
        episodeInputs: kind === 'needs-input' ? seen.inputs : null,
        idleSince: null,
        resumeAt: resumes && Number.isFinite(until) ? until + event.jitterMs : null,
      });
      s.watch(
        commission,
        kind,
        { ...(seen.reason ? { reason: seen.reason } : {}), ...(seen.until ? { until: seen.until } : {}), resumes },
        seen.reason ?? kind,
      );
    }
    return;
  }
  if (commission.episode !== null && answered(commission, seen)) s.update(commission.role, { episode: null, episodeInputs: null });
  stallWatch(s, commission, event);
}

/** A question is over once someone typed into the pane after it was asked: a status that
 *  flickers while it waits (a late hook, a screen rule and a hook disagreeing under load) is not
 *  an answer, and the same question must not be told twice. A blocked episode ends on any other
 *  status, as does a needs-input episode when the pane's typing is unknown. */
function answered(commission: Commission, seen: Observation): boolean {
  if (commission.episode !== 'needs-input' || commission.episodeInputs === null || seen.inputs === null) return true;
  return seen.inputs > commission.episodeInputs;
}

/** Idle at its prompt for the stall grace without work-done: a reminder, then a notice. */
function stallWatch(s: Step, commission: Commission, event: Extract<BrokerEvent, { type: 'observed' }>): void {
  const grace = s.next.settings.stallGraceMs;
  if (grace <= 0) return;
  const { seen } = event;
  // Idle at its prompt is what a worker waiting for a reply should be: no reminder, no notice.
  if (seen.status !== 'idle' || !seen.atPrompt || commission.question !== null) {
    if (commission.idleSince !== null) s.update(commission.role, { idleSince: null });
    return;
  }
  const idleSince = commission.idleSince ?? event.at;
  if (commission.idleSince === null) s.update(commission.role, { idleSince });
  if (event.at - idleSince < grace) return;
  const current = s.next.commissions[commission.role]!;
  if (!current.nudged) {
    s.update(commission.role, { nudged: true, idleSince: event.at });
    s.journal({ event: 'nudge', role: commission.role, agentId: commission.agentId ?? undefined, commission: commission.id });
    s.effects.push({ type: 'type', commission: s.next.commissions[commission.role]!, purpose: 'nudge' });
  } else {
    s.watch(current, 'stalled', {}, 'idle at its prompt without running work-done, after a reminder');
  }
}

function resume(s: Step, commission: Commission): void {
  const { next } = s;
  const count = (next.resumes[commission.paneId] ?? 0) + 1;
  next.resumes[commission.paneId] = count;
  s.update(commission.role, { resumeAt: null, episode: null });
  s.journal({
    event: 'resume',
    role: commission.role,
    agentId: commission.agentId ?? undefined,
    commission: commission.id,
    detail: `attempt ${count} of ${next.settings.maxResumes}`,
  });
  s.effects.push({ type: 'type', commission: next.commissions[commission.role]!, purpose: 'resume' });
}
