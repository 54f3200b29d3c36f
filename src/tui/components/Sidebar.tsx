// The left column: a header (tab name and card count, or the filter being typed) and the cards.
import { Box, Text } from 'ink';
import type { CardDensity } from '../layout/card-density.js';
import { pad } from '../view/format.js';
import { theme } from '../view/theme.js';
import { Card, type CardView } from './Card.js';

export interface SidebarProps {
  title: string;
  cards: readonly CardView[];
  /** All cards of the tab, before the filter. */
  total: number;
  density: CardDensity;
  selectedId: string | null;
  filter: string;
  /** True while the filter is being typed. */
  filtering: boolean;
  width: number;
  height: number;
}

export function Sidebar({ title, cards, total, density, selectedId, filter, filtering, width, height }: SidebarProps) {
  const count = filter ? `${cards.length}/${total}` : `${total}`;
  const header = filtering || filter ? `/${filter}${filtering ? '▏' : ''}` : title;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text>
        <Text bold color={filtering ? theme.accent : undefined}>
          {pad(` ${header}`, width - count.length - 1)}
        </Text>
        <Text color={theme.muted}>{count} </Text>
      </Text>
      {cards.map((card) => (
        <Card key={card.paneId} card={card} density={density} width={width} selected={card.paneId === selectedId} />
      ))}
      {cards.length === 0 && total > 0 && <Text color={theme.muted}>{pad(' no card matches the filter', width)}</Text>}
    </Box>
  );
}
