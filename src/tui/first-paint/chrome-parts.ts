// The chrome's pieces as the first paint draws them: each mirrors one component under
// tui/components cell for cell (tests/unit/tui/first-paint/ compares them through a terminal), as
// lines of segments, without Ink or React. A change to a component that is not made here too
// fails that test.
import type { CardView } from '../components/Card.js';
import { cardDetails, cardHeader } from '../view/card-details.js';
import type { Hint } from '../components/StatusBar.js';
import type { TabView } from '../components/TabBar.js';
import type { DeckMode } from '../input/key-router.js';
import type { CardDensity } from '../layout/card-density.js';
import { fit, pad, textWidth } from '../view/format.js';
import { placeHints } from '../view/hint-line.js';
import type { StatsItem } from '../view/stats-line.js';
import { messageColour, theme, toneColour } from '../view/theme.js';
import type { CellStyle, Segment } from './canvas.js';

type Line = Segment[];

/** components/TabBar.tsx */
export function tabBarLine(tabs: readonly TabView[], width: number): Line {
  const cells = (tab: TabView) => ` ${tab.label} ${tab.closable ? '× ' : ''}`;
  const used = tabs.reduce((sum, tab) => sum + textWidth(cells(tab)) + 1, 0);
  const line: Line = [];
  for (const tab of tabs) {
    const style: CellStyle = tab.active
      ? { bold: true, inverse: true, fg: tab.offline ? theme.muted : theme.accent }
      : { fg: tab.offline ? theme.muted : (tab.colour ?? theme.muted), dim: tab.offline === true };
    line.push([cells(tab), style], [' ']);
  }
  line.push([pad('', Math.max(0, width - used))]);
  return line;
}

/** components/Sidebar.tsx, without a filter (the first paint draws none). */
export function sidebarLines(
  title: string,
  cards: readonly CardView[],
  total: number,
  stats: readonly StatsItem[],
  density: CardDensity,
  selectedId: string | null,
  width: number,
): Line[] {
  const count = `${total}`;
  const lines: Line[] = [
    [
      [pad(` ${title}`, width - count.length - 1), { bold: true }],
      [`${count} `, { fg: theme.muted }],
    ],
    statsLine(stats, width),
  ];
  for (const card of cards) lines.push(...cardLines(card, density, width, card.paneId === selectedId));
  return lines;
}

function statsLine(stats: readonly StatsItem[], width: number): Line {
  let room = width - 1;
  const line: Line = [[' ']];
  for (const [i, item] of stats.entries()) {
    const text = `${i === 0 ? '' : ' · '}${item.count} ${item.word}`;
    if (textWidth(text) > room) {
      if (room > 1) line.push([fit(text, room), { fg: toneColour[item.tone] }]);
      room = 0;
      break;
    }
    line.push([text, { fg: toneColour[item.tone] }]);
    room -= textWidth(text);
  }
  line.push([' '.repeat(Math.max(0, room))]);
  return line;
}

/** components/Card.tsx */
export function cardLines(card: CardView, density: CardDensity, width: number, selected: boolean): Line[] {
  const inner = width - 3;
  const { hostPart, name, badge: shownBadge, statusWord, gap, detailRows } = cardHeader(card, density, inner);
  const mark = (outer: CellStyle | undefined): Segment => (selected ? ['▌', { ...outer, fg: theme.selection }] : [' ', outer]);
  const lines: Line[] = [
    [
      mark(undefined),
      [card.number <= 9 ? `${card.number}` : ' ', { fg: selected ? theme.selection : theme.muted }],
      [' '],
      [hostPart, { fg: theme.accent }],
      [name.slice(hostPart.length), { bold: selected, fg: card.offline ? theme.muted : undefined }],
      [shownBadge, { fg: theme.accent }],
      [' '.repeat(gap)],
      [statusWord, { fg: toneColour[card.status.tone] }],
    ],
  ];
  for (const detail of cardDetails(card, inner, detailRows)) {
    const style = { fg: detail.colour };
    lines.push([mark(style), ['  ', style], [pad(detail.text, inner), style]]);
  }
  if (density === 'roomy') lines.push([[' ']]);
  return lines;
}

/** components/PaneTitle.tsx */
export function paneTitleLine(label: string, detail: string, state: 'typing' | 'command' | 'idle', scrolled: number, typeKey: string, width: number): Line {
  const banner = state === 'command' ? ` COMMAND · ${typeKey} to type ` : '';
  const scroll = scrolled > 0 ? ` ↑ ${scrolled} lines back ` : '';
  const space = Math.max(0, width - textWidth(banner) - textWidth(scroll) - 1);
  const colour = frameColour(state);
  const line: Line = [
    [state === 'idle' ? ' ' : '▌', { fg: colour }],
    [pad(`${label}${detail ? ` — ${detail}` : ''}`, space), { bold: state !== 'idle', fg: state === 'idle' ? theme.muted : undefined }],
  ];
  if (scroll) line.push([scroll, { fg: 'yellow' }]);
  if (banner) line.push([banner, { fg: theme.commandChip.color, bg: theme.commandChip.backgroundColor }]);
  return line;
}

/** components/PaneFrame.tsx: Ink's single and bold borders (cli-boxes). */
export function paneFrameLines(width: number, height: number, state: 'typing' | 'command' | 'idle'): Array<{ x: number; y: number; line: Line }> {
  const [tl, h, tr, v, bl, br] = state === 'idle' ? ['┌', '─', '┐', '│', '└', '┘'] : ['┏', '━', '┓', '┃', '┗', '┛'];
  const style: CellStyle = { fg: frameColour(state), dim: state === 'idle' };
  const inner = Math.max(0, width - 2);
  const out = [{ x: 0, y: 0, line: [[`${tl}${h.repeat(inner)}${tr}`, style]] as Line }];
  for (let y = 1; y < height - 1; y++) out.push({ x: 0, y, line: [[v, style]] }, { x: width - 1, y, line: [[v, style]] });
  if (height > 1) out.push({ x: 0, y: height - 1, line: [[`${bl}${h.repeat(inner)}${br}`, style]] });
  return out;
}

function frameColour(state: 'typing' | 'command' | 'idle'): string {
  return state === 'typing' ? 'green' : state === 'command' ? theme.accent : theme.muted;
}

/** components/StatusBar.tsx, without a message or a lost link (the first paint draws neither). */
export function statusLine(mode: DeckMode, hints: readonly Hint[], warning: string | null, width: number): Line {
  const chip = mode === 'command' ? ' COMMAND ' : ' TYPING ';
  const chipStyle = mode === 'command' ? theme.commandChip : theme.typingChip;
  const rest = width - chip.length - 1;
  const line: Line = [[chip, { bold: true, fg: chipStyle.color, bg: chipStyle.backgroundColor }], [' ']];
  if (warning) {
    line.push([pad(fit(warning, rest), rest), { fg: messageColour.warn }]);
    return line;
  }
  const x = chip.length + 2;
  const placed = placeHints(hints, x, rest);
  const end = placed.length === 0 ? x : placed.at(-1)!.x + placed.at(-1)!.cols;
  for (const [i, p] of placed.entries()) {
    const gap = i === 0 ? '' : ' '.repeat(p.x - (placed[i - 1]!.x + placed[i - 1]!.cols));
    line.push([gap + p.text, { fg: p.hint.tone ? toneColour[p.hint.tone] : theme.muted, bold: p.hint.tone !== undefined }]);
  }
  line.push([' '.repeat(Math.max(0, x + rest - end))]);
  return line;
}

/** components/EmptyState.tsx's lines (centred by the caller, as its Box does). */
export function emptyStateLines(newKey: string, modeKey: string, helpKey: string, configGenKeys: string | undefined): Line[] {
  const key = (text: string): Segment => [text, { fg: theme.accent, bold: true }];
  const lines: Line[] = [
    [['No panes yet.', { bold: true }]],
    [[' ']],
    [['Press '], key(newKey), [' to open one: pick a directory, then a command.']],
    [[`${modeKey} switches between COMMAND and TYPING · ${helpKey} shows every key`, { fg: theme.muted }]],
  ];
  if (configGenKeys) lines.push([['No .dot-agent-deck.toml here: '], key(configGenKeys), [' asks your agent to write one.']]);
  return lines;
}
