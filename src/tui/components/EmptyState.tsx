// What the main area says when the tab has no pane yet: what to press.
import { Box, Text } from 'ink';
import { theme } from '../view/theme.js';

export interface EmptyStateProps {
  newKey: string;
  modeKey: string;
  helpKey: string;
  /** When the start directory has no project file: the keys that ask an agent to write one. */
  configGenKeys?: string;
  width: number;
  height: number;
}

export function EmptyState({ newKey, modeKey, helpKey, configGenKeys, width, height }: EmptyStateProps) {
  return (
    <Box flexDirection="column" width={width} height={height} alignItems="center" justifyContent="center">
      <Text bold>No panes yet.</Text>
      <Text> </Text>
      <Text>
        Press{' '}
        <Text color={theme.accent} bold>
          {newKey}
        </Text>{' '}
        to open one: pick a directory, then a command.
      </Text>
      <Text color={theme.muted}>
        {modeKey} switches between COMMAND and TYPING · {helpKey} shows every key
      </Text>
      {configGenKeys && (
        <Text>
          No .dot-agent-deck.toml here:{' '}
          <Text color={theme.accent} bold>
            {configGenKeys}
          </Text>{' '}
          asks your agent to write one.
        </Text>
      )}
    </Box>
  );
}
