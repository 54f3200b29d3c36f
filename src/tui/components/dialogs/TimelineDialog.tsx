// The orchestration timeline overlay: the newest steps of the tab's journal, newest at the bottom.
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine } from './DialogFrame.js';

export interface TimelineDialogProps {
  tab: string;
  lines: readonly string[] | null;
  error: string | null;
  width: number;
  height: number;
}

export function TimelineDialog({ tab, lines, error, width, height }: TimelineDialogProps) {
  const rows = Math.max(0, height - 5 - (error ? 1 : 0));
  const body: DialogLine[] = [];
  if (error) body.push(line(error, { color: theme.muted }));
  if (lines === null) body.push(line('loading…', { color: theme.muted }));
  else if (lines.length === 0) body.push(line('Nothing has happened in this orchestration yet.', { color: theme.muted }));
  else body.push(...lines.slice(-rows).map((text) => line(text)));
  return <DialogFrame title={`Timeline of ${tab}`} lines={body} footer="any key closes · full history: dot-agent-deck log" width={width} height={height} />;
}
