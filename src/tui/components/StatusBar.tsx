// The bottom row: the mode chip, then a transient message, a standing warning (a journal that
// cannot be written) or the key hints of the active keybindings. Without a daemon, a red chip
// and what is happening take the place of all of them.
import { Box, Text } from 'ink';
import type { DeckMode } from '../input/key-router.js';
import type { DeckMessage } from '../state/deck-state.js';
import { fit, pad } from '../view/format.js';
import type { LinkNotice } from '../view/link-text.js';
import { messageColour, theme } from '../view/theme.js';

export interface Hint {
  keys: string;
  label: string;
}

export interface StatusBarProps {
  mode: DeckMode;
  hints: readonly Hint[];
  message: DeckMessage | null;
  /** Set while the deck is not connected to the daemon. */
  link?: LinkNotice | null;
  /** Shown in place of the hints for as long as it holds. */
  warning?: string | null;
  width: number;
}

export function StatusBar({ mode, hints, message, link, warning, width }: StatusBarProps) {
  const chip = mode === 'command' ? ' COMMAND ' : ' TYPING ';
  const chipStyle = mode === 'command' ? theme.commandChip : theme.typingChip;
  const rest = width - chip.length - 1;
  if (link) {
    return (
      <Box width={width} height={1}>
        <Text>
          <Text bold {...chipStyle}>
            {chip}
          </Text>{' '}
          <Text bold {...theme.offlineChip}>
            {link.chip}
          </Text>{' '}
          <Text color="red">{pad(link.text, Math.max(0, rest - link.chip.length - 1))}</Text>
        </Text>
      </Box>
    );
  }
  const hintText = hints.map((hint) => `${hint.keys} ${hint.label}`).join('  ');
  return (
    <Box width={width} height={1}>
      <Text>
        <Text bold {...chipStyle}>
          {chip}
        </Text>{' '}
        {message ? (
          <Text color={messageColour[message.tone]}>{pad(message.text, rest)}</Text>
        ) : warning ? (
          <Text color={messageColour.warn}>{pad(fit(warning, rest), rest)}</Text>
        ) : (
          <Text color={theme.muted}>{pad(fit(hintText, rest), rest)}</Text>
        )}
      </Text>
    </Box>
  );
}
