// Rebuilds what a restarted daemon must know from the journal: which groups were open and which
// commissions were still outstanding. Pure: entries in, state out.
import type { Commission } from './broker.js';
import type { JournalEntry } from './journal-entry.js';

export interface GroupRecord {
  group: string;
  orchestration: string;
  roles: Record<string, string>;
}

/** The latest `open` entry of each group. */
export function openedGroups(entries: readonly JournalEntry[]): Map<string, GroupRecord> {
  const groups = new Map<string, GroupRecord>();
  for (const entry of entries) {
    if (entry.event === 'open' && entry.orchestration && entry.roles) {
      groups.set(entry.group, { group: entry.group, orchestration: entry.orchestration, roles: entry.roles });
    }
  }
  return groups;
}

/** Commissions of `group` delegated and not yet completed, failed or superseded, and not closed
 *  by the run's `done` or a later `open` of the same group. Agent ids are dropped: the processes did not survive. */
export function openCommissions(entries: readonly JournalEntry[], group: string, responseTimeoutMs: number): Commission[] {
  const open = new Map<string, Commission>();
  for (const entry of entries) {
    if (entry.group !== group) continue;
    const at = Date.parse(entry.at);
    switch (entry.event) {
      case 'open':
      case 'done':
        open.clear();
        break;
      case 'delegate':
        if (entry.role && entry.commission && entry.paneId && entry.file) {
          open.set(entry.commission, {
            id: entry.commission,
            role: entry.role,
            paneId: entry.paneId,
            agentId: null,
            taskFile: entry.file,
            delegatedAt: at,
            deliveredAt: null,
            lastActivityAt: null,
            responseTimeoutMs,
            reported: [],
          });
        }
        break;
      case 'delivered': {
        const commission = entry.commission ? open.get(entry.commission) : undefined;
        if (commission) commission.deliveredAt = at;
        break;
      }
      case 'delivery-failed':
      case 'completed':
      case 'superseded':
        if (entry.commission) open.delete(entry.commission);
        break;
      default:
        break;
    }
  }
  return [...open.values()];
}
