// The Ctrl+n flow as pure state: a directory picker (j/k, Enter/l into, h/Backspace up, Space
// choose, / filter, Esc/q leave), then one form ([Host,] Mode, Name, Command). Listing a directory and
// reading its project file and finding the agent CLIs on PATH are effects; their answers come
// back as messages.
import { basename, dirname, join } from 'node:path';
import type { KeyEvent, PasteEvent } from '../../input/input-event.js';
import type { Effect } from '../effect.js';
import { editField, emptyField, type TextField } from '../text-field.js';

export interface DirPicker {
  dir: string;
  /** Subdirectory names, sorted; null while the listing is on its way. */
  entries: readonly string[] | null;
  error: string | null;
  /** Row under the cursor: 0 is the directory itself, then the visible entries. */
  index: number;
  /** Set while the user types a filter. */
  filterField: TextField | null;
  filter: string;
  /** After going up, the directory we came from gets the cursor once the listing arrives. */
  reselect: string | null;
}

export type FormField = 'host' | 'mode' | 'name' | 'command' | 'agent';
export const FORM_FIELDS: readonly FormField[] = ['mode', 'name', 'command', 'agent'];

/** A host the form can open the pane on (`--hosts`); `dir` is a remote's project directory. */
export interface HostChoice {
  name: string;
  dir: string | null;
}

/** On a deck over several hosts: which one the pane opens on (the Host field cycles them). */
export interface HostPick {
  hosts: readonly HostChoice[];
  index: number;
}

/** The form's fields in order: Host first when there is more than one host to choose. */
export function formFields(dialog: Pick<NewPaneDialog, 'hostPick'>): readonly FormField[] {
  return dialog.hostPick && dialog.hostPick.hosts.length > 1 ? ['host', ...FORM_FIELDS] : FORM_FIELDS;
}

/** The host chosen and the directory the pane starts in there: the picked directory on this
 *  machine, a remote's configured directory on that remote (the picker lists this machine's). */
export function chosenHost(dialog: Pick<NewPaneDialog, 'hostPick'>, dir: string): { host: string; dir: string } | null {
  const host = dialog.hostPick?.hosts[dialog.hostPick.index];
  if (!host) return null;
  return { host: host.name, dir: host.dir ?? dir };
}

export interface NewPaneForm {
  dir: string;
  field: FormField;
  /** "" is no mode, then the project file's workspace modes and its orchestrations. */
  modes: readonly string[];
  modeIndex: number;
  name: TextField;
  command: TextField;
  /** "" (keep the Command as typed), then the agent CLIs found on PATH; choosing one sets Command. */
  agents: readonly string[];
  agentIndex: number;
  /** Warnings about the directory; they never block creating the pane. */
  notes: readonly string[];
  inspecting: boolean;
}

export type NewPaneDialog =
  | { kind: 'new-pane'; step: 'pick'; picker: DirPicker; hostPick?: HostPick }
  | { kind: 'new-pane'; step: 'form'; picker: DirPicker; form: NewPaneForm; hostPick?: HostPick };

export interface NewPaneStep {
  dialog: NewPaneDialog | null;
  effects: Effect[];
}

export function openNewPane(cwd: string, hostPick?: HostPick): NewPaneStep {
  return {
    dialog: { kind: 'new-pane', step: 'pick', picker: pickerAt(cwd, null), ...(hostPick ? { hostPick } : {}) },
    effects: [{ type: 'list-dir', dir: cwd }],
  };
}

function pickerAt(dir: string, reselect: string | null): DirPicker {
  return { dir, entries: null, error: null, index: 0, filterField: null, filter: '', reselect };
}

/** The entries the picker shows: hidden directories only when the filter starts with a dot. */
export function pickerRows(picker: DirPicker): string[] {
  const needle = picker.filter.toLowerCase();
  return (picker.entries ?? []).filter((name) => (name.startsWith('.') ? needle.startsWith('.') : true) && name.toLowerCase().includes(needle));
}

/** Which picker rows a body of `rows` lines shows: `header` lines (the directory, the filter,
 *  an error) come first, then `shown` rows from row `first` (0 is "./", then the entries), scrolled
 *  so the cursor's row is always in view. The component draws it and the mouse hit-tests it. */
export function pickerView(picker: DirPicker, rows: number): { header: number; first: number; shown: number } {
  const header = 1 + (picker.filterField || picker.filter ? 1 : 0) + (picker.error ? 1 : 0);
  if (picker.entries === null) return { header, first: 0, shown: 0 };
  const total = pickerRows(picker).length + 1;
  const room = Math.max(1, rows - header);
  const first = Math.min(Math.max(0, picker.index - room + 1), Math.max(0, total - room));
  return { header, first, shown: Math.min(room, total - first) };
}

/** The directory Space or Enter on the current row would choose. */
function rowDir(picker: DirPicker): string {
  const entry = pickerRows(picker)[picker.index - 1];
  return entry === undefined ? picker.dir : join(picker.dir, entry);
}

export function dirListed(dialog: NewPaneDialog, dir: string, entries: readonly string[], error: string | null): NewPaneDialog {
  if (dialog.picker.dir !== dir) return dialog;
  const sorted = [...entries].sort((a, b) => a.localeCompare(b));
  const picker: DirPicker = { ...dialog.picker, entries: sorted, error, reselect: null };
  const back = dialog.picker.reselect ? pickerRows(picker).indexOf(dialog.picker.reselect) : -1;
  return { ...dialog, picker: { ...picker, index: back >= 0 ? back + 1 : 0 } };
}

/** `preselect`: the orchestration marked `default = true`, which the Mode field starts on. */
export function dirInspected(
  dialog: NewPaneDialog,
  dir: string,
  notes: readonly string[],
  orchestrations: readonly string[] = [],
  preselect: string | null = null,
  found: { modes?: readonly string[]; agents?: readonly string[] } = {},
): NewPaneDialog {
  const workspaceModes = found.modes ?? [];
  if (dialog.step !== 'form' || dialog.form.dir !== dir) return dialog;
  const modes = ['', ...workspaceModes.map((name) => `${WORKSPACE_MODE}${name}`), ...orchestrations.map((name) => `${ORCHESTRATION_MODE}${name}`)];
  const preselected = preselect === null ? -1 : modes.indexOf(`${ORCHESTRATION_MODE}${preselect}`);
  const modeIndex = dialog.form.inspecting && preselected > 0 ? preselected : Math.min(dialog.form.modeIndex, modes.length - 1);
  const agents = ['', ...(found.agents ?? [])];
  const agentIndex = Math.min(dialog.form.agentIndex, agents.length - 1);
  return { ...dialog, form: { ...dialog.form, notes, inspecting: false, modes, modeIndex, agents, agentIndex } };
}

/** How an orchestration shows in the Mode field; choosing one opens all of its role panes. */
export const ORCHESTRATION_MODE = 'orchestration: ';

/** How a workspace mode shows in the Mode field; choosing one opens its tab around the Command. */
export const WORKSPACE_MODE = 'mode: ';

/** The workspace mode the form's Mode field names, if any. */
export function chosenWorkspaceMode(form: NewPaneForm): string | null {
  const mode = form.modes[form.modeIndex] ?? '';
  return mode.startsWith(WORKSPACE_MODE) ? mode.slice(WORKSPACE_MODE.length) : null;
}

/** The orchestration the form's Mode field names, if any. */
export function chosenOrchestration(form: NewPaneForm): string | null {
  const mode = form.modes[form.modeIndex] ?? '';
  return mode.startsWith(ORCHESTRATION_MODE) ? mode.slice(ORCHESTRATION_MODE.length) : null;
}

export function newPaneInput(dialog: NewPaneDialog, event: KeyEvent | PasteEvent, defaultCommand: string): NewPaneStep {
  if (event.kind === 'key' && event.key === 'ctrl+c') return { dialog: null, effects: [] };
  const step = dialog.step === 'pick' ? pickerInput(dialog.picker, event, defaultCommand) : formInput(dialog, event);
  // The host choice rides along every step of the flow.
  return dialog.hostPick && step.dialog && !step.dialog.hostPick ? { ...step, dialog: { ...step.dialog, hostPick: dialog.hostPick } } : step;
}

function pickerInput(picker: DirPicker, event: KeyEvent | PasteEvent, defaultCommand: string): NewPaneStep {
  const stay = (next: DirPicker): NewPaneStep => ({ dialog: { kind: 'new-pane', step: 'pick', picker: next }, effects: [] });
  const last = pickerRows(picker).length;
  const move = (delta: number) => stay({ ...picker, index: Math.max(0, Math.min(last, picker.index + delta)) });
  if (picker.filterField) {
    if (event.kind === 'key') {
      if (event.key === 'escape') return stay({ ...picker, filterField: null, filter: '', index: 0 });
      if (event.key === 'enter') return stay({ ...picker, filterField: null });
      if (event.key === 'down') return move(1);
      if (event.key === 'up') return move(-1);
    }
    const field = editField(picker.filterField, event) ?? picker.filterField;
    return stay({ ...picker, filterField: field, filter: field.text, index: field.text === '' ? 0 : 1 });
  }
  if (event.kind === 'paste') return stay(picker);
  switch (event.key) {
    case 'j':
    case 'down':
      return move(1);
    case 'k':
    case 'up':
      return move(-1);
    case 'enter':
    case 'l':
    case 'right': {
      if (picker.index === 0) return choose(picker, picker.dir, defaultCommand);
      const dir = rowDir(picker);
      return { dialog: { kind: 'new-pane', step: 'pick', picker: pickerAt(dir, null) }, effects: [{ type: 'list-dir', dir }] };
    }
    case 'h':
    case 'backspace':
    case 'left': {
      const parent = dirname(picker.dir);
      if (parent === picker.dir) return stay(picker);
      return { dialog: { kind: 'new-pane', step: 'pick', picker: pickerAt(parent, basename(picker.dir)) }, effects: [{ type: 'list-dir', dir: parent }] };
    }
    case 'space':
      return choose(picker, rowDir(picker), defaultCommand);
    case '/':
      return stay({ ...picker, filterField: emptyField(picker.filter) });
    case 'escape':
    case 'q':
      return { dialog: null, effects: [] };
    default:
      return stay(picker);
  }
}

function choose(picker: DirPicker, dir: string, defaultCommand: string): NewPaneStep {
  const form: NewPaneForm = {
    dir,
    field: 'name',
    modes: [''],
    modeIndex: 0,
    name: emptyField(basename(dir) || 'root'),
    command: emptyField(defaultCommand),
    agents: [''],
    agentIndex: 0,
    notes: [],
    inspecting: true,
  };
  return { dialog: { kind: 'new-pane', step: 'form', picker, form }, effects: [{ type: 'inspect-dir', dir }] };
}

function formInput(dialog: Extract<NewPaneDialog, { step: 'form' }>, event: KeyEvent | PasteEvent): NewPaneStep {
  const form = dialog.form;
  const stay = (next: NewPaneForm): NewPaneStep => ({ dialog: { ...dialog, form: next }, effects: [] });
  const fields = formFields(dialog);
  const fieldAt = (delta: number) => fields[(fields.indexOf(form.field) + delta + fields.length) % fields.length]!;
  const target = chosenHost(dialog, form.dir);
  const where = target ? { cwd: target.dir, host: target.host } : { cwd: form.dir };
  if (event.kind === 'key') {
    switch (event.key) {
      case 'escape':
        return { dialog: { kind: 'new-pane', step: 'pick', picker: dialog.picker }, effects: [] };
      case 'tab':
      case 'down':
        return stay({ ...form, field: fieldAt(1) });
      case 'shift+tab':
      case 'up':
        return stay({ ...form, field: fieldAt(-1) });
      case 'enter': {
        const orchestration = chosenOrchestration(form);
        if (orchestration !== null) return { dialog: null, effects: [{ type: 'open-orchestration', ...where, orchestration }] };
        const name = form.name.text.trim();
        const command = form.command.text.trim();
        if (name === '') return stay({ ...form, field: 'name' });
        if (command === '') return stay({ ...form, field: 'command' });
        const mode = chosenWorkspaceMode(form);
        if (mode !== null) return { dialog: null, effects: [{ type: 'open-mode', ...where, mode, name, command }] };
        return { dialog: null, effects: [{ type: 'create-pane', ...where, name, command }] };
      }
    }
    if (form.field === 'host' && dialog.hostPick) {
      const step = event.key === 'right' || event.key === 'l' ? 1 : event.key === 'left' || event.key === 'h' ? -1 : 0;
      const { hosts, index } = dialog.hostPick;
      return { dialog: { ...dialog, hostPick: { hosts, index: (index + step + hosts.length) % hosts.length } }, effects: [] };
    }
    if (form.field === 'mode') {
      const step = event.key === 'right' || event.key === 'l' ? 1 : event.key === 'left' || event.key === 'h' ? -1 : 0;
      return stay({ ...form, modeIndex: (form.modeIndex + step + form.modes.length) % form.modes.length });
    }
    if (form.field === 'agent') {
      const step = event.key === 'right' || event.key === 'l' ? 1 : event.key === 'left' || event.key === 'h' ? -1 : 0;
      if (step === 0) return stay(form);
      const agentIndex = (form.agentIndex + step + form.agents.length) % form.agents.length;
      const agent = form.agents[agentIndex] ?? '';
      return stay({ ...form, agentIndex, command: agent === '' ? form.command : emptyField(agent) });
    }
  }
  if (form.field === 'name') return stay({ ...form, name: editField(form.name, event, 100) ?? form.name });
  if (form.field === 'command') return stay({ ...form, command: editField(form.command, event, 10_000) ?? form.command });
  return stay(form);
}
