// The morning report as a person reads it at breakfast: what waits for them first, then one
// table per orchestration and the first line of every report. Pure; every line fits `width`
// (80 columns by default), long names and summaries are cut with an ellipsis.
import type { GroupReport, MorningReport, RoleReport, WaitingItem } from './morning-report.js';

export interface TextOptions {
  width?: number;
  /** The zone clock times are shown in (default: the deck's own). */
  timeZone?: string;
  /** Named in the heading, e.g. the project directory. */
  title?: string;
}

export const REPORT_WIDTH = 80;
const ROLE_WIDTH = 14;
const WHO_WIDTH = 32;

/** The whole report. */
export function morningReportLines(report: MorningReport, options: TextOptions = {}): string[] {
  const width = options.width ?? REPORT_WIDTH;
  const lines = [...headingLines(report, options), '', ...waitingLines(report, options)];
  for (const group of report.groups) lines.push('', ...groupLines(group, report, options));
  if (report.groups.length === 0) lines.push('', 'No orchestration ran in this time.');
  return lines.map((line) => fit(line, width));
}

/** The top of the report alone (the TUI's timeline opens with it). */
export function morningSummaryLines(report: MorningReport, options: TextOptions = {}): string[] {
  const width = options.width ?? REPORT_WIDTH;
  const lines = [...waitingLines(report, options)];
  for (const group of report.groups) lines.push(...tableLines(group.roles));
  return lines.map((line) => fit(line, width));
}

function headingLines(report: MorningReport, options: TextOptions): string[] {
  const span = `${clock(report.since, report.now, options.timeZone)} → ${clock(report.now, report.now, options.timeZone)}`;
  const lines = [`Morning report${options.title ? ` · ${options.title}` : ''} · ${span}`];
  if (!report.live) lines.push('No deck daemon is running: this report is from the journal alone.');
  return lines;
}

function waitingLines(report: MorningReport, options: TextOptions): string[] {
  const lines = ['What waits for you now (since when)'];
  if (report.waiting.length === 0) {
    lines.push(report.live ? '  Nothing: no pane needs you and no task failed.' : '  Nothing the journal knows of.');
    return lines;
  }
  for (const item of report.waiting) lines.push(`  ${waitingLine(item, report.now, options.timeZone)}`);
  return lines;
}

/** One line per item: what, since when, who, why. The time and the name come first (the name
 *  cut to WHO_WIDTH), so a long reason is what an 80-column line loses. */
function waitingLine(item: WaitingItem, now: string, zone: string | undefined): string {
  const who = (group: string | null, role: string | null, pane?: string) =>
    fit(group !== null && role !== null ? `${group}/${role}` : (pane ?? role ?? '?'), WHO_WIDTH);
  const line = (label: string, at: string, name: string, text: string) => `${label.padEnd(11)} ${clock(at, now, zone)}  ${name}: ${text}`;
  switch (item.kind) {
    case 'needs-input':
      return line('needs you', item.since, who(item.group, item.role, item.pane), item.reason ?? 'waiting for input');
    case 'blocked': {
      // The reason may carry the reset time as the card shows it; the line states it once.
      const reason = (item.reason ?? 'blocked').replace(/\s*·\s*resets? .*$/, '');
      const until =
        item.until === null
          ? ''
          : Date.parse(item.until) <= Date.parse(now)
            ? ` · reset ${clock(item.until, now, zone)} passed, not continued`
            : ` · resets ${clock(item.until, now, zone)}`;
      return line('blocked', item.since, who(item.group, item.role, item.pane), `${reason}${until}`);
    }
    case 'failed':
      return line('failed', item.at, who(item.group, item.role), item.detail);
    case 'question':
      return line('question', item.at, who(item.group, item.role), 'asked the orchestrator, no reply yet');
    case 'outcome':
      return item.outcome === 'needs-human'
        ? line('needs you', item.at, who(item.group, item.role), 'stopped: it needs a person, see its report')
        : line('blocked', item.at, who(item.group, item.role), 'stopped: blocked, see its report');
    case 'unfinished':
      return line('unfinished', item.since, who(item.group, item.role), `open, ${item.delivered ? 'delivered' : 'never delivered'}; nothing continues it`);
  }
}

function groupLines(group: GroupReport, report: MorningReport, options: TextOptions): string[] {
  const now = report.now;
  const about = [
    group.orchestration !== null && group.orchestration !== group.group ? `orchestration ${group.orchestration}` : null,
    group.orchestrator !== null ? `orchestrator ${group.orchestrator}` : null,
    group.finishedAt !== null ? `finished ${clock(group.finishedAt, report.now, options.timeZone)}` : null,
  ].filter((part) => part !== null);
  const lines = [`${group.group}${about.length > 0 ? ` · ${about.join(' · ')}` : ''}`, ...tableLines(group.roles)];
  if (group.reports.length > 0) {
    lines.push('  Reports');
    for (const report of group.reports) {
      const tag = report.outcome === 'done' ? '' : `[${report.outcome.toUpperCase()}] `;
      lines.push(`    ${clock(report.at, now, options.timeZone)} ${pad(report.role, ROLE_WIDTH)} ${tag}${oneLine(report.summary)}`);
    }
  }
  return lines;
}

function tableLines(roles: readonly RoleReport[]): string[] {
  if (roles.length === 0) return [];
  const cell = (text: string, n: number) => text.padStart(n);
  const header = `  ${pad('role', ROLE_WIDTH)}${cell('tasks', 6)}${cell('done', 5)}${cell('open', 5)}${cell('queue', 6)}${cell('stall', 6)}${cell('fail', 5)}${cell('work', 8)}${cell('wait', 8)}${cell('tokens', 8)}`;
  const rows = roles.map(
    (r) =>
      `  ${pad(r.role, ROLE_WIDTH)}${cell(String(r.delegated), 6)}${cell(String(r.done), 5)}${cell(String(r.open), 5)}${cell(String(r.queued), 6)}${cell(String(r.stalled), 6)}${cell(String(r.failed), 5)}${cell(shortDuration(r.workingMs), 8)}${cell(shortDuration(r.waitingMs), 8)}${cell(r.tokens === null ? '-' : shortCount(r.tokens), 8)}`,
  );
  return [header, ...rows];
}

/** 45s, 12m, 1h20m, 2d3h. */
export function shortDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (ms < 60_000) return `${Math.floor(ms / 1000)}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d${hours % 24}h`;
}

/** 950, 45.2k, 1.3M. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** "07:55", with the date in front when it is not the day of `now`. */
function clock(at: string, now: string, zone: string | undefined): string {
  const time = Date.parse(at);
  if (!Number.isFinite(time)) return '--:--';
  const day = (t: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone }).format(t);
  const hm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(time);
  return day(time) === day(Date.parse(now)) ? hm : `${day(time)} ${hm}`;
}

function pad(text: string, n: number): string {
  return fit(text, n).padEnd(n);
}

/** Control characters and line breaks out: a worker's summary is data, shown on one line. */
function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts a line to `width` code points, ending in … when cut. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
