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
import { Step } from './broker-step.js';
import type { BrokerEvent, BrokerState, Commission, StepResult } from './broker-types.js';
import { freshCommission, MAX_QUEUE_PER_ROLE } from './broker-types.js';
import { asked, checkpointed, replied } from './broker-questions.js';
import { observe, tickWatches } from './broker-watches.js';
import type { PendingNotice, WatchKind } from './journal-entry.js';
import { completionLine, deliveryFailedLine, questionLine, unsolicitedLine, watchLine, workerTaskLine, type WatchFacts } from './prompt-lines.js';

export * from './broker-types.js';

export function isWatch(kind: PendingNotice['kind']): kind is WatchKind {
  return kind !== 'completed' && kind !== 'undelivered' && kind !== 'question';
}

/** The line of a notice told again after a restart (a watch's resume promise is not repeated:
 *  the restarted daemon has no resume planned). */
export function pendingNoticeLine(group: string, notice: PendingNotice, timeoutMinutes: number): string {
  if (notice.kind === 'completed') return completionLine(group, notice.role, notice.outcome);
  if (notice.kind === 'question') return questionLine(group, notice.role, notice.file ?? '');
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
  const s = new Step(state, event.at);
  switch (event.type) {
    case 'delegated': {
      const previous = s.next.commissions[event.commission.role];
      if (previous) {
        s.journal({ event: 'superseded', role: previous.role, commission: previous.id, agentId: previous.agentId ?? undefined });
        s.status(previous.id, previous.role, 'superseded');
      }
      const commission = freshCommission(event.commission, event.at);
      s.next.commissions[commission.role] = commission;
      s.journal({
        event: 'delegate',
        from: commission.from,
        role: commission.role,
        paneId: commission.paneId,
        agentId: commission.agentId ?? undefined,
        commission: commission.id,
        file: commission.taskFile,
      });
      s.status(commission.id, commission.role, 'delivering');
      s.effects.push({ type: 'deliver', commission, line: workerTaskLine(s.next.group, commission.role) });
      break;
    }
    case 'queued': {
      const { delegation } = event;
      const waiting = s.next.queues[delegation.role] ?? [];
      const behind = s.next.commissions[delegation.role]?.id ?? waiting.at(-1)?.id;
      s.next.queues[delegation.role] = [...waiting, delegation];
      s.journal({
        event: 'queued',
        from: delegation.from,
        role: delegation.role,
        commission: delegation.id,
        file: delegation.file,
        position: waiting.length + 1,
        ...(behind ? { behind } : {}),
      });
      s.status(delegation.id, delegation.role, 'queued');
      break;
    }
    case 'spawned': {
      const commission = Object.values(s.next.commissions).find((c) => c.id === event.commissionId);
      if (commission) s.update(commission.role, { agentId: event.agentId });
      break;
    }
    case 'delivery-result': {
      const commission = Object.values(s.next.commissions).find((c) => c.id === event.commissionId);
      if (!commission) {
        // Already completed (a quick worker reported before its confirmation came in) or replaced.
        s.journal({
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
        s.update(commission.role, { deliveredAt: event.at, lastActivityAt: null, idleSince: null });
        s.journal({ event: commission.redelivery ? 'redelivery' : 'delivered', ...base });
        if (commission.redelivery) s.watch(commission, 'restarted');
        s.status(commission.id, commission.role, 'working');
      } else {
        s.journal({ event: 'delivery-failed', ...base, detail: event.reason });
        // One event, one notice, whatever else was seen meanwhile (an exit during the delivery
        // says nothing more). A worker that never became ready is also journaled as a watch.
        if (event.reason?.startsWith('not ready'))
          s.journal({ event: 'watch', watch: 'not-ready', role: commission.role, commission: commission.id, detail: event.reason });
        const reason = event.reason ?? 'no confirmation';
        s.enqueue({
          role: commission.role,
          line: deliveryFailedLine(s.next.group, commission.role, reason),
          about: { role: commission.role, commission: commission.id, kind: 'undelivered', detail: reason },
        });
        s.status(commission.id, commission.role, 'undelivered');
        s.close(commission.role);
      }
      break;
    }
    case 'work-done': {
      const commission = s.next.commissions[event.role];
      if (commission && ownsCommission(s.next, event.role, event.paneId, event.agentId)) {
        s.journal({
          event: 'completed',
          role: event.role,
          paneId: event.paneId,
          agentId: event.agentId,
          commission: commission.id,
          file: event.file,
          ms: event.at - commission.delegatedAt,
          ...(event.summary ? { summary: event.summary } : {}),
          ...(event.tokens !== undefined ? { tokens: event.tokens } : {}),
          ...(event.outcome && event.outcome !== 'done' ? { outcome: event.outcome } : {}),
        });
        s.enqueue({
          role: event.role,
          line: completionLine(s.next.group, event.role, event.outcome),
          about: {
            role: event.role,
            commission: commission.id,
            kind: 'completed',
            ...(event.outcome && event.outcome !== 'done' ? { outcome: event.outcome } : {}),
          },
        });
        s.status(commission.id, event.role, 'ended', event.outcome ?? 'done');
        s.close(event.role);
      } else {
        s.journal({
          event: 'unsolicited',
          role: event.role,
          paneId: event.paneId,
          agentId: event.agentId,
          file: event.file,
          ...(event.summary ? { summary: event.summary } : {}),
        });
        s.enqueue({ role: event.role, line: unsolicitedLine(s.next.group, event.role) });
      }
      break;
    }
    case 'activity': {
      const commission = s.next.commissions[event.role];
      if (commission && commission.deliveredAt !== null && commission.agentId === event.agentId) s.update(event.role, { lastActivityAt: event.at });
      break;
    }
    case 'asked':
      asked(s, event);
      break;
    case 'replied':
      replied(s, event);
      break;
    case 'checkpointed':
      checkpointed(s, event);
      break;
    case 'observed':
      observe(s, event);
      break;
    case 'exited': {
      const commission = s.next.commissions[event.role];
      if (!commission || commission.agentId !== event.agentId) break;
      // Before delivery the delivery itself fails ("the agent exited") and says so: one notice.
      if (commission.deliveredAt === null) break;
      s.watch(commission, 'exited', { exit: event.exit }, `exited (${event.exit}) before running work-done`);
      s.journal({ event: 'error', role: commission.role, commission: commission.id, detail: `the task is closed: the worker exited (${event.exit})` });
      s.status(commission.id, commission.role, 'exited');
      s.close(commission.role);
      break;
    }
    case 'restarted': {
      const commission = s.next.commissions[event.role];
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
        episodeInputs: null,
        resumeAt: null,
        // The fresh agent never asked it: a reply would answer nobody.
        question: null,
      };
      s.next.commissions[event.role] = fresh;
      s.status(fresh.id, fresh.role, 'delivering');
      s.effects.push({ type: 'deliver', commission: fresh, line: workerTaskLine(s.next.group, fresh.role) });
      break;
    }
    case 'tick':
      tickWatches(s);
      break;
    case 'notice-result': {
      const notice = s.next.notifying;
      s.next.notifying = null;
      if (notice) {
        const detail = event.reason ? `${event.reason}${event.retry ? '; will try again' : ''}` : undefined;
        const about = notice.about
          ? {
              commission: notice.about.commission,
              ...(isWatch(notice.about.kind) ? { watch: notice.about.kind } : {}),
              ...(notice.about.kind === 'question' && notice.about.file ? { file: notice.about.file } : {}),
            }
          : {};
        s.journal({ event: event.ok ? 'notice-delivered' : 'notice-failed', role: notice.role, ms: event.ms, ...about, ...(detail ? { detail } : {}) });
        if (!event.ok && event.retry) s.next.queue.unshift(notice);
      }
      break;
    }
    case 'notice':
      s.enqueue(event.notice);
      break;
    case 'settings':
      s.next.settings = event.settings;
      break;
    case 'drain':
      for (const role of Object.keys(s.next.queues)) if (!s.next.commissions[role]) s.close(role);
      break;
    case 'done': {
      // The run is closed: what is still open or queued is abandoned, so no watch fires overnight.
      const open = [
        ...Object.keys(s.next.commissions),
        ...Object.values(s.next.queues)
          .flat()
          .map((d) => `${d.role} (queued)`),
      ];
      s.journal({ event: 'done', from: event.from, ...(open.length > 0 ? { detail: `abandoned: ${open.join(', ')}` } : {}) });
      for (const c of Object.values(s.next.commissions)) s.status(c.id, c.role, 'abandoned');
      for (const d of Object.values(s.next.queues).flat()) s.status(d.id, d.role, 'abandoned');
      s.next.commissions = {};
      s.next.queues = {};
      break;
    }
    default:
      assertNever(event, 'broker event');
  }

  return s.finish();
}
