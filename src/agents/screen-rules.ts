// Matches an adapter's screen rules against a screen. Pure.
import type { AgentAdapter, ScreenRule } from './agent-adapter.js';
import { screenRegion } from './screen-region.js';

export interface ScreenMatch {
  rule: ScreenRule;
  /** The first line of the region that matched the rule's first pattern. */
  line: string;
  /** The region the rule looked at (where a limit's reset time may be stated). */
  region: readonly string[];
}

/** Every rule whose patterns all match its region, in the adapter's order. */
export function matchScreenRules(adapter: AgentAdapter, lines: readonly string[]): ScreenMatch[] {
  const regions = new Map<string, string[]>();
  const matches: ScreenMatch[] = [];
  for (const rule of adapter.screenRules) {
    let region = regions.get(rule.region);
    if (region === undefined) {
      region = screenRegion(lines, rule.region);
      regions.set(rule.region, region);
    }
    const first = region.find((line) => rule.all[0]?.test(line) === true);
    if (first === undefined) continue;
    if (rule.all.every((re) => region.some((line) => re.test(line)))) matches.push({ rule, line: first.trim(), region });
  }
  return matches;
}
