// A bordered box drawn over the screen. Every cell inside is written (lines are padded and the
// box is filled with blank lines), because Ink draws an overlay on top of what is beneath it
// without clearing.
import { Box, Text } from 'ink';
import { fit, textWidth } from '../../view/format.js';
import { theme } from '../../view/theme.js';

export interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
  inverse?: boolean;
}

export type DialogLine = readonly Segment[];

export const line = (text: string, style: Omit<Segment, 'text'> = {}): DialogLine => [{ text, ...style }];

/** Segments cut to `width` cells and padded with spaces to exactly that width. */
export function fitLine(segments: DialogLine, width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    if (used >= width) break;
    const text = fit(segment.text, width - used);
    out.push({ ...segment, text });
    used += textWidth(text);
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

export interface DialogFrameProps {
  title: string;
  lines: readonly DialogLine[];
  /** Key hints on the last row. */
  footer: string;
  width: number;
  height: number;
}

export function DialogFrame({ title, lines, footer, width, height }: DialogFrameProps) {
  const inner = Math.max(1, width - 4);
  const bodyRows = Math.max(0, height - 5);
  const body = [...lines.slice(0, bodyRows)];
  while (body.length < bodyRows) body.push([]);
  const rows: DialogLine[] = [line(title, { bold: true, color: theme.accent }), [], ...body, line(footer, { color: theme.muted })];
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.dialogBorder} width={width} height={height}>
      {rows.map((row, i) => (
        <Text key={i}>
          {' '}
          {fitLine(row, inner).map((segment, j) => (
            <Text key={j} color={segment.color} bold={segment.bold} inverse={segment.inverse}>
              {segment.text}
            </Text>
          ))}{' '}
        </Text>
      ))}
    </Box>
  );
}
