// `timeline`: the journal of one orchestration tab as timeline lines (for the TUI's `t` key),
// headed by the morning report's summary of the tab: what waits for a person, and per role what
// was done in the last SUMMARY_SINCE_MS.
import { UserError } from '../../common/errors.js';
import { readJournal } from '../../orchestration/journal.js';
import { buildMorningReport } from '../../orchestration/morning-report.js';
import { morningSummaryLines } from '../../orchestration/morning-report-text.js';
import { timelineLines } from '../../orchestration/timeline.js';
import type { Handler } from '../context.js';

/** The TUI shows the most recent steps; older ones are in `dot-agent-deck log`. */
const MAX_LINES = 500;
/** 12 h: the night before, as `dot-agent-deck report` looks by default. */
const SUMMARY_SINCE_MS = 12 * 3_600_000;

export const timeline: Handler<'timeline'> = (request, daemon) => {
  const projectDir =
    daemon.orchestration.groups.get(request.tab)?.projectDir ?? daemon.registry.list().find((pane) => pane.tab === request.tab && pane.role)?.cwd;
  if (!projectDir) {
    throw new UserError(`Tab ${JSON.stringify(request.tab)} is not an orchestration.`, { hint: 'the timeline belongs to tabs opened as an orchestration' });
  }
  const read = readJournal(projectDir);
  const entries = read.entries.filter((entry) => entry.group === request.tab);
  const lines = timelineLines(entries);
  const panes = daemon.registry.list().filter((pane) => pane.tab === request.tab);
  const summary = morningSummaryLines(buildMorningReport({ entries, panes, now: Date.now(), sinceMs: SUMMARY_SINCE_MS }));
  return { tab: request.tab, lines: lines.slice(-MAX_LINES), skipped: read.corrupt.length, summary };
};
