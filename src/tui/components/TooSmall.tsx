// Shown instead of the deck when the terminal cannot fit it, rather than a garbled screen.
import { Box, Text } from 'ink';
import { MIN_COLS, MIN_ROWS } from '../layout/deck-layout.js';

export function TooSmall({ cols, rows }: { cols: number; rows: number }) {
  return (
    <Box flexDirection="column" width={cols} height={Math.max(1, rows - 1)} alignItems="center" justifyContent="center">
      <Text bold>Terminal too small</Text>
      <Text wrap="truncate-end">
        {cols}×{rows}; the deck needs at least {MIN_COLS}×{MIN_ROWS}.
      </Text>
    </Box>
  );
}
