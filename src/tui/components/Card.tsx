// One pane in the sidebar: number, name and status on the first line, then as much detail as the
// density allows (command, directory, time since activity, title).
import { Box, Text } from 'ink';
import type { CardDensity } from '../layout/card-density.js';
import { fit, pad, textWidth } from '../view/format.js';
import type { StatusLabel } from '../view/status-label.js';
import { theme, toneColour } from '../view/theme.js';

export interface CardView {
  paneId: string;
  number: number;
  name: string;
  status: StatusLabel;
  /** What runs in the pane: the role and command. */
  command: string;
  dir: string;
  age: string;
  /** The pane's window title, which agents use for their current task or tool. */
  title: string;
  /** What the pane waits on (`waiting for lock build (held by coder, 2m)`): shown in place of
   *  the card's last detail line, so a card keeps its height. */
  detail: string | null;
}

export interface CardProps {
  card: CardView;
  density: CardDensity;
  width: number;
  selected: boolean;
}

export function Card({ card, density, width, selected }: CardProps) {
  const inner = width - 3;
  const statusWord = fit(card.status.word, Math.max(4, Math.floor(inner / 2)));
  const nameWidth = Math.max(1, inner - textWidth(statusWord) - 1);
  const detail = (text: string) => (
    <Text color={theme.muted}>
      {selected ? <Text color={theme.selection}>▌</Text> : ' '}
      {'  '}
      {pad(text, inner)}
    </Text>
  );
  const ageAndTitle = card.detail ?? (card.title ? `${card.age} · ${card.title}` : card.age);
  const dirAndAge = card.detail ?? `${card.dir} · ${card.age}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        {selected ? <Text color={theme.selection}>▌</Text> : ' '}
        <Text color={selected ? theme.selection : theme.muted}>{card.number <= 9 ? card.number : ' '}</Text>{' '}
        <Text bold={selected}>{pad(card.name, nameWidth)}</Text> <Text color={toneColour[card.status.tone]}>{statusWord}</Text>
      </Text>
      {density === 'roomy' && detail(card.command)}
      {density === 'roomy' && detail(card.dir)}
      {density === 'roomy' && detail(ageAndTitle)}
      {density === 'roomy' && <Text> </Text>}
      {density === 'normal' && detail(card.command)}
      {density === 'normal' && detail(dirAndAge)}
      {density === 'compact' && detail(dirAndAge)}
    </Box>
  );
}
