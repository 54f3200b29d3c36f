// One pane in the sidebar. First line: number, name, agent badge and status word. Then, as the
// density allows: why it waits (whole, wrapped, never cut for anything else), the task and how
// long it has run, the tool with its count and tokens, and the place (directory · program · age).
import { Box, Text } from 'ink';
import type { CardDensity } from '../layout/card-density.js';
import { cardDetails, cardHeader } from '../view/card-details.js';
import { pad } from '../view/format.js';
import type { StatusLabel } from '../view/status-label.js';
import { theme, toneColour } from '../view/theme.js';

export interface CardView {
  paneId: string;
  number: number;
  name: string;
  /** The pane's host on a deck over several hosts ("gpu-box"); null for this machine. */
  host?: string | null;
  /** Its host's daemon is not up: the card is greyed and its reason says why. */
  offline?: boolean;
  /** The agent CLI ("claude", "codex"), or null for any other program. */
  badge: string | null;
  status: StatusLabel;
  /** Why the pane waits, is blocked or failed; shown whole. */
  reason: string | null;
  /** The current task's first line, and how long it has run ("12m"). */
  task: string | null;
  taskFor: string | null;
  /** The current or last tool with its count ("Bash ×12"), and what it runs now. */
  tool: string | null;
  toolDetail: string | null;
  tokens: string | null;
  /** The role and program ("coder · node sim-agent.mjs"). */
  command: string;
  /** The directory relative to the tab's project, or with `~`. */
  dir: string;
  /** Since the last output ("3m ago"). */
  age: string;
  /** The pane's window title (agents put their task or tool there), or why it failed to start. */
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
  const { hostPart, name, badge: shownBadge, statusWord, gap, detailRows } = cardHeader(card, density, inner);
  const mark = selected ? <Text color={theme.selection}>▌</Text> : ' ';
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        {mark}
        <Text color={selected ? theme.selection : theme.muted}>{card.number <= 9 ? card.number : ' '}</Text> <Text color={theme.accent}>{hostPart}</Text>
        <Text bold={selected} color={card.offline ? theme.muted : undefined}>
          {name.slice(hostPart.length)}
        </Text>
        <Text color={theme.accent}>{shownBadge}</Text>
        {' '.repeat(gap)}
        <Text color={toneColour[card.status.tone]}>{statusWord}</Text>
      </Text>
      {cardDetails(card, inner, detailRows).map((line, i) => (
        <Text key={i} color={line.colour}>
          {mark}
          {'  '}
          {pad(line.text, inner)}
        </Text>
      ))}
      {density === 'roomy' && <Text> </Text>}
    </Box>
  );
}
