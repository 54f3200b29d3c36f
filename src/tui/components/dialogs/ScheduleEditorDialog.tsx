// Adding or editing a schedule on screen: the Ctrl+n directory picker, then the form with the
// daemon's refusal (a bad cron, a missing directory) under it.
import { formFields, type ScheduleEditor, type ScheduleForm, type ScheduleFormField } from '../../state/dialogs/schedule-form.js';
import { shortenPath, wrapText } from '../../view/format.js';
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine, type Segment } from './DialogFrame.js';
import { fieldSegments } from './field-line.js';
import { pickerLines } from './NewPaneDialog.js';

export interface ScheduleEditorDialogProps {
  editor: ScheduleEditor;
  home: string | undefined;
  width: number;
  height: number;
}

export function ScheduleEditorDialog({ editor, home, width, height }: ScheduleEditorDialogProps) {
  if (editor.step === 'pick') {
    const what = editor.editing ? `Edit schedule ${editor.editing.name}` : 'New schedule';
    return (
      <DialogFrame
        title={`${what}: choose its directory`}
        lines={pickerLines(editor.picker, home, width - 4, height - 5)}
        footer="j/k move · Enter/l open · h up · Space choose · / filter · Esc back to the list"
        width={width}
        height={height}
      />
    );
  }
  const { form } = editor;
  return (
    <DialogFrame
      title={`${form.editing ? `Edit schedule ${form.editing}` : 'New schedule'} in ${shortenPath(form.dir, home)}`}
      lines={scheduleFormLines(form, width - 4)}
      footer="Tab next field · ←/→ choose · Enter save · Esc cancel"
      width={width}
      height={height}
    />
  );
}

const LABELS: Record<ScheduleFormField, string> = {
  name: 'Name',
  cron: 'Cron',
  start: 'Start',
  orchestration: 'Orchestration',
  taskFile: 'Task file',
  command: 'Command',
  overlap: 'Overlap',
  enabled: 'Enabled',
};

const START_TEXT = { orchestration: 'orchestration', command: 'one command', dispatch: 'dispatch (as set by schedule add)' } as const;

export function scheduleFormLines(form: ScheduleForm, width: number): DialogLine[] {
  const choice = (text: string): Segment[] => [{ text: `‹ ${text} ›` }];
  const value = (field: ScheduleFormField): Segment[] => {
    const active = form.field === field;
    switch (field) {
      case 'start':
        return choice(START_TEXT[form.start]);
      case 'overlap':
        return choice(form.overlap === 'skip' ? 'skip while the last run is live' : 'reuse the live run');
      case 'enabled':
        return choice(form.enabled ? 'yes' : 'no');
      case 'orchestration':
        return form.orchestration.text === '' && !active
          ? [{ text: "the project's default", color: theme.muted }]
          : fieldSegments(form.orchestration, width - 16, active);
      case 'taskFile':
        return form.taskFile.text === '' && !active ? [{ text: 'none', color: theme.muted }] : fieldSegments(form.taskFile, width - 16, active);
      case 'name':
      case 'cron':
      case 'command':
        return fieldSegments(form[field], width - 16, active);
    }
  };
  const lines: DialogLine[] = formFields(form).map((field) => [
    {
      text: `${form.field === field ? '›' : ' '} ${LABELS[field].padEnd(14)}`,
      bold: form.field === field,
      color: form.field === field ? theme.accent : undefined,
    },
    ...value(field),
  ]);
  lines.push([]);
  if (form.saving) lines.push(line('saving…', { color: theme.muted }));
  else if (form.error) for (const part of wrapText(form.error, width).slice(0, 4)) lines.push(line(part, { color: 'red' }));
  else lines.push(line('Cron: minute hour day-of-month month day-of-week, e.g. 0 3 * * 1-5 (03:00 on weekdays)', { color: theme.muted }));
  return lines;
}
