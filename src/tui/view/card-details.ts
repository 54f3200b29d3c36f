// A card's first line, measured, and its detail lines below it: shared by components/Card.tsx and the first paint
// (tui/first-paint), which draws the cards before Ink has loaded. Pure.
import type { CardView } from '../components/Card.js';
import { CARD_HEIGHT, type CardDensity } from '../layout/card-density.js';
import { fit, textWidth, wrapText } from './format.js';
import { theme, toneColour } from './theme.js';

/** A card's first line, measured: what each part shows and the gap before the status word. */
export interface CardHeader {
  /** The host label ("gpu-box · "), when it survived the fit; the rest of `name` follows it. */
  hostPart: string;
  name: string;
  badge: string;
  statusWord: string;
  gap: number;
  /** Rows below the first for detail lines. */
  detailRows: number;
}

export function cardHeader(card: CardView, density: CardDensity, inner: number): CardHeader {
  const badge = card.badge === null ? '' : ` ${card.badge}`;
  // One line only: the reason rides on the status word, and the name gives way first.
  const word =
    density === 'line' && card.reason !== null ? `${card.status.short ?? card.status.word}: ${card.reason}` : (card.status.short ?? card.status.word);
  // The host label leads ("gpu-box · coder") and counts as part of the name.
  const fullName = card.host ? `${card.host} · ${card.name}` : card.name;
  // The name keeps at least 8 cells, the status word the rest; the badge shows only whole.
  const name = fit(fullName, Math.max(Math.min(textWidth(fullName), 8), inner - textWidth(word) - 1));
  const hostPart = card.host && name.startsWith(`${card.host} · `) ? `${card.host} · ` : '';
  const shownBadge = textWidth(name) + textWidth(badge) + 1 + textWidth(word) <= inner ? badge : '';
  const statusWord = fit(word, Math.max(1, inner - textWidth(name) - textWidth(shownBadge) - 1));
  const gap = Math.max(1, inner - textWidth(name) - textWidth(shownBadge) - textWidth(statusWord));
  const detailRows = density === 'roomy' ? CARD_HEIGHT.roomy - 2 : CARD_HEIGHT[density] - 1;
  return { hostPart, name, badge: shownBadge, statusWord, gap, detailRows };
}

export interface DetailLine {
  text: string;
  colour: string | undefined;
}

/** The card's detail lines, most telling first; the density keeps as many as it has rows. */
export function cardDetails(card: CardView, inner: number, rows: number): DetailLine[] {
  if (rows <= 0) return [];
  const join = (...parts: Array<string | null>) => parts.filter((p): p is string => p !== null && p !== '').join(' · ');
  const reason = card.reason === null ? [] : wrapWhole(`⚠ ${card.reason}`, inner);
  const rest: DetailLine[] = [];
  // What the pane waits on (a heavy-work lock) says why nothing moves: right after the reason.
  if (card.detail !== null) rest.push({ text: fit(card.detail, inner), colour: toneColour.attention });
  if (card.task !== null) {
    // The time on the task stays in view: the task text is what gets cut.
    const time = card.taskFor === null ? '' : ` · ${card.taskFor}`;
    rest.push({ text: `▸ ${fit(card.task, Math.max(1, inner - 2 - textWidth(time)))}${time}`, colour: undefined });
  }
  const tool = join(card.tool, card.toolDetail, card.tokens);
  if (tool !== '') rest.push({ text: tool, colour: theme.muted });
  // The command comes last: it is what gets cut.
  rest.push({ text: join(card.dir, card.age, card.command), colour: theme.muted });
  if (card.title !== '' && card.title !== card.task) rest.push({ text: card.title, colour: theme.muted });
  // The reason outranks everything else; only past all the card's rows is its last line cut.
  const shown = reason.length <= rows ? reason : [...reason.slice(0, rows - 1), fit(reason.slice(rows - 1).join(' '), inner)];
  const reasonLines = shown.map((text) => ({ text, colour: toneColour[card.status.tone] }));
  const lines = [...reasonLines, ...rest].slice(0, rows);
  // Every card is exactly its density's height, so the cards below stay where the layout put them.
  while (lines.length < rows) lines.push({ text: '', colour: undefined });
  return lines;
}

/** Text wrapped at spaces, a word longer than a line broken across lines instead of cut. */
function wrapWhole(text: string, width: number): string[] {
  return wrapText(text, width).flatMap((line) => (textWidth(line) <= width ? [line] : chunks(line, width)));
}

function chunks(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const char of text) {
    if (textWidth(line + char) > width) {
      out.push(line);
      line = '';
    }
    line += char;
  }
  return line === '' ? out : [...out, line];
}
