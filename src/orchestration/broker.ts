// The delegation broker of one routing group as a pure state machine: commissions, delivery
// outcomes, completions, watches and the orchestrator's notice queue. `step` takes a state and an
// event and returns the next state plus effects; the daemon's shell performs the effects (typing,
// journal lines) and feeds their outcomes back as events. No I/O, no clocks: times come in events.
import type { JournalDraft, WatchKind } from './journal-entry.js';
import { completionLine, deliveryFailedLine, unsolicitedLine, watchLine, workerTaskLine } from './prompt-lines.js';

export interface Commission {
  id: string;
  role: string;
  paneId: string;
  /** The agent the task was meant for; null once rebuilt after a daemon restart (the pane's
   *  processes were restarted, so any agent of that pane may still report). */
  agentId: string | null;
  taskFile: string;
  delegatedAt: number;
  deliveredAt: number | null;
  lastActivityAt: number | null;
  /** 0 = no response-timeout watch. */
  responseTimeoutMs: number;
  reported: WatchKind[];
}

export interface Notice {
  role: string;
  line: string;
}

export interface BrokerState {
  /** One open commission per role. */
  commissions: Record<string, Commission>;
  /** Lines waiting for the orchestrator, delivered one at a time. */
  queue: Notice[];
  notifying: Notice | null;
}

export type BrokerEvent =
  | { type: 'delegated'; at: number; from: string; commission: Omit<Commission, 'deliveredAt' | 'lastActivityAt' | 'reported' | 'delegatedAt'> }
  | { type: 'delivery-result'; at: number; commissionId: string; role: string; ok: boolean; ms: number; attempts: number; reason?: string }
  | { type: 'work-done'; at: number; role: string; paneId: string; agentId: string; file: string; report: string }
  | { type: 'activity'; at: number; role: string; agentId: string }
  | { type: 'exited'; at: number; role: string; agentId: string }
  | { type: 'tick'; at: number }
  /** `retry`: nothing was typed (the orchestrator never became ready), so the notice goes back
   *  to the front of the queue; an orchestrator busy for hours still gets every completion. */
  | { type: 'notice-result'; at: number; ok: boolean; ms: number; reason?: string; retry?: boolean }
  | { type: 'done'; at: number; from: string }
  /** A line for the orchestrator that is not about a commission (the opening line). */
  | { type: 'notice'; at: number; notice: Notice };

export type BrokerEffect =
  | { type: 'journal'; entry: JournalDraft }
  | { type: 'deliver'; commission: Commission; line: string }
  | { type: 'notify'; notice: Notice };

export interface StepResult {
  state: BrokerState;
  effects: BrokerEffect[];
}

/** 30 s: an agent that shows nothing for this long after a prompt probably never got it. */
export const NO_ACTIVITY_MS = 30_000;
/** Notices beyond this are dropped (and journalled): every one is also in the journal. */
export const MAX_QUEUED_NOTICES = 100;

export function initialBrokerState(commissions: Commission[] = []): BrokerState {
  return { commissions: Object.fromEntries(commissions.map((c) => [c.role, c])), queue: [], notifying: null };
}

const iso = (at: number) => new Date(at).toISOString();

/** Whether a report from this pane and agent answers the role's open commission. */
export function ownsCommission(state: BrokerState, role: string, paneId: string, agentId: string): boolean {
  const commission = state.commissions[role];
  return commission !== undefined && commission.paneId === paneId && (commission.agentId === null || commission.agentId === agentId);
}

export function step(state: BrokerState, event: BrokerEvent): StepResult {
  const effects: BrokerEffect[] = [];
  const next: BrokerState = { commissions: { ...state.commissions }, queue: [...state.queue], notifying: state.notifying };
  const journal = (entry: Omit<JournalDraft, 'at'>) => effects.push({ type: 'journal', entry: { at: iso(event.at), ...entry } });
  const enqueue = (notice: Notice) => {
    if (next.queue.length >= MAX_QUEUED_NOTICES) {
      journal({ event: 'error', role: notice.role, detail: 'notice queue full; a notice was dropped' });
      return;
    }
    next.queue.push(notice);
  };

  switch (event.type) {
    case 'delegated': {
      const previous = next.commissions[event.commission.role];
      if (previous) journal({ event: 'superseded', role: previous.role, commission: previous.id, agentId: previous.agentId ?? undefined });
      const commission: Commission = { ...event.commission, delegatedAt: event.at, deliveredAt: null, lastActivityAt: null, reported: [] };
      next.commissions[commission.role] = commission;
      journal({ event: 'delegate', from: event.from, role: commission.role, paneId: commission.paneId, agentId: commission.agentId ?? undefined, commission: commission.id, file: commission.taskFile });
      effects.push({ type: 'deliver', commission, line: workerTaskLine(commission.role) });
      break;
    }
    case 'delivery-result': {
      const commission = Object.values(next.commissions).find((c) => c.id === event.commissionId);
      if (!commission) {
        // Already completed (a quick worker reported before its confirmation came in) or replaced.
        journal({ event: event.ok ? 'delivered' : 'delivery-failed', role: event.role, commission: event.commissionId, ms: event.ms, attempt: event.attempts, ...(event.reason ? { detail: event.reason } : {}) });
        break;
      }
      const base = { role: commission.role, commission: commission.id, agentId: commission.agentId ?? undefined, ms: event.ms, attempt: event.attempts };
      if (event.ok) {
        next.commissions[commission.role] = { ...commission, deliveredAt: event.at };
        journal({ event: 'delivered', ...base });
      } else {
        delete next.commissions[commission.role];
        journal({ event: 'delivery-failed', ...base, detail: event.reason });
        enqueue({ role: commission.role, line: deliveryFailedLine(commission.role, event.reason ?? 'no confirmation') });
      }
      break;
    }
    case 'work-done': {
      const commission = next.commissions[event.role];
      if (commission && ownsCommission(next, event.role, event.paneId, event.agentId)) {
        delete next.commissions[event.role];
        journal({ event: 'completed', role: event.role, paneId: event.paneId, agentId: event.agentId, commission: commission.id, file: event.file, ms: event.at - commission.delegatedAt });
        enqueue({ role: event.role, line: completionLine(event.role) });
      } else {
        journal({ event: 'unsolicited', role: event.role, paneId: event.paneId, agentId: event.agentId, file: event.file });
        enqueue({ role: event.role, line: unsolicitedLine(event.role, event.report) });
      }
      break;
    }
    case 'activity': {
      const commission = next.commissions[event.role];
      if (commission?.deliveredAt !== null && commission && commission.agentId === event.agentId) {
        next.commissions[event.role] = { ...commission, lastActivityAt: event.at };
      }
      break;
    }
    case 'exited': {
      const commission = next.commissions[event.role];
      if (commission && commission.agentId === event.agentId) watch(commission, 'exited');
      break;
    }
    case 'tick': {
      for (const commission of Object.values(next.commissions)) {
        if (commission.deliveredAt === null) continue;
        const since = event.at - commission.deliveredAt;
        const quiet = commission.lastActivityAt === null || commission.lastActivityAt <= commission.deliveredAt;
        if (quiet && since >= NO_ACTIVITY_MS) watch(commission, 'no-activity');
        if (commission.responseTimeoutMs > 0 && since >= commission.responseTimeoutMs) watch(commission, 'response-timeout');
      }
      break;
    }
    case 'notice-result': {
      const notice = next.notifying;
      next.notifying = null;
      if (notice) {
        const detail = event.reason ? `${event.reason}${event.retry ? '; will try again' : ''}` : undefined;
        journal({ event: event.ok ? 'notice-delivered' : 'notice-failed', role: notice.role, ms: event.ms, ...(detail ? { detail } : {}) });
        if (!event.ok && event.retry) next.queue.unshift(notice);
      }
      break;
    }
    case 'notice':
      enqueue(event.notice);
      break;
    case 'done': {
      // The run is closed: what is still open is abandoned, so no watch fires for it overnight.
      const open = Object.keys(next.commissions);
      journal({ event: 'done', from: event.from, ...(open.length > 0 ? { detail: `abandoned: ${open.join(', ')}` } : {}) });
      next.commissions = {};
      break;
    }
  }

  // One notice at a time: the next goes out only after the previous one's outcome came back.
  if (next.notifying === null && next.queue.length > 0) {
    next.notifying = next.queue.shift()!;
    effects.push({ type: 'notify', notice: next.notifying });
  }
  return { state: next, effects };

  function watch(commission: Commission, kind: WatchKind): void {
    const current = next.commissions[commission.role]!;
    if (current.reported.includes(kind)) return;
    next.commissions[commission.role] = { ...current, reported: [...current.reported, kind] };
    journal({ event: 'watch', watch: kind, role: commission.role, agentId: commission.agentId ?? undefined, commission: commission.id });
    enqueue({ role: commission.role, line: watchLine(commission.role, kind, Math.round(commission.responseTimeoutMs / 60_000)) });
  }
}
