// The config-generation dialog (ctrl+d g): "Ask this agent to analyse the project and write
// .dot-agent-deck.toml?" Yes asks the daemon to deliver the request; Never remembers the directory.
import { assertNever } from '../../../common/errors.js';
import type { PaneInfo } from '../../../protocol/messages.js';
import type { KeyEvent } from '../../input/input-event.js';
import { CONFIG_GEN_CHOICES, type ConfigGenChoice, type Dialog } from '../deck-state.js';
import { moveChoice } from './choice.js';
import type { DialogStep } from './quit-dialog.js';

type ConfigGenDialog = Extract<Dialog, { kind: 'generate-config' }>;

const SHORTCUTS: Record<string, ConfigGenChoice> = { y: 'yes', n: 'no', escape: 'no', q: 'no' };

export function openConfigGen(pane: PaneInfo): ConfigGenDialog {
  return { kind: 'generate-config', paneId: pane.id, dir: pane.cwd, choice: 'yes' };
}

export function configGenDialogKey(dialog: ConfigGenDialog, event: KeyEvent): DialogStep {
  const shortcut = SHORTCUTS[event.key];
  if (shortcut) return choose(dialog, shortcut);
  if (event.key === 'enter' || event.key === 'space') return choose(dialog, dialog.choice);
  return { dialog: { ...dialog, choice: moveChoice(CONFIG_GEN_CHOICES, dialog.choice, event.key) }, effects: [] };
}

function choose(dialog: ConfigGenDialog, choice: ConfigGenChoice): DialogStep {
  switch (choice) {
    case 'yes':
      return { dialog: null, effects: [{ type: 'generate-config', paneId: dialog.paneId }] };
    case 'never':
      return { dialog: null, effects: [{ type: 'config-gen-never', dir: dialog.dir }] };
    case 'no':
      return { dialog: null, effects: [] };
    default:
      return assertNever(choice, 'choice');
  }
}
