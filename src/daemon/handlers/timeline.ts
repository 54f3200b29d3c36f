// `timeline`: the journal of one orchestration tab as timeline lines (for the TUI's `t` key).
import { UserError } from '../../common/errors.js';
import { readJournal } from '../../orchestration/journal.js';
import { timelineLines } from '../../orchestration/timeline.js';
import type { Handler } from '../context.js';

/** The TUI shows the most recent steps; older ones are in `dot-agent-deck log`. */
const MAX_LINES = 500;

export const timeline: Handler<'timeline'> = (request, daemon) => {
  const projectDir = daemon.orchestration.groups.get(request.tab)?.projectDir
    ?? daemon.registry.list().find((pane) => pane.tab === request.tab && pane.role)?.cwd;
  if (!projectDir) {
    throw new UserError(`Tab ${JSON.stringify(request.tab)} is not an orchestration.`, { hint: 'the timeline belongs to tabs opened as an orchestration' });
  }
  const read = readJournal(projectDir);
  const lines = timelineLines(read.entries.filter((entry) => entry.group === request.tab));
  return { tab: request.tab, lines: lines.slice(-MAX_LINES), skipped: read.corrupt.length };
};
