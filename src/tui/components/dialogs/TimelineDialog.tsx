// The orchestration timeline overlay: the morning report's summary of the tab on top (what waits
// for you, what each role did), then the newest steps of the tab's journal, newest at the bottom.
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine } from './DialogFrame.js';

export interface TimelineDialogProps {
  tab: string;
  lines: readonly string[] | null;
  error: string | null;
  /** The morning report's top for the tab; empty until loaded (or from an older daemon). */
  summary: readonly string[];
  width: number;
  height: number;
}

/** The summary never takes more than half the rows: the steps stay visible. */
function summaryRows(summary: readonly string[], rows: number): readonly string[] {
  return summary.slice(0, Math.max(0, Math.floor(rows / 2)));
}

export function TimelineDialog({ tab, lines, error, summary, width, height }: TimelineDialogProps) {
  const rows = Math.max(0, height - 5 - (error ? 1 : 0));
  const top = lines === null ? [] : summaryRows(summary, rows);
  const body: DialogLine[] = [];
  if (error) body.push(line(error, { color: theme.muted }));
  if (top.length > 0) {
    body.push(...top.map((text, i) => (i === 0 ? line(text, { bold: true }) : line(text))));
    body.push(line('Steps', { bold: true }));
  }
  const left = Math.max(0, rows - (top.length > 0 ? top.length + 1 : 0));
  if (lines === null) body.push(line('loading…', { color: theme.muted }));
  else if (lines.length === 0) body.push(line('Nothing has happened in this orchestration yet.', { color: theme.muted }));
  else body.push(...(left > 0 ? lines.slice(-left) : []).map((text) => line(text)));
  return (
    <DialogFrame
      title={`Timeline of ${tab}`}
      lines={body}
      footer="any key closes · full history: dot-agent-deck log · report: dot-agent-deck report"
      width={width}
      height={height}
    />
  );
}
