// The bottom row: the mode chip, then a transient message, a standing warning (a journal that
// cannot be written) or the key hints of the active keybindings. Without a daemon, a red chip
// and what is happening take the place of all of them.
import { Box, Text } from 'ink';
import type { DeckMode } from '../input/key-router.js';
import type { DeckMessage } from '../state/deck-state.js';
import { fit, pad } from '../view/format.js';
import type { LinkNotice } from '../view/link-text.js';
import { placeHints } from '../view/hint-line.js';
import type { StatusTone } from '../view/status-label.js';
import { messageColour, theme, toneColour } from '../view/theme.js';
import type { TuiAction } from '../input/key-map.js';

export interface Hint {
  keys: string;
  label: string;
  /** Drawn in the status colour instead of muted: the "needs you" count. */
  tone?: StatusTone;
  /** What a click on the hint does (the same as its key). */
  action?: TuiAction;
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
          <HintRow hints={hints} x={chip.length + 2} width={rest} />
        )}
      </Text>
    </Box>
  );
}

function HintRow({ hints, x, width }: { hints: readonly Hint[]; x: number; width: number }) {
  const placed = placeHints(hints, x, width);
  const end = placed.length === 0 ? x : placed.at(-1)!.x + placed.at(-1)!.cols;
  return (
    <Text>
      {placed.map((p, i) => (
        <Text key={i} color={p.hint.tone ? toneColour[p.hint.tone] : theme.muted} bold={p.hint.tone !== undefined}>
          {i === 0 ? '' : ' '.repeat(p.x - (placed[i - 1]!.x + placed[i - 1]!.cols))}
          {p.text}
        </Text>
      ))}
      {' '.repeat(Math.max(0, x + width - end))}
    </Text>
  );
}
