// Adding (`a`) and editing (Enter/`u`) a schedule in the Scheduled Tasks manager, as pure state:
// the Ctrl+n directory picker, then a small form (Name, Cron, Start, what it starts, Overlap,
// Enabled). Enter saves through the daemon's `schedule-add`/`schedule-update`; the daemon checks
// the cron and the directory, and its sentence comes back into the form, which stays open.
import type { Overlap, ScheduleAction } from '../../../config/schedule-schema.js';
import { nameProblem } from '../../../config/project-fields.js';
import type { KeyEvent, PasteEvent } from '../../input/input-event.js';
import type { ScheduleView, SchedulePatch } from '../../../protocol/messages.js';
import type { Effect } from '../effect.js';
import { editField, emptyField, type TextField } from '../text-field.js';
import { dirListed, newPaneInput, openNewPane, type DirPicker } from './new-pane-dialog.js';

/** `dispatch` is offered only when editing a dispatch schedule: the form keeps its action as set
 *  by `schedule add --dispatch`. */
export type StartKind = 'orchestration' | 'command' | 'dispatch';

export type ScheduleFormField = 'name' | 'cron' | 'start' | 'orchestration' | 'taskFile' | 'command' | 'overlap' | 'enabled';

export interface ScheduleForm {
  /** The name of the schedule being edited; null when adding one. */
  editing: string | null;
  dir: string;
  field: ScheduleFormField;
  name: TextField;
  cron: TextField;
  starts: readonly StartKind[];
  start: StartKind;
  /** Blank: the project file's default orchestration. */
  orchestration: TextField;
  /** Blank: no task file. */
  taskFile: TextField;
  command: TextField;
  overlap: Overlap;
  enabled: boolean;
  /** True while the daemon has the request. */
  saving: boolean;
  /** Why the last save was refused (the daemon's sentence), shown under the form. */
  error: string | null;
}

export type ScheduleEditor = { step: 'pick'; picker: DirPicker; editing: ScheduleView | null } | { step: 'form'; picker: DirPicker; form: ScheduleForm };

export interface EditorStep {
  /** null: the editor closed, back to the list. */
  editor: ScheduleEditor | null;
  effects: Effect[];
}

/** The picker opens in `cwd` when adding, and in the schedule's directory when editing. */
export function openEditor(editing: ScheduleView | null, cwd: string): EditorStep {
  const opened = openNewPane(editing?.dir ?? cwd);
  return { editor: { step: 'pick', picker: opened.dialog!.picker, editing }, effects: opened.effects };
}

export function editorDirListed(editor: ScheduleEditor, dir: string, entries: readonly string[], error: string | null): ScheduleEditor {
  return { ...editor, picker: dirListed({ kind: 'new-pane', step: 'pick', picker: editor.picker }, dir, entries, error).picker };
}

/** The fields the form shows, in Tab order, for what it starts. */
export function formFields(form: Pick<ScheduleForm, 'editing' | 'start'>): ScheduleFormField[] {
  const what: ScheduleFormField[] = form.start === 'orchestration' ? ['orchestration', 'taskFile'] : form.start === 'command' ? ['command'] : [];
  return [...(form.editing === null ? (['name'] as const) : []), 'cron', 'start', ...what, 'overlap', 'enabled'];
}

export function editorInput(editor: ScheduleEditor, event: KeyEvent | PasteEvent): EditorStep {
  if (editor.step === 'pick') {
    // The Ctrl+n picker's own keys; choosing a directory opens the form instead of the pane form.
    const step = newPaneInput({ kind: 'new-pane', step: 'pick', picker: editor.picker }, event, '');
    if (step.dialog === null) return { editor: null, effects: [] };
    if (step.dialog.step === 'form')
      return { editor: { step: 'form', picker: editor.picker, form: formFor(editor.editing, step.dialog.form.dir) }, effects: [] };
    return { editor: { ...editor, picker: step.dialog.picker }, effects: step.effects };
  }
  return formInput(editor, event);
}

function formFor(editing: ScheduleView | null, dir: string): ScheduleForm {
  const action = editing?.action;
  return {
    editing: editing?.name ?? null,
    dir,
    field: editing ? 'cron' : 'name',
    name: emptyField(editing?.name ?? ''),
    cron: emptyField(editing?.cron ?? '0 3 * * *'),
    starts: action?.kind === 'dispatch' ? ['dispatch', 'orchestration', 'command'] : ['orchestration', 'command'],
    start: action?.kind ?? 'orchestration',
    orchestration: emptyField(action && action.kind !== 'command' ? (action.orchestration ?? '') : ''),
    taskFile: emptyField(action && action.kind !== 'command' ? (action.taskFile ?? '') : ''),
    command: emptyField(action?.kind === 'command' ? action.command : ''),
    overlap: editing?.overlap ?? 'skip',
    enabled: editing?.enabled ?? true,
    saving: false,
    error: null,
  };
}

type FormEditor = Extract<ScheduleEditor, { step: 'form' }>;

function formInput(editor: FormEditor, event: KeyEvent | PasteEvent): EditorStep {
  const form = editor.form;
  const stay = (next: Partial<ScheduleForm>, effects: Effect[] = []): EditorStep => ({ editor: { ...editor, form: { ...form, ...next } }, effects });
  if (event.kind === 'key' && (event.key === 'escape' || event.key === 'ctrl+c')) return { editor: null, effects: [] };
  if (form.saving) return stay({});
  const fields = formFields(form);
  const fieldAt = (delta: number): ScheduleFormField => fields[(Math.max(0, fields.indexOf(form.field)) + delta + fields.length) % fields.length]!;
  if (event.kind === 'key') {
    switch (event.key) {
      case 'tab':
      case 'down':
        return stay({ field: fieldAt(1) });
      case 'shift+tab':
      case 'up':
        return stay({ field: fieldAt(-1) });
      case 'enter':
        return save(form, stay);
    }
    const step = event.key === 'right' || event.key === 'l' || event.key === 'space' ? 1 : event.key === 'left' || event.key === 'h' ? -1 : 0;
    if (form.field === 'start') return stay({ start: form.starts[(form.starts.indexOf(form.start) + step + form.starts.length) % form.starts.length]! });
    if (form.field === 'overlap') return stay(step === 0 ? {} : { overlap: form.overlap === 'skip' ? 'reuse' : 'skip' });
    if (form.field === 'enabled') return stay(step === 0 ? {} : { enabled: !form.enabled });
  }
  const limits: Partial<Record<ScheduleFormField, number>> = { name: 100, cron: 200, orchestration: 200, taskFile: 4096, command: 10_000 };
  const field = form.field;
  if (field === 'name' || field === 'cron' || field === 'orchestration' || field === 'taskFile' || field === 'command') {
    return stay({ [field]: editField(form[field], event, limits[field]) ?? form[field], error: null });
  }
  return stay({});
}

/** The request Enter sends, or the field to fix first with why. */
function save(form: ScheduleForm, stay: (next: Partial<ScheduleForm>, effects?: Effect[]) => EditorStep): EditorStep {
  const name = form.name.text.trim();
  const cron = form.cron.text.trim();
  const problem = (field: ScheduleFormField, error: string) => stay({ field, error });
  if (form.editing === null) {
    const why = name === '' ? 'Give the schedule a name.' : nameProblem(name);
    if (why) return problem('name', why);
  }
  if (cron === '') return problem('cron', 'Give a cron expression, e.g. 0 3 * * 1-5 (03:00 on weekdays).');
  const command = form.command.text.trim();
  if (form.start === 'command' && command === '') return problem('command', 'Give the command the schedule runs in a pane.');
  const orchestration = form.orchestration.text.trim();
  const taskFile = form.taskFile.text.trim();
  const action: ScheduleAction | undefined =
    form.start === 'command'
      ? { kind: 'command', command }
      : form.start === 'orchestration'
        ? { kind: 'orchestration', ...(orchestration ? { orchestration } : {}), ...(taskFile ? { taskFile } : {}) }
        : undefined;
  const saving = { saving: true, error: null };
  if (form.editing !== null) {
    const patch: SchedulePatch = { cron, dir: form.dir, overlap: form.overlap, enabled: form.enabled, ...(action ? { action } : {}) };
    return stay(saving, [{ type: 'schedule-update', name: form.editing, patch }]);
  }
  // Adding always names an action: `dispatch` is not among the choices then.
  const added = action ?? { kind: 'orchestration' as const };
  return stay(saving, [{ type: 'schedule-add', schedule: { name, cron, dir: form.dir, action: added, overlap: form.overlap, enabled: form.enabled } }]);
}

/** The daemon's answer to a save: on success the editor closes; on a refusal it shows why. */
export function editorSaved(editor: ScheduleEditor, error: string | null): ScheduleEditor | null {
  if (editor.step !== 'form') return editor;
  if (error === null) return null;
  return { ...editor, form: { ...editor.form, saving: false, error } };
}
