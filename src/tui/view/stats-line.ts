// The stats bar above the cards: how many panes of the tab are in each state, most urgent first
// ("1 waiting · 2 working · 1 idle"). Pure.
import type { PaneInfo } from '../../protocol/messages.js';
import { statusLabel, type StatusTone } from './status-label.js';

export interface StatsItem {
  count: number;
  word: string;
  tone: StatusTone;
}

const ORDER = ['waiting', 'failed', 'working', 'thinking', 'starting', 'running', 'idle', 'exited'];

function category(pane: PaneInfo): { word: string; tone: StatusTone } {
  const label = statusLabel(pane);
  if (label.tone === 'attention') return { word: 'waiting', tone: 'attention' };
  if (label.tone === 'error') return { word: 'failed', tone: 'error' };
  if (label.word.startsWith('working')) return { word: 'working', tone: 'busy' };
  return { word: label.word, tone: label.tone };
}

export function statsLine(panes: readonly PaneInfo[]): StatsItem[] {
  const counts = new Map<string, StatsItem>();
  for (const pane of panes) {
    const { word, tone } = category(pane);
    const item = counts.get(word);
    if (item) item.count += 1;
    else counts.set(word, { count: 1, word, tone });
  }
  const rank = (word: string) => (ORDER.includes(word) ? ORDER.indexOf(word) : ORDER.length);
  return [...counts.values()].sort((a, b) => rank(a.word) - rank(b.word));
}
