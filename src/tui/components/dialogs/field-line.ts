// A text field as dialog segments: the text with the cursor cell shown inverse, scrolled so the
// cursor stays inside `width` cells.
import type { TextField } from '../../state/text-field.js';
import type { Segment } from './DialogFrame.js';

export function fieldSegments(field: TextField, width: number, active = true): Segment[] {
  const chars = [...field.text];
  if (!active) return [{ text: field.text }];
  const start = Math.max(0, field.cursor - (width - 1));
  const before = chars.slice(start, field.cursor).join('');
  const under = chars[field.cursor] ?? ' ';
  const after = chars.slice(field.cursor + 1).join('');
  return [{ text: before }, { text: under, inverse: true }, { text: after }];
}
