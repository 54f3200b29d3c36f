// Rebuilds what a restarted daemon must know from the journal: which groups were open, which
// commissions were still outstanding and which delegations waited in a queue. Pure: entries in,
// state out. A `snapshot` entry (written when the journal rotates) replaces what came before it.
import { assertNever } from '../common/errors.js';
import { freshCommission, isWatch, type Commission } from './broker.js';
import type { JournalEntry, PendingNotice, QueuedDelegation } from './journal-entry.js';

export interface GroupRecord {
  group: string;
  orchestration: string;
  /** The orchestrator role (`from` of the open entry). */
  orchestrator: string | null;
  roles: Record<string, string>;
}

/** The latest `open` entry of each group. */
export function openedGroups(entries: readonly JournalEntry[]): Map<string, GroupRecord> {
  const groups = new Map<string, GroupRecord>();
  for (const entry of entries) {
    // A snapshot carries the group's layout too: after a rotation it is the group's first line.
    if ((entry.event === 'open' || entry.event === 'snapshot') && entry.orchestration && entry.roles) {
      groups.set(entry.group, { group: entry.group, orchestration: entry.orchestration, orchestrator: entry.from ?? null, roles: entry.roles });
    }
  }
  return groups;
}

export interface OpenWork {
  commissions: Commission[];
  queued: QueuedDelegation[];
}

/** Commissions of `group` delegated and not yet completed, failed, superseded or closed by an
 *  exit, and delegations still queued; all cleared by the run's `done` or a later `open`. Agent
 *  ids are dropped: the processes did not survive. */
export function openWork(entries: readonly JournalEntry[], group: string, responseTimeoutMs: number): OpenWork {
  const open = new Map<string, Commission>();
  const queued = new Map<string, QueuedDelegation>();
  for (const entry of entries) {
    if (entry.group !== group) continue;
    const at = Date.parse(entry.at);
    switch (entry.event) {
      case 'open':
      case 'done':
        open.clear();
        queued.clear();
        break;
      case 'snapshot':
        open.clear();
        queued.clear();
        for (const c of entry.snapshot?.commissions ?? []) {
          open.set(c.id, {
            ...freshCommission(
              { id: c.id, role: c.role, paneId: c.paneId, agentId: null, taskFile: c.taskFile, digest: c.digest ?? '', from: c.from ?? '', responseTimeoutMs },
              c.delegatedAt,
            ),
            deliveredAt: c.deliveredAt,
          });
        }
        for (const q of entry.snapshot?.queues ?? []) queued.set(q.id, q);
        break;
      case 'delegate':
        if (entry.role && entry.commission && entry.paneId && entry.file) {
          // A commission replaced on the same role is gone even if its `superseded` line was lost.
          for (const [id, c] of open) if (c.role === entry.role) open.delete(id);
          open.set(
            entry.commission,
            freshCommission(
              {
                id: entry.commission,
                role: entry.role,
                paneId: entry.paneId,
                agentId: null,
                taskFile: entry.file,
                digest: '',
                from: entry.from ?? '',
                responseTimeoutMs,
              },
              at,
            ),
          );
        }
        break;
      case 'queued':
        if (entry.role && entry.commission && entry.file) {
          queued.set(entry.commission, { id: entry.commission, role: entry.role, from: entry.from ?? '', file: entry.file, digest: '', queuedAt: at });
        }
        break;
      case 'dequeued':
        if (entry.commission) queued.delete(entry.commission);
        break;
      case 'delivered':
      case 'redelivery': {
        const commission = entry.commission ? open.get(entry.commission) : undefined;
        if (commission) commission.deliveredAt = at;
        break;
      }
      case 'delivery-failed':
      case 'completed':
      case 'superseded':
        if (entry.commission) open.delete(entry.commission);
        break;
      case 'watch':
        if (entry.watch === 'exited' && entry.commission) open.delete(entry.commission);
        break;
      case 'delivery-attempt':
      case 'start-retry':
      case 'notice-delivered':
      case 'notice-failed':
      case 'unsolicited':
      case 'nudge':
      case 'resume':
      case 'restored':
      case 'scheduled':
      case 'error':
      case 'question':
      case 'reply':
      case 'checkpoint':
      case 'out-of-order':
        break; // they open or close nothing
      default:
        assertNever(entry.event, 'journal event');
    }
  }
  return { commissions: [...open.values()], queued: [...queued.values()] };
}

/** Completions and watches of `group` the orchestrator was never told of (the daemon died
 *  with their notices queued or being typed), oldest first: a notice's delivery is journaled
 *  with its commission (and watch). An undelivered task's notice is kept only by a snapshot:
 *  its `delivery-failed` line is also written for commissions closed before, without one. */
export function unheardNotices(entries: readonly JournalEntry[], group: string): PendingNotice[] {
  const pending = new Map<string, PendingNotice>();
  const key = (commission: string, watch?: string) => `${commission} ${watch ?? ''}`;
  for (const entry of entries) {
    if (entry.group !== group) continue;
    const { role, commission } = entry;
    switch (entry.event) {
      case 'open':
      case 'done':
        pending.clear();
        break;
      case 'snapshot':
        pending.clear();
        for (const n of entry.snapshot?.notices ?? []) pending.set(key(n.commission, isWatch(n.kind) ? n.kind : undefined), n);
        break;
      case 'question':
        if (role && commission && entry.file) pending.set(key(commission, `q:${entry.file}`), { role, commission, kind: 'question', file: entry.file });
        break;
      case 'completed':
        if (role && commission) pending.set(key(commission), { role, commission, kind: 'completed', ...(entry.outcome ? { outcome: entry.outcome } : {}) });
        break;
      case 'watch':
        // A worker that never became ready is told by its undelivered task's notice.
        if (role && commission && entry.watch && entry.watch !== 'not-ready') {
          pending.set(key(commission, entry.watch), {
            role,
            commission,
            kind: entry.watch,
            ...(entry.detail ? { detail: entry.detail } : {}),
            ...(entry.until ? { until: entry.until } : {}),
          });
        }
        break;
      case 'notice-delivered':
      case 'notice-failed':
        // A notice that failed and waits to be tried again is still owed.
        if (commission && !(entry.event === 'notice-failed' && entry.detail?.endsWith('will try again')))
          pending.delete(key(commission, entry.file ? `q:${entry.file}` : entry.watch));
        break;
      // Steps of a task's own life: no notice is owed for them.
      case 'delegate':
      case 'superseded':
      case 'delivery-attempt':
      case 'delivered':
      case 'delivery-failed':
      case 'unsolicited':
      case 'error':
      case 'restored':
      case 'scheduled':
      case 'queued':
      case 'dequeued':
      case 'redelivery':
      case 'start-retry':
      case 'nudge':
      case 'resume':
      case 'reply':
      case 'checkpoint':
      case 'out-of-order':
        break;
      default:
        assertNever(entry.event, 'journal event');
    }
  }
  return [...pending.values()];
}

/** Open commissions only (what `log` lists). */
export function openCommissions(entries: readonly JournalEntry[], group: string, responseTimeoutMs: number): Commission[] {
  return openWork(entries, group, responseTimeoutMs).commissions;
}
