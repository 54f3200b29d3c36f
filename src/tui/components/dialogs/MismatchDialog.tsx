// Shown when the running daemon refuses this deck's protocol version (an upgrade while it ran):
// what runs there, and the two ways on.
import type { Dialog } from '../../state/deck-state.js';
import { wrapText } from '../../view/format.js';
import { theme } from '../../view/theme.js';
import { buttons } from './ChoiceDialogs.js';
import { DialogFrame, line, type DialogLine } from './DialogFrame.js';

type MismatchDialogState = Extract<Dialog, { kind: 'daemon-mismatch' }>;

/** Pane names fill at most this many lines; the rest are counted. */
const NAME_LINES = 2;

export function panesSentence(panes: readonly string[] | null): string {
  if (panes === null) return 'Its session file cannot be read by this version, so the deck cannot say which panes it runs.';
  if (panes.length === 0) return 'Its session file holds no panes.';
  return `Its session file holds ${panes.length} pane${panes.length === 1 ? '' : 's'}: ${panes.join(', ')}.`;
}

export function MismatchDialog({ dialog, width, height }: { dialog: MismatchDialogState; width: number; height: number }) {
  const inner = Math.max(1, width - 4);
  const names = wrapText(panesSentence(dialog.panes), inner);
  const shown = names.length > NAME_LINES ? [...names.slice(0, NAME_LINES - 1), `…and more (${dialog.panes?.length ?? 0} in all)`] : names;
  const lines: DialogLine[] = [
    ...wrapText(dialog.message, inner).map((text) => line(text)),
    ...shown.map((text) => line(text)),
    line('Restarting stops that daemon, keeps its session, and starts this version, which opens the same panes again.', { color: theme.muted }),
    [],
    dialog.restarting
      ? line('Stopping the old daemon and starting this version…', { color: theme.accent })
      : buttons([
          ['Restart the daemon and restore the panes', dialog.choice === 'restart'],
          ['Keep the running daemon (quit)', dialog.choice === 'quit'],
        ]),
  ];
  if (dialog.error) lines.push(...wrapText(dialog.error, inner).map((text) => line(text, { color: 'red' })));
  const footer = dialog.restarting ? 'q quit' : '←/→ choose · Enter confirm · r restart · q quit';
  return <DialogFrame title="This deck cannot use the running daemon" lines={lines} footer={footer} width={width} height={height} />;
}
