// The left column: a header (tab name and card count, or the filter being typed), the stats bar
// (panes per state) and the cards.
import { Box, Text } from 'ink';
import type { CardDensity } from '../layout/card-density.js';
import { fit, pad, textWidth } from '../view/format.js';
import type { StatsItem } from '../view/stats-line.js';
import { theme, toneColour } from '../view/theme.js';
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
  /** Panes of the tab per state, most urgent first. */
  stats?: readonly StatsItem[];
}

export function Sidebar({ title, cards, total, density, selectedId, filter, filtering, width, height, stats = [] }: SidebarProps) {
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
      <StatsBar stats={stats} width={width} />
      {cards.map((card) => (
        <Card key={card.paneId} card={card} density={density} width={width} selected={card.paneId === selectedId} />
      ))}
      {cards.length === 0 && total > 0 && <Text color={theme.muted}>{pad(' no card matches the filter', width)}</Text>}
    </Box>
  );
}

/** "1 waiting · 2 working · 1 idle", each count in its status colour, cut to the width. */
function StatsBar({ stats, width }: { stats: readonly StatsItem[]; width: number }) {
  let room = width - 1;
  const shown: Array<{ text: string; tone: StatsItem['tone'] }> = [];
  for (const [i, item] of stats.entries()) {
    const text = `${i === 0 ? '' : ' · '}${item.count} ${item.word}`;
    if (textWidth(text) > room) {
      if (room > 1) shown.push({ text: fit(text, room), tone: item.tone });
      room = 0;
      break;
    }
    shown.push({ text, tone: item.tone });
    room -= textWidth(text);
  }
  return (
    <Text>
      {' '}
      {shown.map((part, i) => (
        <Text key={i} color={toneColour[part.tone]}>
          {part.text}
        </Text>
      ))}
      {' '.repeat(Math.max(0, room))}
    </Text>
  );
}
