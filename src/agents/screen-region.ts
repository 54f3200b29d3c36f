// Cuts the part of a screen that a rule may look at. Agents redraw their footer and dialogs at
// the bottom; text higher up is history and must not decide a status (issue #6).
import type { ScreenRegion } from './agent-adapter.js';

/** Lines of the bottom region: the last BOTTOM_LINES lines that are not blank (tall enough for a trust dialog). */
export const BOTTOM_LINES = 20;
// A horizontal rule: a run of box-drawing horizontals (─━═) or dashes wide enough to be a border.
const RULE = /[─━═-]{20,}/;

/** The screen without trailing blank rows (a tall terminal leaves empty rows under the UI). */
function trimBlankTail(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(0, end);
}

export function bottomRegion(lines: readonly string[], count = BOTTOM_LINES): string[] {
  return trimBlankTail(lines)
    .slice(-count)
    .map((l) => l.trimEnd());
}

/** Lines below the last horizontal rule; the bottom region when there is no rule. */
export function belowLastRule(lines: readonly string[]): string[] {
  const trimmed = trimBlankTail(lines);
  for (let i = trimmed.length - 1; i >= 0; i -= 1) {
    if (RULE.test(trimmed[i] ?? '')) return trimmed.slice(i + 1).map((l) => l.trimEnd());
  }
  return bottomRegion(trimmed);
}

export function screenRegion(lines: readonly string[], region: ScreenRegion): string[] {
  return region === 'bottom' ? bottomRegion(lines) : belowLastRule(lines);
}
