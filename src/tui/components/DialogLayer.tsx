// Picks the component for the open dialog.
import type { KeyMap } from '../input/key-map.js';
import type { Rect } from '../layout/deck-layout.js';
import type { DeckState } from '../state/deck-state.js';
import { paneById } from '../state/selectors.js';
import { helpSections } from '../view/help-lines.js';
import { CloseDialog, CloseTabDialog, ConfigGenDialog, QuitDialog } from './dialogs/ChoiceDialogs.js';
import { HelpDialog } from './dialogs/HelpDialog.js';
import { MismatchDialog } from './dialogs/MismatchDialog.js';
import { NewPaneDialog } from './dialogs/NewPaneDialog.js';
import { hostOf, hostOffline, stopsOn } from '../state/hosts.js';
import { RenameDialog } from './dialogs/RenameDialog.js';
import { SchedulesDialog } from './dialogs/SchedulesDialog.js';
import { TimelineDialog } from './dialogs/TimelineDialog.js';

export interface DialogLayerProps {
  state: DeckState;
  keyMap: KeyMap;
  home: string | undefined;
  rect: Rect;
}

export function DialogLayer({ state, keyMap, home, rect }: DialogLayerProps) {
  const dialog = state.dialog;
  const size = { width: rect.cols, height: rect.rows };
  switch (dialog?.kind) {
    case 'quit':
      return (
        <QuitDialog
          choice={dialog.choice}
          panes={state.panes.filter((pane) => hostOffline(hostOf(state, pane.id)) === null).length}
          confirmStop={dialog.confirmStop === true}
          {...(state.hosts.length > 0 ? { hosts: stopsOn(state) } : {})}
          {...size}
        />
      );
    case 'close': {
      const pane = paneById(state, dialog.paneId);
      if (dialog.tab !== undefined) return <CloseTabDialog tab={dialog.tab} panes={(dialog.paneIds ?? []).length} confirm={dialog.confirm} {...size} />;
      return <CloseDialog name={pane?.name ?? dialog.paneId} command={pane?.command ?? 'its command'} confirm={dialog.confirm} {...size} />;
    }
    case 'generate-config':
      return <ConfigGenDialog name={paneById(state, dialog.paneId)?.name ?? dialog.paneId} dir={dialog.dir} choice={dialog.choice} {...size} />;
    case 'rename':
      return <RenameDialog name={paneById(state, dialog.paneId)?.name ?? dialog.paneId} field={dialog.field} {...size} />;
    case 'help':
      return <HelpDialog sections={helpSections(keyMap)} {...size} />;
    case 'new-pane':
      return <NewPaneDialog dialog={dialog} home={home} {...size} />;
    case 'timeline':
      return <TimelineDialog tab={dialog.tab} lines={dialog.lines} error={dialog.error} summary={dialog.summary ?? []} {...size} />;
    case 'schedules':
      return <SchedulesDialog dialog={dialog} now={Date.now()} home={home} {...size} />;
    case 'daemon-mismatch':
      return <MismatchDialog dialog={dialog} {...size} />;
    case 'filter':
    case undefined:
      return null;
  }
}
