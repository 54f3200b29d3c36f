// The deck's colours in one place, as Ink colour names.
import type { StatusTone } from './status-label.js';
import type { MessageTone } from '../state/deck-state.js';

export const toneColour: Readonly<Record<StatusTone, string>> = { ok: 'green', quiet: 'gray', error: 'red', busy: 'cyan', attention: 'yellow' };

export const messageColour: Readonly<Record<MessageTone, string>> = { info: 'cyan', warn: 'yellow', error: 'red' };

export const theme = {
  accent: 'cyan',
  muted: 'gray',
  commandChip: { color: 'black', backgroundColor: 'yellow' },
  typingChip: { color: 'black', backgroundColor: 'green' },
  offlineChip: { color: 'white', backgroundColor: 'red' },
  selection: 'cyan',
  dialogBorder: 'cyan',
} as const;
