// The bottom row: the mode chip, then a transient message or the key hints of the active
// keybindings.
import { Box, Text } from 'ink';
import type { Mode } from '../input/key-router.js';
import type { DeckMessage } from '../state/deck-state.js';
import { fit, pad } from '../view/format.js';
import { messageColour, theme } from '../view/theme.js';

export interface Hint {
  keys: string;
  label: string;
}

export interface StatusBarProps {
  mode: Mode;
  hints: readonly Hint[];
  message: DeckMessage | null;
  width: number;
}

export function StatusBar({ mode, hints, message, width }: StatusBarProps) {
  const chip = mode === 'command' ? ' COMMAND ' : ' TYPING ';
  const chipStyle = mode === 'command' ? theme.commandChip : theme.typingChip;
  const rest = width - chip.length - 1;
  const hintText = hints.map((hint) => `${hint.keys} ${hint.label}`).join('  ');
  return (
    <Box width={width} height={1}>
      <Text>
        <Text bold {...chipStyle}>{chip}</Text>{' '}
        {message ? (
          <Text color={messageColour[message.tone]}>{pad(message.text, rest)}</Text>
        ) : (
          <Text color={theme.muted}>{pad(fit(hintText, rest), rest)}</Text>
        )}
      </Text>
    </Box>
  );
}
