// The tab bar, shown when there is more than one tab: the Dashboard, then one tab per
// orchestration, each with a × that closes it. Labels come cut to their fair share of the bar
// (layout/tab-widths.ts). A background tab takes the colour of its most urgent pane.
import { Box, Text } from 'ink';
import { pad, textWidth } from '../view/format.js';
import { theme } from '../view/theme.js';

export interface TabView {
  label: string;
  active: boolean;
  /** Colour of the most urgent pane in a background tab, if any needs attention. */
  colour: string | null;
  /** Shows the × (every tab but the Dashboard). */
  closable?: boolean;
  /** Its host's daemon is not up: greyed. */
  offline?: boolean;
}

export function TabBar({ tabs, width }: { tabs: readonly TabView[]; width: number }) {
  const cells = (tab: TabView) => ` ${tab.label} ${tab.closable ? '× ' : ''}`;
  const used = tabs.reduce((sum, tab) => sum + textWidth(cells(tab)) + 1, 0);
  return (
    <Box width={width} height={1}>
      <Text>
        {tabs.map((tab, i) => (
          <Text key={`${i}-${tab.label}`}>
            {tab.active ? (
              <Text bold inverse color={tab.offline ? theme.muted : theme.accent}>
                {cells(tab)}
              </Text>
            ) : (
              <Text color={tab.offline ? theme.muted : (tab.colour ?? theme.muted)} dimColor={tab.offline === true}>
                {cells(tab)}
              </Text>
            )}{' '}
          </Text>
        ))}
        {pad('', Math.max(0, width - used))}
      </Text>
    </Box>
  );
}
