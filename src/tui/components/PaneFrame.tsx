// The frame around a pane of a mode's tab: the focused pane's is bright (green while typing into
// it, the accent colour while selected in COMMAND mode), the others' dim. The title is drawn over
// its top edge; the painter draws the pane inside it.
import { Box } from 'ink';
import { theme } from '../view/theme.js';

export interface PaneFrameProps {
  width: number;
  height: number;
  state: 'typing' | 'command' | 'idle';
}

export function PaneFrame({ width, height, state }: PaneFrameProps) {
  const colour = state === 'typing' ? 'green' : state === 'command' ? theme.accent : theme.muted;
  return <Box width={width} height={height} borderStyle={state === 'idle' ? 'single' : 'bold'} borderColor={colour} borderDimColor={state === 'idle'} />;
}
