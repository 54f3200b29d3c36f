// The morning report from journal entries, live panes and a fixed `now`: counts, working and
// waiting time, tokens, reports, what waits for a person, and text that fits 80 columns.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/orchestration/journal-entry.js';
import { buildMorningReport, parseSince, type MorningReport, type RoleReport } from '../../../src/orchestration/morning-report.js';
import { fit, morningReportLines, morningSummaryLines, shortCount, shortDuration } from '../../../src/orchestration/morning-report-text.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import type { PaneStatus } from '../../../src/protocol/pane-status.js';

const H = 3_600_000;
const M = 60_000;
const NOW = Date.parse('2026-12-03T08:00:00Z');
/** The run starts at 23:00 the evening before. */
const T0 = NOW - 9 * H;

type Draft = Partial<JournalEntry> & { event: JournalEntry['event'] };
const at = (offsetMs: number, draft: Draft): JournalEntry => ({ group: 'dev', ...draft, at: new Date(T0 + offsetMs).toISOString() });
const open = at(0, { event: 'open', orchestration: 'dev-flow', from: 'orchestrator', roles: { orchestrator: 'p1', coder: 'p2', reviewer: 'p3' } });
const delegate = (offset: number, role: string, id: string) =>
  at(offset, { event: 'delegate', from: 'orchestrator', role, paneId: 'p2', commission: id, file: `.dot-agent-deck/dev/task-${role}.md` });
const delivered = (offset: number, role: string, id: string) => at(offset, { event: 'delivered', role, commission: id, ms: 900 });
const completed = (offset: number, role: string, id: string, extra: Partial<JournalEntry> = {}) =>
  at(offset, { event: 'completed', role, commission: id, file: `.dot-agent-deck/dev/report-${role}.md`, ...extra });
const watch = (offset: number, role: string, id: string, kind: NonNullable<JournalEntry['watch']>, extra: Partial<JournalEntry> = {}) =>
  at(offset, { event: 'watch', watch: kind, role, commission: id, ...extra });

function roleOf(report: MorningReport, role: string, group = 'dev'): RoleReport {
  const found = report.groups.find((g) => g.group === group)?.roles.find((r) => r.role === role);
  if (!found) throw new Error(`no ${group}/${role} in the report`);
  return found;
}

const report = (entries: JournalEntry[], panes: PaneInfo[] | null = [], sinceMs = 12 * H) =>
  buildMorningReport({ entries, panes, now: NOW, sinceMs, projectDir: '/proj' });

describe('buildMorningReport: per role', () => {
  it.each<[string, JournalEntry[], Partial<RoleReport>]>([
    [
      'a task done in an hour, with tokens',
      [open, delegate(0, 'coder', 'c1'), delivered(1000, 'coder', 'c1'), completed(H, 'coder', 'c1', { summary: 'Changed login.ts.', tokens: 1200 })],
      { delegated: 1, done: 1, open: 0, queued: 0, stalled: 0, failed: 0, workingMs: H, waitingMs: 0, tokens: 1200 },
    ],
    ['tokens only where the journal has them', [open, delegate(0, 'coder', 'c1'), completed(H, 'coder', 'c1')], { done: 1, tokens: null }],
    [
      'blocked on a limit, resumed, done',
      [
        open,
        delegate(0, 'coder', 'c1'),
        delivered(0, 'coder', 'c1'),
        watch(H, 'coder', 'c1', 'blocked', { until: new Date(T0 + 4 * H).toISOString() }),
        at(4 * H, { event: 'resume', role: 'coder', commission: 'c1' }),
        completed(5 * H, 'coder', 'c1'),
      ],
      { done: 1, workingMs: 2 * H, waitingMs: 3 * H, stalled: 0 },
    ],
    [
      'waits for a person until now',
      [open, delegate(0, 'coder', 'c1'), delivered(0, 'coder', 'c1'), watch(8 * H, 'coder', 'c1', 'needs-input')],
      { open: 1, done: 0, workingMs: 8 * H, waitingMs: H },
    ],
    [
      'stalled, nudged, then done',
      [
        open,
        delegate(0, 'coder', 'c1'),
        delivered(0, 'coder', 'c1'),
        at(2 * H, { event: 'nudge', role: 'coder', commission: 'c1' }),
        watch(3 * H, 'coder', 'c1', 'stalled'),
        completed(4 * H, 'coder', 'c1'),
      ],
      { stalled: 1, done: 1, workingMs: 3 * H, waitingMs: H },
    ],
    [
      'a second delegation waits in the queue',
      [open, delegate(0, 'coder', 'c1'), at(M, { event: 'queued', from: 'orchestrator', role: 'coder', commission: 'c2', file: 'q.md', position: 1 })],
      { delegated: 2, open: 1, queued: 1 },
    ],
    [
      'a queued task taken from the queue and done',
      [
        open,
        delegate(0, 'coder', 'c1'),
        at(M, { event: 'queued', role: 'coder', commission: 'c2', file: 'q.md' }),
        completed(H, 'coder', 'c1'),
        at(H, { event: 'dequeued', role: 'coder', commission: 'c2' }),
        delegate(H, 'coder', 'c2'),
        completed(2 * H, 'coder', 'c2'),
      ],
      { delegated: 2, done: 2, open: 0, queued: 0, workingMs: 2 * H },
    ],
    [
      'not delivered',
      [open, delegate(0, 'coder', 'c1'), at(90_000, { event: 'delivery-failed', role: 'coder', commission: 'c1', detail: 'not ready for input' })],
      { failed: 1, open: 0, workingMs: 90_000 },
    ],
    [
      'the worker exited mid-task',
      [open, delegate(0, 'coder', 'c1'), delivered(0, 'coder', 'c1'), watch(H, 'coder', 'c1', 'exited', { detail: 'exit code 1' })],
      { failed: 1, open: 0, workingMs: H },
    ],
    [
      'a response timeout counts as stalled once per task',
      [
        open,
        delegate(0, 'coder', 'c1'),
        delivered(0, 'coder', 'c1'),
        watch(30_000, 'coder', 'c1', 'no-activity'),
        watch(2 * H, 'coder', 'c1', 'response-timeout'),
      ],
      { stalled: 1, open: 1 },
    ],
    [
      'the run finished: what was open is closed',
      [open, delegate(0, 'coder', 'c1'), at(2 * H, { event: 'done', from: 'orchestrator' })],
      { open: 0, workingMs: 2 * H },
    ],
    [
      'a replaced task ends at the replacement',
      [
        open,
        delegate(0, 'coder', 'c1'),
        at(H, { event: 'superseded', role: 'coder', commission: 'c1' }),
        delegate(H, 'coder', 'c2'),
        completed(3 * H, 'coder', 'c2'),
      ],
      { delegated: 2, done: 1, open: 0, workingMs: 3 * H },
    ],
  ])('%s', (_name, entries, expected) => {
    expect(roleOf(report(entries), 'coder')).toMatchObject(expected);
  });

  it('counts only what happened in the window, and clips time to it', () => {
    const entries = [
      open,
      delegate(0, 'coder', 'c1'),
      completed(H, 'coder', 'c1'),
      delegate(7 * H, 'coder', 'c2'),
      completed(8.5 * H, 'coder', 'c2', { summary: 'Second.' }),
    ];
    // The last 2 hours start at 06:00: c2 runs 06:00 → 07:30, c1 (23:00 → 00:00) is outside.
    const recent = report(entries, [], 2 * H);
    expect(roleOf(recent, 'coder')).toMatchObject({ delegated: 1, done: 1, workingMs: 1.5 * H });
    expect(recent.groups[0]!.reports.map((r) => r.summary)).toEqual(['Second.']);
    const clipped = report([open, delegate(0, 'coder', 'c1'), completed(8 * H, 'coder', 'c1')], [], 2 * H);
    expect(roleOf(clipped, 'coder')).toMatchObject({ delegated: 0, done: 1, workingMs: H });
  });

  it('leaves out a group with nothing in the window and nothing open', () => {
    const old = [open, delegate(0, 'coder', 'c1'), completed(H, 'coder', 'c1')];
    expect(report(old, [], 30 * M).groups).toEqual([]);
  });

  it('lists the first line of every work-done report, in order, per group', () => {
    const entries = [
      open,
      delegate(0, 'coder', 'c1'),
      completed(H, 'coder', 'c1', { summary: 'Changed login.ts.' }),
      delegate(H, 'reviewer', 'r1'),
      completed(2 * H, 'reviewer', 'r1', { summary: 'Finding: missing null check.' }),
    ];
    expect(report(entries).groups[0]).toMatchObject({
      group: 'dev',
      orchestration: 'dev-flow',
      orchestrator: 'orchestrator',
      finishedAt: null,
      reports: [
        { role: 'coder', summary: 'Changed login.ts.' },
        { role: 'reviewer', summary: 'Finding: missing null check.' },
      ],
    });
  });
});

function pane(over: Omit<Partial<PaneInfo>, 'status'> & { status: Partial<PaneStatus> }): PaneInfo {
  const { status, ...rest } = over;
  return {
    id: 'p2',
    name: 'coder',
    cwd: '/proj',
    command: 'claude',
    agentId: 'a1',
    pid: 10,
    state: 'running',
    exit: null,
    failure: null,
    tab: 'dev',
    role: 'coder',
    title: '',
    restored: false,
    createdAt: new Date(T0).toISOString(),
    lastActivityAt: null,
    cols: 80,
    rows: 24,
    agentType: 'claude-code',
    tokens: null,
    ...rest,
    status: { kind: 'idle', tool: null, detail: null, reason: null, since: new Date(NOW - H).toISOString(), layer: 'screen', rule: 'x', ...status },
  };
}

describe('buildMorningReport: what waits for you now', () => {
  const entries = [open, delegate(0, 'coder', 'c1'), delivered(0, 'coder', 'c1'), watch(H, 'coder', 'c1', 'blocked')];

  it('names panes that need input and blocked panes with their reset time, from the live daemon', () => {
    const until = new Date(NOW + H).toISOString();
    const live = report(entries, [
      pane({ status: { kind: 'blocked', reason: 'usage limit · resets 09:00', until } }),
      pane({ id: 'p3', role: 'reviewer', name: 'reviewer', status: { kind: 'needs-input', reason: 'permission' } }),
      pane({ id: 'p9', tab: 'other', role: 'x', cwd: '/elsewhere', status: { kind: 'needs-input', reason: 'permission' } }),
      pane({ id: 'p4', tab: null, role: null, name: 'shell', status: { kind: 'idle' } }),
    ]);
    expect(live.live).toBe(true);
    expect(live.waiting).toEqual([
      expect.objectContaining({ kind: 'blocked', group: 'dev', role: 'coder', until }),
      expect.objectContaining({ kind: 'needs-input', group: 'dev', role: 'reviewer', reason: 'permission' }),
    ]);
  });

  it('names failed tasks the orchestrator has not answered with a new one', () => {
    const failed = [
      open,
      delegate(0, 'coder', 'c1'),
      at(M, { event: 'delivery-failed', role: 'coder', commission: 'c1', detail: 'not ready' }),
      delegate(0, 'reviewer', 'r1'),
      delivered(0, 'reviewer', 'r1'),
      watch(H, 'reviewer', 'r1', 'exited', { detail: 'killed by SIGKILL' }),
      delegate(2 * H, 'reviewer', 'r2'),
    ];
    expect(report(failed).waiting).toEqual([
      { kind: 'failed', group: 'dev', role: 'coder', at: new Date(T0 + M).toISOString(), detail: 'not delivered: not ready' },
    ]);
  });

  it('without a daemon, says which tasks were left open', () => {
    const offline = report(entries, null);
    expect(offline.live).toBe(false);
    expect(offline.waiting).toEqual([{ kind: 'unfinished', group: 'dev', role: 'coder', since: new Date(T0).toISOString(), delivered: true }]);
  });
});

describe('parseSince', () => {
  it.each([
    ['30m', 30 * M],
    ['12h', 12 * H],
    ['2d', 48 * H],
    [' 90m ', 90 * M],
  ])('%s', (text, ms) => {
    expect(parseSince(text)).toBe(ms);
  });
  it.each(['12', 'h', '0h', '1w', '-3h', '1.5h', '400d', '12 h', ''])('%j is refused', (text) => {
    expect(parseSince(text)).toBeNull();
  });
});

describe('morning report text', () => {
  const long = 'a-role-name-far-longer-than-any-column';
  const entries = [
    open,
    delegate(0, 'coder', 'c1'),
    delivered(0, 'coder', 'c1'),
    completed(H, 'coder', 'c1', { summary: `Changed login.ts and ${'many other files '.repeat(10)}`, tokens: 45_200 }),
    delegate(H, long, 'l1'),
    at(H + M, {
      event: 'delivery-failed',
      role: long,
      commission: 'l1',
      detail: `not ready for input before the deadline (${'the screen shows something '.repeat(5)})`,
    }),
    completed(2 * H, 'reviewer', 'r9', { summary: 'Line one\u001b[31m red\u0007 and\nline two' }),
  ];
  const until = new Date(NOW + 30 * M).toISOString();
  const panes = [
    pane({ status: { kind: 'blocked', reason: 'usage limit · resets 08:30', until } }),
    pane({ id: 'p3', role: long, status: { kind: 'needs-input', reason: 'permission' } }),
  ];

  it('fits 80 columns, however long the names and summaries', () => {
    const lines = morningReportLines(report(entries, panes), { timeZone: 'UTC', title: `/home/someone/${'deep/'.repeat(20)}project` });
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(lines.some((line) => line.endsWith('…'))).toBe(true);
  });

  it('opens with what waits for you, the reset time in the deck zone, then each orchestration', () => {
    const lines = morningReportLines(report(entries, panes), { timeZone: 'UTC' });
    expect(lines[0]).toBe('Morning report · 2 Dec 20:00 → 08:00');
    expect(lines[2]).toBe('What waits for you now (since when)');
    expect(lines[3]).toBe('  blocked     07:00  dev/coder: usage limit · resets 08:30');
    expect(lines[4]).toBe('  needs you   07:00  dev/a-role-name-far-longer-than…: permission');
    expect(lines[5]).toMatch(/^ {2}failed {6}00:01 {2}dev\/a-role-name-far-longer-than…: not delivered: not ready…$/);
    expect(lines).toContain('dev · orchestration dev-flow · orchestrator orchestrator');
    expect(lines).toContain('  role           tasks done open queue stall fail    work    wait  tokens');
    expect(lines).toContain('  coder              1    1    0     0     0    0   1h00m      0s   45.2k');
    expect(lines.find((line) => line.includes('reviewer') && line.includes('Line one'))).toBe('    01:00 reviewer       Line one [31m red and line two');
  });

  it('says when a reset time passed and no one continued the agent', () => {
    const passed = [pane({ status: { kind: 'blocked', reason: 'usage limit · reset 07:30 passed', until: new Date(NOW - 30 * M).toISOString() } })];
    const lines = morningReportLines(report(entries, passed), { timeZone: 'UTC' });
    expect(lines[3]).toBe('  blocked     07:00  dev/coder: usage limit · reset 07:30 passed, not continued');
  });

  it('says when no daemon runs and nothing waits', () => {
    const lines = morningReportLines(report([open, delegate(0, 'coder', 'c1'), completed(H, 'coder', 'c1')], null), { timeZone: 'UTC' });
    expect(lines[1]).toBe('No deck daemon is running: this report is from the journal alone.');
    expect(lines).toContain('  Nothing the journal knows of.');
    expect(morningReportLines(report([], []), { timeZone: 'UTC' })).toContain('No orchestration ran in this time.');
  });

  it('gives the TUI the same top: what waits and the tables', () => {
    const summary = morningSummaryLines(report(entries, panes), { timeZone: 'UTC', width: 60 });
    expect(summary[0]).toBe('What waits for you now (since when)');
    expect(summary.some((line) => line.startsWith('  coder'))).toBe(true);
    for (const line of summary) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it.each([
    [45_000, '45s'],
    [12 * M, '12m'],
    [80 * M, '1h20m'],
    [51 * H, '2d3h'],
  ])('duration %d → %s', (ms, text) => {
    expect(shortDuration(ms)).toBe(text);
  });
  it.each([
    [950, '950'],
    [1234, '1.2k'],
    [45_200, '45.2k'],
    [452_000, '452k'],
    [1_300_000, '1.3M'],
  ])('count %d → %s', (n, text) => {
    expect(shortCount(n)).toBe(text);
  });
  it('cuts with an ellipsis only when needed', () => {
    expect(fit('abc', 3)).toBe('abc');
    expect(fit('abcd', 3)).toBe('ab…');
  });
});
