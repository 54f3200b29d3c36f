// A card's detail lines below its first: shared by components/Card.tsx and the first paint
// (tui/first-paint), which draws the cards before Ink has loaded. Pure.
import type { CardView } from '../components/Card.js';
import { fit, textWidth, wrapText } from './format.js';
import { theme, toneColour } from './theme.js';

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
