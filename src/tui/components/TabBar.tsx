// The tab bar, shown when there is more than one tab: the Dashboard, then one tab per
// orchestration. A background tab takes the colour of its most urgent pane.
import { Box, Text } from 'ink';
import { pad } from '../view/format.js';
import { theme } from '../view/theme.js';

export interface TabView {
  label: string;
  active: boolean;
  /** Colour of the most urgent pane in a background tab, if any needs attention. */
  colour: string | null;
}

export function TabBar({ tabs, width }: { tabs: readonly TabView[]; width: number }) {
  const used = tabs.reduce((sum, tab) => sum + tab.label.length + 3, 0);
  return (
    <Box width={width} height={1}>
      <Text>
        {tabs.map((tab, i) => (
          <Text key={`${i}-${tab.label}`}>
            {tab.active ? (
              <Text bold inverse color={theme.accent}>{` ${tab.label} `}</Text>
            ) : (
              <Text color={tab.colour ?? theme.muted}>{` ${tab.label} `}</Text>
            )}{' '}
          </Text>
        ))}
        {pad('', Math.max(0, width - used))}
      </Text>
    </Box>
  );
}
