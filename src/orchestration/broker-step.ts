// One step of the broker in the making: the next state (copied on write), the effects gathered so
// far, and the moves every rule shares — journal a line, queue a notice, change a commission,
// close a role's commission (the next queued task goes), raise a watch once. Pure.
import type { JournalDraft, Outcome, PendingNotice, WatchKind } from './journal-entry.js';
import type { TaskState } from './task-status.js';
import { watchLine, type WatchFacts } from './prompt-lines.js';
import { MAX_EPISODES, MAX_QUEUED_NOTICES, type BrokerEffect, type BrokerState, type Commission, type Notice } from './broker-types.js';

const iso = (at: number) => new Date(at).toISOString();

export class Step {
  readonly next: BrokerState;
  readonly effects: BrokerEffect[] = [];

  constructor(
    state: BrokerState,
    readonly at: number,
  ) {
    this.next = {
      ...state,
      commissions: { ...state.commissions },
      queues: { ...state.queues },
      queue: [...state.queue],
      resumes: { ...state.resumes },
    };
  }

  journal(entry: Omit<JournalDraft, 'at'>): void {
    this.effects.push({ type: 'journal', entry: { at: iso(this.at), ...entry } });
  }

  /** The task's status file says `state` now. */
  status(commission: string, role: string, state: TaskState, outcome?: Outcome): void {
    this.effects.push({ type: 'status', commission, role, state, ...(outcome ? { outcome } : {}) });
  }

  enqueue(notice: Notice): void {
    if (this.next.queue.length >= MAX_QUEUED_NOTICES) {
      this.journal({ event: 'error', role: notice.role, detail: 'notice queue full; a notice was dropped' });
      return;
    }
    this.next.queue.push(notice);
  }

  update(role: string, change: Partial<Commission>): void {
    this.next.commissions[role] = { ...this.next.commissions[role]!, ...change };
  }

  /** The role's commission closed: the oldest queued delegation for it goes now. */
  close(role: string): void {
    const { next } = this;
    delete next.commissions[role];
    const waiting = next.queues[role];
    if (!waiting || waiting.length === 0) return;
    const [first, ...rest] = waiting;
    if (rest.length > 0) next.queues[role] = rest;
    else delete next.queues[role];
    this.journal({ event: 'dequeued', role, commission: first!.id, file: first!.file });
    this.effects.push({ type: 'dequeue', delegation: first! });
  }

  /** Tells the orchestrator of a watch once per commission (episodic ones up to MAX_EPISODES). */
  watch(commission: Commission, kind: WatchKind, facts: WatchFacts = {}, evidence?: string): void {
    const { next } = this;
    const current = next.commissions[commission.role] ?? commission;
    const repeats = current.reported.filter((k) => k === kind).length;
    const episodic = kind === 'blocked' || kind === 'needs-input';
    if (repeats >= (episodic ? MAX_EPISODES : 1)) return;
    if (next.commissions[commission.role]) this.update(commission.role, { reported: [...current.reported, kind] });
    const detail = facts.exit || facts.reason ? { detail: facts.exit ?? facts.reason } : {};
    const until = facts.until ? { until: facts.until } : {};
    this.journal({
      event: 'watch',
      watch: kind,
      role: commission.role,
      agentId: commission.agentId ?? undefined,
      commission: commission.id,
      ...detail,
      ...until,
    });
    if (evidence !== undefined) this.effects.push({ type: 'evidence', commission: current, what: evidence });
    const about: PendingNotice = { role: commission.role, commission: commission.id, kind, ...detail, ...until };
    this.enqueue({
      role: commission.role,
      line: watchLine(next.group, commission.role, kind, { minutes: Math.round(commission.responseTimeoutMs / 60_000), ...facts }),
      about,
    });
  }

  /** One notice at a time: the next goes out only after the previous one's outcome came back. */
  finish(): { state: BrokerState; effects: BrokerEffect[] } {
    const { next } = this;
    if (next.notifying === null && next.queue.length > 0) {
      next.notifying = next.queue.shift()!;
      this.effects.push({ type: 'notify', notice: next.notifying });
    }
    return { state: next, effects: this.effects };
  }
}
