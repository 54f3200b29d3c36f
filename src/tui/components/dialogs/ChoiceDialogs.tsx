// The dialogs that ask one question with buttons: quit (Detach / Stop all / Cancel) and close
// pane (Close / Cancel, Cancel by default).
import type { ConfigGenChoice, QuitChoice } from '../../state/deck-state.js';
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine, type Segment } from './DialogFrame.js';

export function buttons(options: ReadonlyArray<[label: string, selected: boolean]>): DialogLine {
  const out: Segment[] = [];
  options.forEach(([label, selected], i) => {
    if (i > 0) out.push({ text: '  ' });
    out.push({ text: `[ ${label} ]`, inverse: selected, bold: selected, color: selected ? theme.accent : undefined });
  });
  return out;
}

const QUIT_LABELS: Record<QuitChoice, string> = { detach: 'Detach', stop: 'Stop all', cancel: 'Cancel' };

export function QuitDialog({
  choice,
  panes,
  confirmStop,
  hosts,
  width,
  height,
}: {
  choice: QuitChoice;
  panes: number;
  confirmStop?: boolean;
  /** On a deck over several hosts: the hosts Stop all stops, and those it cannot reach. */
  hosts?: { stops: readonly string[]; unreachable: readonly string[] };
  width: number;
  height: number;
}) {
  const on = hosts ? ` on ${hosts.stops.join(', ') || 'no host'}` : '';
  if (confirmStop) {
    const what = panes === 1 ? 'the pane' : `all ${panes} panes`;
    const lines = [
      line(`This ends ${what} and every agent in them; their work in progress is lost.`, { color: 'yellow' }),
      ...(hosts && hosts.unreachable.length > 0 ? [line(`Not reachable now, so left running: ${hosts.unreachable.join(', ')}.`)] : []),
      [],
      buttons([
        ['Stop all', choice === 'stop'],
        ['Cancel', choice !== 'stop'],
      ]),
    ];
    return <DialogFrame title={`Stop every agent${on}?`} lines={lines} footer="←/→ choose · Enter confirm · y stop · n cancel" width={width} height={height} />;
  }
  const lines = [
    line(`Detach: ${panes === 1 ? 'the pane keeps' : `the ${panes} panes keep`} running${hosts ? ' on every host' : ''}. Stop all: end them${on}.`),
    [],
    buttons((['detach', 'stop', 'cancel'] as const).map((c) => [QUIT_LABELS[c], c === choice])),
  ];
  return <DialogFrame title="Leave the deck?" lines={lines} footer="←/→ choose · Enter confirm · d s c" width={width} height={height} />;
}

export interface CloseDialogProps {
  name: string;
  command: string;
  confirm: boolean;
  /** Set when the whole tab of a workspace mode closes. */
  tab?: string;
  width: number;
  height: number;
}

export function CloseDialog({ name, command, confirm, tab, width, height }: CloseDialogProps) {
  const lines = [
    line(`This stops ${command} and everything it started.`),
    [],
    buttons([
      ['Close', confirm],
      ['Cancel', !confirm],
    ]),
  ];
  return (
    <DialogFrame
      title={tab === undefined ? `Close pane "${name}"?` : `Close tab "${tab}"?`}
      lines={lines}
      footer="←/→ choose · Enter confirm · y close · n cancel"
      width={width}
      height={height}
    />
  );
}

export function CloseTabDialog({ tab, panes, confirm, width, height }: { tab: string; panes: number; confirm: boolean; width: number; height: number }) {
  const lines = [
    line(`This stops ${panes === 1 ? 'its pane' : `its ${panes} panes`} and everything they started.`),
    [],
    buttons([
      ['Close tab', confirm],
      ['Cancel', !confirm],
    ]),
  ];
  return <DialogFrame title={`Close tab "${tab}"?`} lines={lines} footer="←/→ choose · Enter confirm · y close · n cancel" width={width} height={height} />;
}

const CONFIG_GEN_LABELS: Record<ConfigGenChoice, string> = { yes: 'Yes', no: 'No', never: 'Never' };

export function ConfigGenDialog({ name, dir, choice, width, height }: { name: string; dir: string; choice: ConfigGenChoice; width: number; height: number }) {
  const lines = [
    line(`Project: ${dir}`),
    line(`The deck writes .dot-agent-deck/config-gen-prompt.md there and types one line into ${name}.`),
    line('Never: stop offering this for that directory.'),
    [],
    buttons((['yes', 'no', 'never'] as const).map((c) => [CONFIG_GEN_LABELS[c], c === choice])),
  ];
  return (
    <DialogFrame
      title="Ask this agent to analyse the project and write .dot-agent-deck.toml?"
      lines={lines}
      footer="←/→ choose · Enter confirm · y yes · n no"
      width={width}
      height={height}
    />
  );
}
