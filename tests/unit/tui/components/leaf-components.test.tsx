import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Card, type CardView } from '../../../../src/tui/components/Card.js';
import { EmptyState } from '../../../../src/tui/components/EmptyState.js';
import { PaneTitle } from '../../../../src/tui/components/PaneTitle.js';
import { Sidebar } from '../../../../src/tui/components/Sidebar.js';
import { StatusBar } from '../../../../src/tui/components/StatusBar.js';
import { TabBar } from '../../../../src/tui/components/TabBar.js';
import { TooSmall } from '../../../../src/tui/components/TooSmall.js';
import type { CardDensity } from '../../../../src/tui/layout/card-density.js';
import { plain } from './plain.js';

const CARD: CardView = {
  paneId: 'p2',
  number: 2,
  name: 'api',
  badge: null,
  status: { word: 'running', tone: 'ok', urgency: 1 },
  reason: null,
  task: null,
  taskFor: null,
  tool: null,
  toolDetail: null,
  tokens: null,
  command: 'coder · claude',
  dir: '~/src/api',
  age: '3m ago',
  title: 'Edit src/server.ts',
  detail: null,
};

const lines = (frame: string | undefined) => plain(frame).split('\n');

describe('Card', () => {
  it.each<[CardDensity, string[]]>([
    ['roomy', ['api', '~/src/api · 3m ago · coder · claude', 'Edit src/server.ts']],
    ['normal', ['api', '~/src/api · 3m ago · coder · claude', 'Edit src/server.ts']],
    ['compact', ['api', '~/src/api · 3m ago · coder · claude']],
    ['line', ['api']],
  ])('at %s density shows %j', (density, expected) => {
    const frame = render(<Card card={CARD} density={density} width={40} selected={false} />).lastFrame();
    const shown = lines(frame).filter((l) => l.trim() !== '');
    expect(shown).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(shown[i]).toContain(text));
    expect(shown[0]).toMatch(/^ 2 api\s+running$/);
  });

  it.each<CardDensity>(['roomy', 'normal', 'compact'])('at %s density shows what the pane waits on right under its name, in the same height', (density) => {
    const card = { ...CARD, detail: 'waiting for lock build (held by coder, 2m)' };
    const plainCard = lines(render(<Card card={CARD} density={density} width={60} selected={false} />).lastFrame());
    const shown = lines(render(<Card card={card} density={density} width={60} selected={false} />).lastFrame());
    expect(shown).toHaveLength(plainCard.length);
    expect(shown[1]).toContain('waiting for lock build (held by coder, 2m)');
  });

  it('marks the selected card on every line', () => {
    const frame = render(<Card card={CARD} density="normal" width={40} selected />).lastFrame();
    expect(lines(frame).every((l) => l.startsWith('▌'))).toBe(true);
  });

  it('keeps every line within its width, however long the name', () => {
    const long = { ...CARD, name: 'a-very-long-pane-name-that-does-not-fit-anywhere', dir: '/'.padEnd(80, 'x') };
    const frame = render(<Card card={long} density="roomy" width={30} selected={false} />).lastFrame();
    for (const l of lines(frame)) expect([...l].length).toBeLessThanOrEqual(30);
    expect(lines(frame)[0]).toContain('…');
  });
});

describe('Sidebar', () => {
  it('shows the tab and the number of cards', () => {
    const frame = render(
      <Sidebar title="Dashboard" cards={[CARD]} total={1} density="line" selectedId="p2" filter="" filtering={false} width={30} height={5} />,
    ).lastFrame();
    expect(lines(frame)[0]).toMatch(/^ Dashboard\s+1$/);
  });

  it('shows the filter being typed and how many cards match', () => {
    const frame = render(
      <Sidebar title="Dashboard" cards={[CARD]} total={4} density="line" selectedId={null} filter="ap" filtering width={30} height={5} />,
    ).lastFrame();
    expect(lines(frame)[0]).toMatch(/^ \/ap▏\s+1\/4$/);
  });

  it('says when the filter matches nothing', () => {
    const frame = render(
      <Sidebar title="Dashboard" cards={[]} total={3} density="line" selectedId={null} filter="zzz" filtering={false} width={30} height={5} />,
    ).lastFrame();
    expect(frame).toContain('no card matches the filter');
  });
});

describe('TabBar', () => {
  it('lists the tabs in order', () => {
    const frame = render(
      <TabBar
        width={60}
        tabs={[
          { label: 'Dashboard', active: true, colour: null },
          { label: 'dev-flow', active: false, colour: 'red' },
        ]}
      />,
    ).lastFrame();
    expect(frame).toMatch(/Dashboard\s+dev-flow/);
  });
});

describe('StatusBar', () => {
  it.each<['command' | 'typing', string]>([
    ['command', ' COMMAND '],
    ['typing', ' TYPING '],
  ])('shows the %s chip', (mode, chip) => {
    const frame = plain(render(<StatusBar mode={mode} hints={[{ keys: '?', label: 'help' }]} message={null} width={60} />).lastFrame());
    expect(frame.startsWith(`${chip} ? help`)).toBe(true);
  });

  it('shows the hints, or a message instead of them', () => {
    const hints = [
      { keys: 'j/k', label: 'select' },
      { keys: 'ctrl+n', label: 'new' },
    ];
    expect(render(<StatusBar mode="command" hints={hints} message={null} width={60} />).lastFrame()).toContain('j/k select  ctrl+n new');
    const withMessage = render(<StatusBar mode="command" hints={hints} message={{ text: 'Nothing to scroll', tone: 'info', id: 1 }} width={60} />).lastFrame();
    expect(withMessage).toContain('Nothing to scroll');
    expect(withMessage).not.toContain('select');
  });

  it('shows a standing warning instead of the hints, and a message over it (issue 11, item 7)', () => {
    const hints = [{ keys: 'j/k', label: 'select' }];
    const warning = 'journal not written: .dot-agent-deck/journal.jsonl is a directory';
    const warned = plain(render(<StatusBar mode="command" hints={hints} message={null} warning={warning} width={90} />).lastFrame());
    expect(warned).toContain(warning);
    expect(warned).not.toContain('select');
    const over = plain(
      render(<StatusBar mode="command" hints={hints} message={{ text: 'Copied', tone: 'info', id: 1 }} warning={warning} width={90} />).lastFrame(),
    );
    expect(over).toContain('Copied');
    expect(over).not.toContain('journal');
  });
});

describe('PaneTitle', () => {
  it.each<['typing' | 'command' | 'idle', RegExp]>([
    ['typing', /^▌2 api — claude\s*$/],
    ['command', /^▌2 api — claude\s+ COMMAND · enter to type$/],
    ['idle', /^ 2 api — claude\s*$/],
  ])('in the %s state', (state, expected) => {
    const frame = plain(render(<PaneTitle number={2} name="api" detail="claude" state={state} scrolled={0} typeKey="enter" width={70} />).lastFrame());
    expect(frame).toMatch(expected);
  });

  it('says how far the pane is scrolled back', () => {
    const frame = render(<PaneTitle number={2} name="api" detail="" state="idle" scrolled={40} typeKey="enter" width={70} />).lastFrame();
    expect(frame).toContain('↑ 40 lines back');
  });
});

describe('EmptyState and TooSmall', () => {
  it('tells a new user what to press', () => {
    const frame = render(<EmptyState newKey="ctrl+n" modeKey="ctrl+d" helpKey="?" width={80} height={6} />).lastFrame();
    expect(frame).toContain('No panes yet.');
    expect(frame).toContain('Press ctrl+n to open one');
  });

  it('says the terminal is too small and how big it must be', () => {
    expect(render(<TooSmall cols={40} rows={10} />).lastFrame()).toContain('40×10; the deck needs at least 60×12.');
  });
});
