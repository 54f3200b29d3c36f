// The one-line title above a pane: its number, name and command; while the deck is in COMMAND
// mode the selected pane's title becomes a banner that says how to get back to typing.
import { Box, Text } from 'ink';
import { pad, textWidth } from '../view/format.js';
import { theme } from '../view/theme.js';

export interface PaneTitleProps {
  number: number | null;
  name: string;
  detail: string;
  /** typing: keys go here; command: selected while in COMMAND mode; idle: another tiled pane. */
  state: 'typing' | 'command' | 'idle';
  /** Lines scrolled back, 0 when live. */
  scrolled: number;
  /** What to press to type here, for the COMMAND banner ("enter"). */
  typeKey: string;
  /** Replaces the banner while the deck has no daemon ("reconnecting…"). */
  offline?: string | null;
  width: number;
}

export function PaneTitle({ number, name, detail, state, scrolled, typeKey, offline, width }: PaneTitleProps) {
  const banner = offline ? ` ${offline} ` : state === 'command' ? ` COMMAND · ${typeKey} to type ` : '';
  const scroll = scrolled > 0 ? ` ↑ ${scrolled} lines back ` : '';
  const label = `${number !== null && number <= 9 ? `${number} ` : ''}${name}`;
  const space = Math.max(0, width - textWidth(banner) - textWidth(scroll) - 1);
  const colour = state === 'typing' ? 'green' : state === 'command' ? theme.accent : theme.muted;
  return (
    <Box width={width} height={1}>
      <Text>
        <Text color={colour}>{state === 'idle' ? ' ' : '▌'}</Text>
        <Text bold={state !== 'idle'} color={state === 'idle' ? theme.muted : undefined}>
          {pad(`${label}${detail ? ` — ${detail}` : ''}`, space)}
        </Text>
        {scroll && <Text color="yellow">{scroll}</Text>}
        {banner && <Text {...(offline ? theme.offlineChip : theme.commandChip)}>{banner}</Text>}
      </Text>
    </Box>
  );
}
