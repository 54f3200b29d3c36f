// The Ctrl+n flow on screen: the directory picker, then the form ([Host,] Mode, Name, Command).
import {
  chosenHost,
  chosenOrchestration,
  chosenWorkspaceMode,
  pickerRows,
  pickerView,
  type DirPicker,
  type HostPick,
  type NewPaneDialog as NewPaneState,
  type NewPaneForm,
} from '../../state/dialogs/new-pane-dialog.js';
import { shortenPath } from '../../view/format.js';
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine } from './DialogFrame.js';
import { fieldSegments } from './field-line.js';

export interface NewPaneDialogProps {
  dialog: NewPaneState;
  home: string | undefined;
  width: number;
  height: number;
}

export function NewPaneDialog({ dialog, home, width, height }: NewPaneDialogProps) {
  if (dialog.step === 'form') {
    const target = chosenHost(dialog, dialog.form.dir);
    // A remote's directory is not this machine's: shown as it is there, without ~.
    const title = target
      ? `New pane on ${target.host} in ${target.host === 'local' ? shortenPath(target.dir, home) : target.dir}`
      : `New pane in ${shortenPath(dialog.form.dir, home)}`;
    return (
      <DialogFrame
        title={title}
        lines={formLines(dialog.form, width - 4, dialog.hostPick)}
        footer={`Tab next field · ←/→ ${dialog.hostPick && dialog.hostPick.hosts.length > 1 ? 'host, ' : ''}mode · Enter create · Esc back`}
        width={width}
        height={height}
      />
    );
  }
  return (
    <DialogFrame
      title="New pane: choose a directory"
      lines={pickerLines(dialog.picker, home, width - 4, height - 5)}
      footer="j/k move · Enter/l open · h up · Space choose · / filter · Esc"
      width={width}
      height={height}
    />
  );
}

export function pickerLines(picker: DirPicker, home: string | undefined, width: number, rows: number): DialogLine[] {
  const lines: DialogLine[] = [line(shortenPath(picker.dir, home), { bold: true })];
  if (picker.filterField || picker.filter) {
    lines.push([{ text: '/', color: theme.accent }, ...(picker.filterField ? fieldSegments(picker.filterField, width - 2) : [{ text: picker.filter }])]);
  }
  if (picker.error) lines.push(line(picker.error, { color: 'red' }));
  if (picker.entries === null) return [...lines, line('reading…', { color: theme.muted })];
  const names = ['./  (this directory)', ...pickerRows(picker).map((name) => `${name}/`)];
  const { first, shown } = pickerView(picker, rows);
  names.slice(first, first + shown).forEach((name, i) => {
    const selected = first + i === picker.index;
    lines.push(line(`${selected ? '›' : ' '} ${name}`, { inverse: selected, color: selected ? theme.accent : undefined }));
  });
  return lines;
}

/** The Agent field: the CLI chosen, or what ←/→ would offer. */
function agentChoice(form: NewPaneForm): string {
  if (form.agents.length <= 1) return form.inspecting ? 'looking on PATH…' : 'no agent CLI found on PATH';
  const chosen = form.agents[form.agentIndex] || 'as typed in Command';
  return `‹ ${chosen} ›  (${form.agents.slice(1).join(', ')} on PATH; ←/→ sets Command)`;
}

export function formLines(form: NewPaneForm, width: number, hostPick?: HostPick): DialogLine[] {
  const label = (name: string, field: NewPaneForm['field']) => ({
    text: `${form.field === field ? '›' : ' '} ${name.padEnd(9)}`,
    bold: form.field === field,
    color: form.field === field ? theme.accent : undefined,
  });
  const mode = form.modes[form.modeIndex] || 'no mode';
  const host = hostPick && hostPick.hosts.length > 1 ? hostPick.hosts[hostPick.index] : undefined;
  const lines: DialogLine[] = [
    ...(host ? [[label('Host', 'host'), { text: `‹ ${host.name} ›  (${hostPick!.hosts.map((h) => h.name).join(', ')}; ←/→ chooses)` }]] : []),
    [label('Mode', 'mode'), { text: form.modes.length > 1 ? `‹ ${mode} ›` : mode }],
    [label('Name', 'name'), ...fieldSegments(form.name, width - 12, form.field === 'name')],
    [label('Command', 'command'), ...fieldSegments(form.command, width - 12, form.field === 'command')],
    [label('Agent', 'agent'), { text: agentChoice(form), color: form.agents.length > 1 ? undefined : theme.muted }],
    [],
  ];
  if (form.inspecting) lines.push(line('checking the directory…', { color: theme.muted }));
  const orchestration = chosenOrchestration(form);
  if (orchestration !== null)
    lines.push(line(`Enter opens ${orchestration} in a new tab: one pane per role (Name and Command are not used)`, { color: theme.muted }));
  const workspaceMode = chosenWorkspaceMode(form);
  if (workspaceMode !== null)
    lines.push(
      line(`Enter opens mode ${workspaceMode} in a new tab: Command runs in the agent pane (left), the mode's panes beside it`, { color: theme.muted }),
    );
  for (const note of form.notes) lines.push(line(`! ${note}`, { color: 'yellow' }));
  return lines;
}
