// The delegation broker of one routing group as a pure state machine: commissions, per-role
// queues, delivery outcomes, completions, watches and the orchestrator's notice queue. `step`
// takes a state and an event and returns the next state plus effects; the daemon's shell performs
// the effects (typing, journal lines, files) and feeds their outcomes back as events. No I/O, no
// clocks, no randomness: times and jitter come in events.
//
// The rules a night depends on:
// - one open commission per role; a delegation to a busy role waits in the role's FIFO queue and
//   is delegated when the commission closes (completed, not delivered, or the worker exited);
// - an identical task to a role that already has it open or queued is refused (`again` forces);
// - every watch tells the orchestrator once per commission (or per episode, for a worker that is
//   blocked or waits for a person again), and one event makes one notice.
import { assertNever } from '../common/errors.js';
import type { JournalDraft, PendingNotice, QueuedDelegation, WatchKind } from './journal-entry.js';
import { completionLine, deliveryFailedLine, unsolicitedLine, watchLine, workerTaskLine, type WatchFacts } from './prompt-lines.js';

export interface Commission {
  id: string;
  role: string;
  paneId: string;
  /** The agent the task was typed into; null until the pane's agent is known (a respawn for
   *  the task, or a commission rebuilt after a daemon restart before its re-delivery). */
  agentId: string | null;
  /** The role's task file the worker reads. */
  taskFile: string;
  /** sha256 of the task text: an identical delegation is recognised by it. */
  digest: string;
  from: string;
  delegatedAt: number;
  deliveredAt: number | null;
  lastActivityAt: number | null;
  /** 0 = no response-timeout watch. */
  responseTimeoutMs: number;
  reported: WatchKind[];
  /** The task is typed again because the worker's process restarted (a daemon restart). */
  redelivery: boolean;
  /** Since when the worker sits idle at its prompt (stall watch); null while it works. */
  idleSince: number | null;
  nudged: boolean;
  /** The waiting episode already reported (blocked, needs-input), so it is told once. */
  episode: 'blocked' | 'needs-input' | null;
  /** When the deck types the agent's continue input (a usage limit's reset time + jitter). */
  resumeAt: number | null;
}

export interface Notice {
  role: string;
  line: string;
  /** What commission event it tells of: its delivery is journaled with the commission (and
   *  watch), so a daemon restored after a crash tells again what was never heard. */
  about?: PendingNotice;
}

export interface BrokerSettings {
  /** Idle at the prompt this long without work-done: nudge, then tell (0 = off). */
  stallGraceMs: number;
  /** Roles whose agent is continued after a usage limit's stated reset time. */
  resumeRoles: readonly string[];
  /** Resumes per pane per night. */
  maxResumes: number;
}

export interface BrokerState {
  /** The routing group: coordination files live under `.dot-agent-deck/<group>/`. */
  group: string;
  /** One open commission per role. */
  commissions: Record<string, Commission>;
  /** Delegations waiting for their role's open commission to close, oldest first. */
  queues: Record<string, QueuedDelegation[]>;
  /** Lines waiting for the orchestrator, delivered one at a time. */
  queue: Notice[];
  notifying: Notice | null;
  /** Resumes typed per pane. */
  resumes: Record<string, number>;
  settings: BrokerSettings;
}

/** What the shell saw of a worker with an open commission, every tick. */
export interface Observation {
  /** The status engine's word for the pane (idle, working, blocked, needs-input, …). */
  status: string;
  reason: string | null;
  /** ISO time a blocked status clears, when the screen says. */
  until: string | null;
  /** The agent's input box / prompt is on screen and ready for typing. */
  atPrompt: boolean;
}

export type BrokerEvent =
  | { type: 'delegated'; at: number; commission: Pick<Commission, 'id' | 'role' | 'paneId' | 'agentId' | 'taskFile' | 'digest' | 'from' | 'responseTimeoutMs'> }
  | { type: 'queued'; at: number; delegation: QueuedDelegation }
  /** The pane was (re)started for the commission: the task goes to this agent. */
  | { type: 'spawned'; at: number; commissionId: string; agentId: string }
  | { type: 'delivery-result'; at: number; commissionId: string; role: string; ok: boolean; ms: number; attempts: number; reason?: string }
  | { type: 'work-done'; at: number; role: string; paneId: string; agentId: string; file: string; summary: string; tokens?: number }
  | { type: 'activity'; at: number; role: string; agentId: string }
  | { type: 'observed'; at: number; role: string; agentId: string; seen: Observation; jitterMs: number }
  | { type: 'exited'; at: number; role: string; agentId: string; exit: string }
  /** After a daemon restart: the role's pane runs a fresh agent; its open task is typed again. */
  | { type: 'restarted'; at: number; role: string; agentId: string }
  | { type: 'tick'; at: number }
  /** `retry`: nothing was typed (the orchestrator never became ready), so the notice goes back
   *  to the front of the queue; an orchestrator busy for hours still gets every completion. */
  | { type: 'notice-result'; at: number; ok: boolean; ms: number; reason?: string; retry?: boolean }
  | { type: 'done'; at: number; from: string }
  /** A line for the orchestrator that is not about a commission (the opening line). */
  | { type: 'notice'; at: number; notice: Notice }
  | { type: 'settings'; at: number; settings: BrokerSettings }
  /** After a restore: roles with a queue but no open commission take their next task. */
  | { type: 'drain'; at: number };

export type BrokerEffect =
  | { type: 'journal'; entry: JournalDraft }
  /** Write the role's task file (from the commission's task text), restart the pane if asked,
   *  then type `line` and report the outcome with a `delivery-result`. */
  | { type: 'deliver'; commission: Commission; line: string }
  /** Delegate a queued task now (its role is free). */
  | { type: 'dequeue'; delegation: QueuedDelegation }
  /** Type a reminder or continue line into a worker; the outcome is only journaled. */
  | { type: 'type'; commission: Commission; purpose: 'nudge' | 'resume' }
  /** Write what the worker's screen shows to the watch's evidence file, before the notice. */
  | { type: 'evidence'; commission: Commission; what: string }
  | { type: 'notify'; notice: Notice };

export interface StepResult {
  state: BrokerState;
  effects: BrokerEffect[];
}

/** 30 s: an agent that shows nothing for this long after a prompt probably never got it. */
export const NO_ACTIVITY_MS = 30_000;
/** Notices beyond this are dropped (and journalled): every one is also in the journal. */
export const MAX_QUEUED_NOTICES = 100;
/** Delegations waiting per role; more is a runaway orchestrator, not a plan. */
export const MAX_QUEUE_PER_ROLE = 20;
/** A worker blocked or waiting for a person again is told again, up to this many times a task. */
export const MAX_EPISODES = 3;

export const DEFAULT_SETTINGS: BrokerSettings = { stallGraceMs: 180_000, resumeRoles: [], maxResumes: 3 };

export interface InitialState {
  commissions?: Commission[];
  queued?: QueuedDelegation[];
  settings?: BrokerSettings;
}

export function initialBrokerState(group: string, initial: InitialState = {}): BrokerState {
  const queues: Record<string, QueuedDelegation[]> = {};
  for (const delegation of initial.queued ?? []) (queues[delegation.role] ??= []).push(delegation);
  const commissions = initial.commissions ?? [];
  return {
    group,
    settings: initial.settings ?? DEFAULT_SETTINGS,
    commissions: Object.fromEntries(commissions.map((c) => [c.role, c])),
    queues,
    queue: [],
    notifying: null,
    resumes: {},
  };
}

/** A commission as delegated: nothing delivered, watched or reported yet. */
export function freshCommission(
  fields: Pick<Commission, 'id' | 'role' | 'paneId' | 'agentId' | 'taskFile' | 'digest' | 'from' | 'responseTimeoutMs'>,
  at: number,
): Commission {
  return {
    ...fields,
    delegatedAt: at,
    deliveredAt: null,
    lastActivityAt: null,
    reported: [],
    redelivery: false,
    idleSince: null,
    nudged: false,
    episode: null,
    resumeAt: null,
  };
}

const iso = (at: number) => new Date(at).toISOString();

export function isWatch(kind: PendingNotice['kind']): kind is WatchKind {
  return kind !== 'completed' && kind !== 'undelivered';
}

/** The line of a notice told again after a restart (a watch's resume promise is not repeated:
 *  the restarted daemon has no resume planned). */
export function pendingNoticeLine(group: string, notice: PendingNotice, timeoutMinutes: number): string {
  if (notice.kind === 'completed') return completionLine(group, notice.role);
  if (notice.kind === 'undelivered') return deliveryFailedLine(group, notice.role, notice.detail ?? 'no confirmation');
  const facts: WatchFacts =
    notice.kind === 'exited' ? { ...(notice.detail ? { exit: notice.detail } : {}) } : { ...(notice.detail ? { reason: notice.detail } : {}) };
  return watchLine(group, notice.role, notice.kind, { minutes: timeoutMinutes, ...facts, ...(notice.until ? { until: notice.until } : {}) });
}

/** Whether a report from this pane and agent answers the role's open commission. */
export function ownsCommission(state: BrokerState, role: string, paneId: string, agentId: string): boolean {
  const commission = state.commissions[role];
  return commission !== undefined && commission.paneId === paneId && (commission.agentId === null || commission.agentId === agentId);
}

export type Admission =
  | { kind: 'delegate' }
  /** The same task is open: `again` replaces it (the worker starts over). */
  | { kind: 'supersede'; open: Commission }
  | { kind: 'queue'; position: number; behind: string }
  | { kind: 'duplicate'; open: { id: string; state: 'open' | 'queued' } }
  | { kind: 'queue-full'; limit: number };

/** What a delegation of a task with `digest` to `role` does, decided before anything changes. */
export function admit(state: BrokerState, role: string, digest: string, again: boolean): Admission {
  const open = state.commissions[role];
  const queued = state.queues[role] ?? [];
  if (!again) {
    if (open && open.digest === digest) return { kind: 'duplicate', open: { id: open.id, state: 'open' } };
    const twin = queued.find((delegation) => delegation.digest === digest);
    if (twin) return { kind: 'duplicate', open: { id: twin.id, state: 'queued' } };
  } else if (open && open.digest === digest) {
    return { kind: 'supersede', open };
  }
  if (!open && queued.length === 0) return { kind: 'delegate' };
  if (queued.length >= MAX_QUEUE_PER_ROLE) return { kind: 'queue-full', limit: MAX_QUEUE_PER_ROLE };
  return { kind: 'queue', position: queued.length + 1, behind: open?.id ?? queued.at(-1)!.id };
}

export function step(state: BrokerState, event: BrokerEvent): StepResult {
  const effects: BrokerEffect[] = [];
  const next: BrokerState = {
    ...state,
    commissions: { ...state.commissions },
    queues: { ...state.queues },
    queue: [...state.queue],
    resumes: { ...state.resumes },
  };
  const journal = (entry: Omit<JournalDraft, 'at'>) => effects.push({ type: 'journal', entry: { at: iso(event.at), ...entry } });
  const enqueue = (notice: Notice) => {
    if (next.queue.length >= MAX_QUEUED_NOTICES) {
      journal({ event: 'error', role: notice.role, detail: 'notice queue full; a notice was dropped' });
      return;
    }
    next.queue.push(notice);
  };
  const update = (role: string, change: Partial<Commission>) => {
    next.commissions[role] = { ...next.commissions[role]!, ...change };
  };
  /** The role's commission closed: the oldest queued delegation for it goes now. */
  const close = (role: string) => {
    delete next.commissions[role];
    const waiting = next.queues[role];
    if (!waiting || waiting.length === 0) return;
    const [first, ...rest] = waiting;
    if (rest.length > 0) next.queues[role] = rest;
    else delete next.queues[role];
    journal({ event: 'dequeued', role, commission: first!.id, file: first!.file });
    effects.push({ type: 'dequeue', delegation: first! });
  };
  const watch = (commission: Commission, kind: WatchKind, facts: WatchFacts = {}, evidence?: string) => {
    const current = next.commissions[commission.role] ?? commission;
    const repeats = current.reported.filter((k) => k === kind).length;
    const episodic = kind === 'blocked' || kind === 'needs-input';
    if (repeats >= (episodic ? MAX_EPISODES : 1)) return;
    if (next.commissions[commission.role]) update(commission.role, { reported: [...current.reported, kind] });
    journal({
      event: 'watch',
      watch: kind,
      role: commission.role,
      agentId: commission.agentId ?? undefined,
      commission: commission.id,
      ...(facts.exit || facts.reason ? { detail: facts.exit ?? facts.reason } : {}),
      ...(facts.until ? { until: facts.until } : {}),
    });
    if (evidence !== undefined) effects.push({ type: 'evidence', commission: current, what: evidence });
    const about: PendingNotice = {
      role: commission.role,
      commission: commission.id,
      kind,
      ...(facts.exit || facts.reason ? { detail: facts.exit ?? facts.reason } : {}),
      ...(facts.until ? { until: facts.until } : {}),
    };
    enqueue({
      role: commission.role,
      line: watchLine(next.group, commission.role, kind, { minutes: Math.round(commission.responseTimeoutMs / 60_000), ...facts }),
      about,
    });
  };

  switch (event.type) {
    case 'delegated': {
      const previous = next.commissions[event.commission.role];
      if (previous) journal({ event: 'superseded', role: previous.role, commission: previous.id, agentId: previous.agentId ?? undefined });
      const commission = freshCommission(event.commission, event.at);
      next.commissions[commission.role] = commission;
      journal({
        event: 'delegate',
        from: commission.from,
        role: commission.role,
        paneId: commission.paneId,
        agentId: commission.agentId ?? undefined,
        commission: commission.id,
        file: commission.taskFile,
      });
      effects.push({ type: 'deliver', commission, line: workerTaskLine(next.group, commission.role) });
      break;
    }
    case 'queued': {
      const { delegation } = event;
      const waiting = next.queues[delegation.role] ?? [];
      const behind = next.commissions[delegation.role]?.id ?? waiting.at(-1)?.id;
      next.queues[delegation.role] = [...waiting, delegation];
      journal({
        event: 'queued',
        from: delegation.from,
        role: delegation.role,
        commission: delegation.id,
        file: delegation.file,
        position: waiting.length + 1,
        ...(behind ? { behind } : {}),
      });
      break;
    }
    case 'spawned': {
      const commission = Object.values(next.commissions).find((c) => c.id === event.commissionId);
      if (commission) update(commission.role, { agentId: event.agentId });
      break;
    }
    case 'delivery-result': {
      const commission = Object.values(next.commissions).find((c) => c.id === event.commissionId);
      if (!commission) {
        // Already completed (a quick worker reported before its confirmation came in) or replaced.
        journal({
          event: event.ok ? 'delivered' : 'delivery-failed',
          role: event.role,
          commission: event.commissionId,
          ms: event.ms,
          attempt: event.attempts,
          ...(event.reason ? { detail: event.reason } : {}),
        });
        break;
      }
      const base = { role: commission.role, commission: commission.id, agentId: commission.agentId ?? undefined, ms: event.ms, attempt: event.attempts };
      if (event.ok) {
        update(commission.role, { deliveredAt: event.at, lastActivityAt: null, idleSince: null });
        journal({ event: commission.redelivery ? 'redelivery' : 'delivered', ...base });
        if (commission.redelivery) watch(commission, 'restarted');
      } else {
        journal({ event: 'delivery-failed', ...base, detail: event.reason });
        // One event, one notice, whatever else was seen meanwhile (an exit during the delivery
        // says nothing more). A worker that never became ready is also journaled as a watch.
        if (event.reason?.startsWith('not ready'))
          journal({ event: 'watch', watch: 'not-ready', role: commission.role, commission: commission.id, detail: event.reason });
        const reason = event.reason ?? 'no confirmation';
        enqueue({
          role: commission.role,
          line: deliveryFailedLine(next.group, commission.role, reason),
          about: { role: commission.role, commission: commission.id, kind: 'undelivered', detail: reason },
        });
        close(commission.role);
      }
      break;
    }
    case 'work-done': {
      const commission = next.commissions[event.role];
      if (commission && ownsCommission(next, event.role, event.paneId, event.agentId)) {
        journal({
          event: 'completed',
          role: event.role,
          paneId: event.paneId,
          agentId: event.agentId,
          commission: commission.id,
          file: event.file,
          ms: event.at - commission.delegatedAt,
          ...(event.summary ? { summary: event.summary } : {}),
          ...(event.tokens !== undefined ? { tokens: event.tokens } : {}),
        });
        enqueue({ role: event.role, line: completionLine(next.group, event.role), about: { role: event.role, commission: commission.id, kind: 'completed' } });
        close(event.role);
      } else {
        journal({
          event: 'unsolicited',
          role: event.role,
          paneId: event.paneId,
          agentId: event.agentId,
          file: event.file,
          ...(event.summary ? { summary: event.summary } : {}),
        });
        enqueue({ role: event.role, line: unsolicitedLine(next.group, event.role) });
      }
      break;
    }
    case 'activity': {
      const commission = next.commissions[event.role];
      if (commission && commission.deliveredAt !== null && commission.agentId === event.agentId) update(event.role, { lastActivityAt: event.at });
      break;
    }
    case 'observed':
      observe(event);
      break;
    case 'exited': {
      const commission = next.commissions[event.role];
      if (!commission || commission.agentId !== event.agentId) break;
      // Before delivery the delivery itself fails ("the agent exited") and says so: one notice.
      if (commission.deliveredAt === null) break;
      watch(commission, 'exited', { exit: event.exit }, `exited (${event.exit}) before running work-done`);
      journal({ event: 'error', role: commission.role, commission: commission.id, detail: `the task is closed: the worker exited (${event.exit})` });
      close(commission.role);
      break;
    }
    case 'restarted': {
      const commission = next.commissions[event.role];
      if (!commission) break;
      const fresh = {
        ...commission,
        agentId: event.agentId,
        deliveredAt: null,
        lastActivityAt: null,
        reported: [],
        redelivery: true,
        idleSince: null,
        nudged: false,
        episode: null,
        resumeAt: null,
      };
      next.commissions[event.role] = fresh;
      effects.push({ type: 'deliver', commission: fresh, line: workerTaskLine(next.group, fresh.role) });
      break;
    }
    case 'tick': {
      for (const commission of Object.values(next.commissions)) {
        if (commission.deliveredAt === null) continue;
        const since = event.at - commission.deliveredAt;
        const quiet = commission.lastActivityAt === null || commission.lastActivityAt <= commission.deliveredAt;
        if (quiet && since >= NO_ACTIVITY_MS) watch(commission, 'no-activity');
        if (commission.responseTimeoutMs > 0 && since >= commission.responseTimeoutMs) watch(commission, 'response-timeout');
        if (commission.resumeAt !== null && event.at >= commission.resumeAt) resume(commission);
      }
      break;
    }
    case 'notice-result': {
      const notice = next.notifying;
      next.notifying = null;
      if (notice) {
        const detail = event.reason ? `${event.reason}${event.retry ? '; will try again' : ''}` : undefined;
        const about = notice.about ? { commission: notice.about.commission, ...(isWatch(notice.about.kind) ? { watch: notice.about.kind } : {}) } : {};
        journal({ event: event.ok ? 'notice-delivered' : 'notice-failed', role: notice.role, ms: event.ms, ...about, ...(detail ? { detail } : {}) });
        if (!event.ok && event.retry) next.queue.unshift(notice);
      }
      break;
    }
    case 'notice':
      enqueue(event.notice);
      break;
    case 'settings':
      next.settings = event.settings;
      break;
    case 'drain':
      for (const role of Object.keys(next.queues)) if (!next.commissions[role]) close(role);
      break;
    case 'done': {
      // The run is closed: what is still open or queued is abandoned, so no watch fires overnight.
      const open = [
        ...Object.keys(next.commissions),
        ...Object.values(next.queues)
          .flat()
          .map((d) => `${d.role} (queued)`),
      ];
      journal({ event: 'done', from: event.from, ...(open.length > 0 ? { detail: `abandoned: ${open.join(', ')}` } : {}) });
      next.commissions = {};
      next.queues = {};
      break;
    }
    default:
      assertNever(event, 'broker event');
  }

  // One notice at a time: the next goes out only after the previous one's outcome came back.
  if (next.notifying === null && next.queue.length > 0) {
    next.notifying = next.queue.shift()!;
    effects.push({ type: 'notify', notice: next.notifying });
  }
  return { state: next, effects };

  function observe(event: Extract<BrokerEvent, { type: 'observed' }>): void {
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
        update(commission.role, { episode: kind, idleSince: null, resumeAt: resumes && Number.isFinite(until) ? until + event.jitterMs : null });
        watch(
          commission,
          kind,
          { ...(seen.reason ? { reason: seen.reason } : {}), ...(seen.until ? { until: seen.until } : {}), resumes },
          seen.reason ?? kind,
        );
      }
      return;
    }
    if (commission.episode !== null) update(commission.role, { episode: null });
    const grace = next.settings.stallGraceMs;
    if (grace <= 0) return;
    if (seen.status !== 'idle' || !seen.atPrompt) {
      if (commission.idleSince !== null) update(commission.role, { idleSince: null });
      return;
    }
    const idleSince = commission.idleSince ?? event.at;
    if (commission.idleSince === null) update(commission.role, { idleSince });
    if (event.at - idleSince < grace) return;
    const current = next.commissions[commission.role]!;
    if (!current.nudged) {
      update(commission.role, { nudged: true, idleSince: event.at });
      journal({ event: 'nudge', role: commission.role, agentId: commission.agentId ?? undefined, commission: commission.id });
      effects.push({ type: 'type', commission: next.commissions[commission.role]!, purpose: 'nudge' });
    } else {
      watch(current, 'stalled', {}, 'idle at its prompt without running work-done, after a reminder');
    }
  }

  function resume(commission: Commission): void {
    const count = (next.resumes[commission.paneId] ?? 0) + 1;
    next.resumes[commission.paneId] = count;
    update(commission.role, { resumeAt: null, episode: null });
    journal({
      event: 'resume',
      role: commission.role,
      agentId: commission.agentId ?? undefined,
      commission: commission.id,
      detail: `attempt ${count} of ${next.settings.maxResumes}`,
    });
    effects.push({ type: 'type', commission: next.commissions[commission.role]!, purpose: 'resume' });
  }
}
