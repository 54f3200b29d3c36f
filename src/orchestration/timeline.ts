// The journal as a person reads it: one line per step, `02:13 orchestrator → coder  delivered in
// 1.2 s`. Pure: entries in, lines out. Used by `dot-agent-deck log` and the TUI timeline.
import type { JournalEntry } from './journal-entry.js';

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${Math.round((ms % 60_000) / 1000)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

function clock(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '--:--' : `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Timeline lines; `delivery-attempt` entries are folded into the outcome that follows them. */
export function timelineLines(entries: readonly JournalEntry[]): string[] {
  const groups = new Set(entries.map((entry) => entry.group));
  const orchestrators = new Map<string, string>();
  const lines: string[] = [];
  for (const entry of entries) {
    if (entry.event === 'open' && entry.from) orchestrators.set(entry.group, entry.from);
    const boss = orchestrators.get(entry.group) ?? 'orchestrator';
    const text = describe(entry, boss);
    if (text === null) continue;
    lines.push(`${clock(entry.at)} ${groups.size > 1 ? `[${entry.group}] ` : ''}${text}`);
  }
  return lines;
}

function describe(entry: JournalEntry, boss: string): string | null {
  // A role on another host is named with it: `coder@gpu-box`.
  const role = entry.role ? `${entry.role}${entry.host ? `@${entry.host}` : ''}` : '?';
  const took = entry.ms !== undefined ? ` in ${formatDuration(entry.ms)}` : '';
  const file = entry.file ? ` (${entry.file})` : '';
  switch (entry.event) {
    case 'open':
      return `opened ${entry.orchestration ?? ''} with ${Object.keys(entry.roles ?? {}).join(', ')}`;
    case 'delegate':
      return `${entry.from ?? boss} → ${role}  delegated${file}`;
    case 'superseded':
      return `${boss} → ${role}  previous task replaced by a new one`;
    case 'delivery-attempt':
      return null;
    case 'delivered':
      return `${boss} → ${role}  delivered${took}`;
    case 'delivery-failed':
      return `${boss} → ${role}  NOT delivered${took}: ${entry.detail ?? 'no confirmation'}`;
    case 'completed':
      return `${role} → ${boss}  ${entry.outcome && entry.outcome !== 'done' ? `reported ${entry.outcome.toUpperCase()}` : 'completed'}${entry.ms !== undefined ? ` after ${formatDuration(entry.ms)}` : ''}${file}`;
    case 'unsolicited':
      return `${role} → ${boss}  unrequested report${file}`;
    case 'notice-delivered':
      return `→ ${boss}  told about ${role}${took}`;
    case 'notice-failed':
      return `→ ${boss}  could NOT be told about ${role}: ${entry.detail ?? 'no confirmation'}`;
    case 'watch':
      return `${role}  watch: ${entry.watch ?? '?'}`;
    case 'done':
      return `${boss}  finished the run${entry.detail ? ` (${entry.detail})` : ''}`;
    case 'restored':
      return `daemon restarted: ${entry.detail ?? 'orchestration restored'}`;
    case 'scheduled':
      return `schedule ${entry.from ?? '?'}  ${entry.detail ?? 'fired'}`;
    case 'queued':
      return `${entry.from ?? boss} → ${role}  queued${entry.position !== undefined ? ` (#${entry.position}` : ' ('}${entry.behind ? ` behind ${entry.behind})` : ')'}`;
    case 'dequeued':
      return `${boss} → ${role}  taken from the queue`;
    case 'redelivery':
      return `${boss} → ${role}  task typed again after a restart${took}`;
    case 'nudge':
      return `deck → ${role}  reminded to run work-done`;
    case 'start-retry':
      return `deck → ${role}  started its agent again: ${entry.detail ?? 'it drew nothing after its start'}`;
    case 'resume':
      return `deck → ${role}  resumed after its usage limit${entry.detail ? ` (${entry.detail})` : ''}`;
    case 'question':
      return `${role} → ${boss}  asked a question${file}`;
    case 'out-of-order':
      return `${entry.from ?? boss} → ${role}  delegated out of stage order: ${entry.detail ?? ''}`;
    case 'checkpoint':
      return `${role}  saved a checkpoint${file}`;
    case 'reply':
      return `${boss} → ${role}  replied${took}${file}`;
    case 'snapshot':
      return null;
    case 'error':
      return `error${entry.role ? ` (${role})` : ''}: ${entry.detail ?? ''}`;
  }
}
