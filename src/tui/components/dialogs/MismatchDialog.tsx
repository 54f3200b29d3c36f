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
/** More names than this never fit in NAME_LINES of a dialog. */
const MAX_NAMES = 40;

/** What the session file says, in at most NAME_LINES lines of `width` cells. */
export function panesLines(panes: readonly string[] | null, width: number): string[] {
  if (panes === null) return wrapText('Its session file cannot be read by this version, so the deck cannot say which panes it runs.', width);
  if (panes.length === 0) return ['Its session file holds no panes.'];
  const head = `Its session file holds ${panes.length} pane${panes.length === 1 ? '' : 's'}:`;
  for (let shown = Math.min(panes.length, MAX_NAMES); shown > 0; shown--) {
    const rest = panes.length - shown;
    const lines = wrapText(`${head} ${panes.slice(0, shown).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}.`, width);
    if (lines.length <= NAME_LINES) return lines;
  }
  return [head];
}

export function MismatchDialog({ dialog, width, height }: { dialog: MismatchDialogState; width: number; height: number }) {
  const inner = Math.max(1, width - 4);
  const lines: DialogLine[] = [
    ...wrapText(dialog.message, inner).map((text) => line(text)),
    ...panesLines(dialog.panes, inner).map((text) => line(text)),
    ...wrapText('Restarting stops that daemon, keeps its session, and starts this version, which opens the same panes again.', inner).map((text) =>
      line(text, { color: theme.muted }),
    ),
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
