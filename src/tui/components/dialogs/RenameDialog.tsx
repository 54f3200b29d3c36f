// Renaming a pane: one text field.
import type { TextField } from '../../state/text-field.js';
import { DialogFrame } from './DialogFrame.js';
import { fieldSegments } from './field-line.js';

export function RenameDialog({ name, field, width, height }: { name: string; field: TextField; width: number; height: number }) {
  const lines = [[{ text: 'Name: ' }, ...fieldSegments(field, width - 10)]];
  return <DialogFrame title={`Rename "${name}"`} lines={lines} footer="Enter save · Esc cancel" width={width} height={height} />;
}
