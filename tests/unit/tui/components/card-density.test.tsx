// Cards at every density and two sidebar widths, as a person reads them (colours stripped):
// snapshots of whole cards, plus the rules that must hold whatever the snapshot says.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Card, type CardView } from '../../../../src/tui/components/Card.js';
import type { CardDensity } from '../../../../src/tui/layout/card-density.js';
import { CARD_HEIGHT } from '../../../../src/tui/layout/card-density.js';
import { textWidth } from '../../../../src/tui/view/format.js';
import { plain } from './plain.js';

const BASE: CardView = {
  paneId: 'p1',
  number: 1,
  name: 'coder',
  badge: null,
  status: { word: 'idle', tone: 'ok', urgency: 1 },
  reason: null,
  task: null,
  taskFor: null,
  tool: null,
  toolDetail: null,
  tokens: null,
  command: 'coder · node sim-agent.mjs',
  dir: 'demo-x1',
  age: 'just now',
  title: '',
  detail: null,
};

const CARDS: Record<string, CardView> = {
  working: {
    ...BASE,
    badge: 'claude',
    status: { word: 'working: Bash', tone: 'busy', urgency: 2 },
    task: 'Add a --json flag to the list command',
    taskFor: '12m',
    tool: 'Bash ×14',
    toolDetail: 'npm test',
    tokens: '48.2k tok',
  },
  waiting: {
    ...BASE,
    name: 'auditor',
    status: { word: 'needs input: Run the migration against the staging database too? [y/n]', short: 'needs input', tone: 'attention', urgency: 3 },
    reason: 'Run the migration against the staging database too? [y/n]',
    task: 'Audit the change for data loss',
    taskFor: '3m',
    tool: 'Read ×2',
  },
  plain: { ...BASE, name: 'shell', command: 'bash', dir: '~/src/app', age: '2h ago', status: { word: 'running', tone: 'ok', urgency: 1 } },
};

const DENSITIES: CardDensity[] = ['roomy', 'normal', 'compact', 'line'];
const cases = Object.keys(CARDS).flatMap((name) => DENSITIES.flatMap((density) => [32, 24].map((width) => [name, density, width] as const)));

const frameOf = (card: CardView, density: CardDensity, width: number) =>
  plain(render(<Card card={card} density={density} width={width} selected={false} />).lastFrame()).split('\n');

describe('Card at every density', () => {
  it.each(cases)('%s card, %s, %i columns', (name, density, width) => {
    const rows = frameOf(CARDS[name]!, density, width);
    expect(rows).toHaveLength(CARD_HEIGHT[density]);
    for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(width);
    expect(rows.join('\n')).toMatchSnapshot();
  });

  it.each(DENSITIES.filter((d) => d !== 'line'))('keeps the whole reason at %s density at 32 columns, cutting the rest first', (density) => {
    const rows = frameOf(CARDS.waiting!, density, 32);
    const text = rows
      .slice(1)
      .map((r) => r.trim())
      .join(' ');
    // Only as many rows as the density has: the reason takes them all before the task gets one.
    if (density === 'roomy') expect(text).toContain('⚠ Run the migration against the staging database too? [y/n]');
    else expect(text).toMatch(/^⚠ Run the migration against/);
    if (density !== 'roomy') expect(text).not.toContain('Audit the change');
    expect(rows[0]).toMatch(/needs input$/);
  });

  it('names the task, its time, the tool count and the tokens', () => {
    const text = frameOf(CARDS.working!, 'roomy', 50).join('\n');
    expect(text).toContain('▸ Add a --json flag to the list command · 12m');
    expect(text).toContain('Bash ×14 · npm test · 48.2k tok');
    expect(text).toMatch(/^ 1 coder claude\s+working: Bash$/m);
  });
});
