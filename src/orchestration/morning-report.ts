// The morning report as data: what an orchestration did overnight per group and role (tasks
// delegated, done, open, queued, stalled, failed; time working and waiting; tokens; the first
// line of each report) and what waits for a person now. Pure: journal entries, the daemon's pane
// list (null when no daemon runs) and `now` in, a report out. The text lives in
// morning-report-text.ts.
import type { PaneInfo } from '../protocol/messages.js';
import type { JournalEntry, Outcome, WatchKind } from './journal-entry.js';

export interface ReportInput {
  entries: readonly JournalEntry[];
  /** The daemon's panes, or null when no daemon runs (the report then comes from the journal alone). */
  panes: readonly PaneInfo[] | null;
  now: number;
  /** How far back the report looks. */
  sinceMs: number;
  /** The project directory: its panes belong to the report even outside an orchestration tab. */
  projectDir?: string;
}

export interface TaskCounts {
  /** Tasks given to the role in the window (started or queued). */
  delegated: number;
  done: number;
  /** Tasks still open now (delegated, no work-done yet). */
  open: number;
  /** Tasks waiting in the role's queue now. */
  queued: number;
  /** Tasks a stall, no-activity, response-timeout or not-ready watch reported. */
  stalled: number;
  /** Tasks that were not delivered or whose worker exited before work-done. */
  failed: number;
}

export interface WorkReport {
  at: string;
  role: string;
  /** The first line of the worker's report: the worker's words, not the deck's. */
  summary: string;
  /** How the worker said the task ended (done unless it said otherwise). */
  outcome: Outcome;
}

export interface RoleReport extends TaskCounts {
  role: string;
  /** Time with an open task, not waiting. */
  workingMs: number;
  /** Time with an open task spent blocked, waiting for a person or stalled. */
  waitingMs: number;
  /** Tokens the worker's completed tasks reported; null when none reported any. */
  tokens: number | null;
}

export interface GroupReport {
  group: string;
  orchestration: string | null;
  orchestrator: string | null;
  /** When the orchestrator finished the run, if it did in the window. */
  finishedAt: string | null;
  roles: RoleReport[];
  reports: WorkReport[];
}

export type WaitingItem =
  | { kind: 'needs-input'; group: string | null; role: string | null; pane: string; reason: string | null; since: string }
  | { kind: 'blocked'; group: string | null; role: string | null; pane: string; reason: string | null; since: string; until: string | null }
  | { kind: 'failed'; group: string; role: string; at: string; detail: string }
  /** A worker's question to the orchestrator that has no reply yet. */
  | { kind: 'question'; group: string; role: string; at: string }
  /** A worker ended its task with work-done --outcome blocked or needs-human. */
  | { kind: 'outcome'; outcome: 'blocked' | 'needs-human'; group: string; role: string; at: string }
  /** Without a daemon: a task that was open when the journal ends, which nothing continues now. */
  | { kind: 'unfinished'; group: string; role: string; since: string; delivered: boolean };

export interface MorningReport {
  now: string;
  since: string;
  /** Whether the live part came from a running daemon. */
  live: boolean;
  waiting: WaitingItem[];
  groups: GroupReport[];
}

/** `--since` values: 30m, 12h, 2d. */
export function parseSince(text: string): number | null {
  const match = /^(\d{1,4})([mhd])$/.exec(text.trim());
  if (!match) return null;
  const n = Number(match[1]);
  if (n <= 0) return null;
  const unit = match[2] === 'm' ? 60_000 : match[2] === 'h' ? 3_600_000 : 86_400_000;
  const ms = n * unit;
  // A year is far beyond what a bounded journal holds.
  return ms <= 366 * 86_400_000 ? ms : null;
}

const STALLS = new Set<WatchKind>(['stalled', 'no-activity', 'response-timeout', 'not-ready']);
const WAITS = new Set<WatchKind>(['blocked', 'needs-input', 'stalled']);

interface Task {
  id: string;
  role: string;
  since: number;
  delivered: boolean;
  phase: 'working' | 'waiting';
  phaseStart: number;
}

interface RoleTally {
  done: number;
  delegatedIds: Set<string>;
  stalledIds: Set<string>;
  failedIds: Set<string>;
  workingMs: number;
  waitingMs: number;
  tokens: number | null;
}

export function buildMorningReport(input: ReportInput): MorningReport {
  const start = input.now - input.sinceMs;
  const byGroup = new Map<string, JournalEntry[]>();
  for (const entry of input.entries) {
    const list = byGroup.get(entry.group) ?? [];
    // A role on another host is reported under `role@host` (every line of it names the host).
    list.push(entry.host !== undefined && entry.role !== undefined ? { ...entry, role: `${entry.role}@${entry.host}` } : entry);
    byGroup.set(entry.group, list);
  }
  const groups: GroupReport[] = [];
  const waiting: WaitingItem[] = [];
  for (const [group, entries] of byGroup) {
    const built = groupReport(group, entries, start, input.now);
    if (built === null) continue;
    groups.push(built.report);
    waiting.push(...built.failures);
    if (input.panes === null) waiting.push(...built.unfinished);
  }
  if (input.panes !== null) waiting.unshift(...livePanes(input.panes, new Set(byGroup.keys()), input.projectDir));
  return { now: iso(input.now), since: iso(start), live: input.panes !== null, waiting, groups };
}

function livePanes(panes: readonly PaneInfo[], groups: ReadonlySet<string>, projectDir: string | undefined): WaitingItem[] {
  const items: WaitingItem[] = [];
  for (const pane of panes) {
    const ours = (pane.tab !== null && groups.has(pane.tab)) || (projectDir !== undefined && pane.cwd === projectDir);
    if (!ours || pane.state !== 'running') continue;
    const where = { group: pane.tab, role: pane.role, pane: pane.role ?? pane.name, reason: pane.status.reason, since: pane.status.since };
    if (pane.status.kind === 'needs-input') items.push({ kind: 'needs-input', ...where });
    else if (pane.status.kind === 'blocked') items.push({ kind: 'blocked', ...where, until: pane.status.until ?? null });
  }
  return items;
}

function groupReport(group: string, entries: readonly JournalEntry[], start: number, now: number) {
  const tallies = new Map<string, RoleTally>();
  const tally = (role: string): RoleTally => {
    let found = tallies.get(role);
    if (!found) {
      found = { done: 0, delegatedIds: new Set(), stalledIds: new Set(), failedIds: new Set(), workingMs: 0, waitingMs: 0, tokens: null };
      tallies.set(role, found);
    }
    return found;
  };
  const open = new Map<string, Task>();
  const queued = new Map<string, string>();
  const reports: WorkReport[] = [];
  const failures: WaitingItem[] = [];
  let orchestration: string | null = null;
  let orchestrator: string | null = null;
  let finishedAt: string | null = null;
  let seenInWindow = false;

  /** Adds the part of [from, to) inside the window to the role's working or waiting time. */
  const spend = (task: Task, to: number) => {
    const ms = Math.max(0, Math.min(to, now) - Math.max(task.phaseStart, start));
    const t = tally(task.role);
    if (task.phase === 'working') t.workingMs += ms;
    else t.waitingMs += ms;
    task.phaseStart = to;
  };
  /** Questions without a reply yet, by commission. */
  const questions = new Map<string, { role: string; at: string }>();
  const close = (id: string, at: number) => {
    questions.delete(id);
    const task = open.get(id);
    if (!task) return;
    spend(task, at);
    open.delete(id);
  };
  const taskId = (entry: JournalEntry) => entry.commission ?? `role:${entry.role ?? '?'}`;

  for (const entry of entries) {
    const at = Date.parse(entry.at);
    if (!Number.isFinite(at) || at > now) continue;
    const inWindow = at >= start;
    if (inWindow) seenInWindow = true;
    const role = entry.role;
    if ((entry.event === 'open' || entry.event === 'snapshot') && entry.orchestration) {
      orchestration = entry.orchestration;
      orchestrator = entry.from ?? orchestrator;
    }
    switch (entry.event) {
      case 'open':
      case 'done':
        for (const id of [...open.keys()]) close(id, at);
        queued.clear();
        if (entry.event === 'done' && inWindow) finishedAt = entry.at;
        if (entry.event === 'open') finishedAt = null;
        break;
      case 'snapshot':
        for (const c of entry.snapshot?.commissions ?? []) {
          if (!open.has(c.id))
            open.set(c.id, { id: c.id, role: c.role, since: c.delegatedAt, delivered: c.deliveredAt !== null, phase: 'working', phaseStart: at });
        }
        for (const q of entry.snapshot?.queues ?? []) queued.set(q.id, q.role);
        break;
      case 'queued':
        if (!role) break;
        queued.set(taskId(entry), role);
        if (inWindow) tally(role).delegatedIds.add(taskId(entry));
        break;
      case 'dequeued':
        queued.delete(taskId(entry));
        break;
      case 'delegate': {
        if (!role) break;
        const id = taskId(entry);
        // A task replaced on the same role is over even if its `superseded` line was lost.
        for (const [other, task] of open) if (task.role === role) close(other, at);
        open.set(id, { id, role, since: at, delivered: false, phase: 'working', phaseStart: at });
        if (inWindow) tally(role).delegatedIds.add(id);
        break;
      }
      case 'delivered':
      case 'redelivery': {
        const task = open.get(taskId(entry));
        if (!task) break;
        task.delivered = true;
        if (task.phase === 'waiting') {
          spend(task, at);
          task.phase = 'working';
        }
        break;
      }
      case 'resume': {
        const task = open.get(taskId(entry));
        if (task?.phase === 'waiting') {
          spend(task, at);
          task.phase = 'working';
        }
        break;
      }
      case 'completed': {
        if (!role) break;
        close(taskId(entry), at);
        if (!inWindow) break;
        const outcome = entry.outcome ?? 'done';
        if (outcome === 'done') tally(role).done += 1;
        else if (outcome === 'failed') fail(role, taskId(entry), entry.at, 'reported its task failed');
        else failures.push({ kind: 'outcome', outcome, group, role, at: entry.at });
        if (entry.tokens !== undefined) tally(role).tokens = (tally(role).tokens ?? 0) + entry.tokens;
        if (entry.summary) reports.push({ at: entry.at, role, summary: entry.summary, outcome });
        break;
      }
      case 'superseded':
        close(taskId(entry), at);
        break;
      case 'delivery-failed':
        if (!role) break;
        close(taskId(entry), at);
        if (inWindow) fail(role, taskId(entry), entry.at, `not delivered: ${entry.detail ?? 'no confirmation'}`);
        break;
      case 'watch': {
        if (!role || !entry.watch) break;
        const id = taskId(entry);
        const task = open.get(id);
        if (entry.watch === 'exited') {
          close(id, at);
          if (inWindow) fail(role, id, entry.at, `the worker exited before work-done${entry.detail ? ` (${entry.detail})` : ''}`);
          break;
        }
        if (inWindow && STALLS.has(entry.watch)) tally(role).stalledIds.add(id);
        if (task && WAITS.has(entry.watch) && task.phase === 'working') {
          spend(task, at);
          task.phase = 'waiting';
        }
        break;
      }
      case 'question':
        if (role && open.has(taskId(entry))) questions.set(taskId(entry), { role, at: entry.at });
        break;
      case 'reply':
        questions.delete(taskId(entry));
        break;
      // Steps that change no count and no task's phase.
      case 'delivery-attempt':
      case 'error':
      case 'notice-delivered':
      case 'notice-failed':
      case 'nudge':
      case 'restored':
      case 'scheduled':
      case 'unsolicited':
      case 'checkpoint':
      case 'out-of-order':
      case 'start-retry': // shown in the timeline; the task's phase is unchanged
        break;
    }
  }
  for (const task of open.values()) spend(task, now);
  if (!seenInWindow && open.size === 0 && queued.size === 0) return null;

  function fail(role: string, id: string, at: string, detail: string) {
    tally(role).failedIds.add(id);
    failures.push({ kind: 'failed', group, role, at, detail });
  }

  const queuedByRole = new Map<string, number>();
  for (const role of queued.values()) queuedByRole.set(role, (queuedByRole.get(role) ?? 0) + 1);
  const openByRole = new Map<string, number>();
  for (const task of open.values()) openByRole.set(task.role, (openByRole.get(task.role) ?? 0) + 1);
  for (const role of [...queuedByRole.keys(), ...openByRole.keys()]) tally(role);

  const roles = [...tallies.entries()]
    .map(
      ([role, t]): RoleReport => ({
        role,
        delegated: t.delegatedIds.size,
        done: t.done,
        open: openByRole.get(role) ?? 0,
        queued: queuedByRole.get(role) ?? 0,
        stalled: t.stalledIds.size,
        failed: t.failedIds.size,
        workingMs: t.workingMs,
        waitingMs: t.waitingMs,
        tokens: t.tokens,
      }),
    )
    .sort((a, b) => a.role.localeCompare(b.role));
  // A failure the orchestrator already answered with a new task for the role waits for no one.
  const lastDelegate = new Map<string, number>();
  for (const entry of entries) if (entry.event === 'delegate' && entry.role) lastDelegate.set(entry.role, Date.parse(entry.at));
  const pending = failures.filter((item) => (item.kind === 'failed' || item.kind === 'outcome') && (lastDelegate.get(item.role) ?? 0) <= Date.parse(item.at));
  const unfinished: WaitingItem[] = [...open.values()].map((task) => ({
    kind: 'unfinished',
    group,
    role: task.role,
    since: iso(task.since),
    delivered: task.delivered,
  }));
  const asking: WaitingItem[] = [...questions.values()].map(({ role, at }) => ({ kind: 'question', group, role, at }));
  return { report: { group, orchestration, orchestrator, finishedAt, roles, reports }, failures: [...asking, ...pending], unfinished };
}

const iso = (at: number) => new Date(at).toISOString();
