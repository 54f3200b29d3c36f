// The Scheduled Tasks manager: one row per schedule (name, when it fires next, how its last run
// went, what it starts), the selected one highlighted, and the delete question when one is open;
// the add/edit flow draws over it while it is open.
import type { ScheduleView } from '../../../protocol/messages.js';
import type { SchedulesDialog as SchedulesDialogState } from '../../state/dialogs/schedules-dialog.js';
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine } from './DialogFrame.js';
import { ScheduleEditorDialog } from './ScheduleEditorDialog.js';

export interface SchedulesDialogProps {
  dialog: SchedulesDialogState;
  now: number;
  home: string | undefined;
  width: number;
  height: number;
}

export function SchedulesDialog({ dialog, now, home, width, height }: SchedulesDialogProps) {
  if (dialog.editor) return <ScheduleEditorDialog editor={dialog.editor} home={home} width={width} height={height} />;
  const body: DialogLine[] = [];
  if (dialog.items === null) body.push(line('loading…', { color: theme.muted }));
  else if (dialog.items.length === 0) body.push(line('No schedules yet: a adds one', { color: theme.muted }));
  else dialog.items.forEach((item, index) => body.push(line(scheduleRow(item, now), index === dialog.selected ? { inverse: true } : {})));
  if (dialog.confirmDelete !== null)
    body.push(line(''), line(`Delete schedule ${dialog.confirmDelete}? What its runs started stays.  y delete · any other key keeps it`, { bold: true }));
  else if (dialog.note) body.push(line(''), line(dialog.note, { color: theme.muted }));
  return (
    <DialogFrame
      title="Scheduled Tasks"
      lines={body}
      footer="↑/↓ select · a add · Enter/u edit · r run now · e enable/disable · d delete · esc close"
      width={width}
      height={height}
    />
  );
}

/** `nightly  0 3 * * *  next in 5h  last started 2h ago  orchestration dev`. */
export function scheduleRow(item: ScheduleView, now: number): string {
  const next = !item.enabled ? 'disabled' : item.nextFireAt ? `next in ${span(Date.parse(item.nextFireAt) - now)}` : 'never again';
  const last = item.lastRun ? `last ${item.lastRun.result} ${span(now - Date.parse(item.lastRun.at))} ago${item.live ? ' (live)' : ''}` : 'not run yet';
  const what =
    item.action.kind === 'command'
      ? `command ${item.action.command}`
      : `${item.action.kind} ${item.action.kind === 'dispatch' && item.action.single ? item.action.single : (item.action.orchestration ?? '')}`.trim();
  return `${item.name}  ${item.cron}  ${next}  ${last}  ${what}`;
}

function span(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h${minutes % 60 ? `${minutes % 60}m` : ''}` : `${Math.floor(hours / 24)}d`;
}
