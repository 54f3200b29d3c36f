// Where each key hint sits on the status bar, so the bar draws them and a click finds them from
// the same arithmetic. Pure.
import type { Hint } from '../components/StatusBar.js';
import { fit, textWidth } from './format.js';

export interface PlacedHint {
  hint: Hint;
  /** What is drawn (the last one may be cut), its first column (1-based) and its width. */
  text: string;
  x: number;
  cols: number;
}

const GAP = 2;

/** Hints laid out from column `x`, two spaces apart, within `width` cells. */
export function placeHints(hints: readonly Hint[], x: number, width: number): PlacedHint[] {
  const placed: PlacedHint[] = [];
  let used = 0;
  for (const hint of hints) {
    const gap = placed.length === 0 ? 0 : GAP;
    const room = width - used - gap;
    if (room <= 1) break;
    const text = fit(`${hint.keys} ${hint.label}`, room);
    placed.push({ hint, text, x: x + used + gap, cols: textWidth(text) });
    used += gap + textWidth(text);
    if (text.endsWith('…')) break;
  }
  return placed;
}
