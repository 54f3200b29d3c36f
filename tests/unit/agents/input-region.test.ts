// Reading the input box around the cursor: screens as the real agents drew them against the mock
// (rows copied from recorded panes, trimmed to the box), and the count delivery decides on.
import { describe, expect, it } from 'vitest';
import { holdsOneCopy, readInputBox } from '../../../src/agents/input-region.js';

const LINE = 'Read .dot-agent-deck/worker-task-auditor.md for your task.';
const RULE = '─'.repeat(100);

interface Case {
  screen: string[];
  /** The cursor: row index into `screen`, column. */
  cursor: [number, number];
  copies: number;
  garbled?: boolean;
  empty: boolean;
  /** The agent has hooks (a blank cursor row may be a CR taken as a newline). */
  hooked?: boolean;
}

const cases: Array<[string, Case]> = [
  [
    "opencode: the issue's doubled line, wrapped onto a second row at a hyphen",
    {
      screen: [
        '',
        '             ┃',
        '             ┃  Read .dot-agent-deck/worker-task-auditor.md for your task.Read .dot-',
        '             ┃  agent-deck/worker-task-auditor.md for your task.',
        '             ┃',
        '             ┃  Build · Mock Model Mock LLM',
        `             ╹${'▀'.repeat(70)}`,
      ],
      cursor: [3, 64],
      copies: 2,
      empty: false,
    },
  ],
  [
    'opencode: one copy in the box',
    {
      screen: ['', '             ┃', `             ┃  ${LINE}`, '             ┃', '             ┃  Build · Mock Model Mock LLM'],
      cursor: [2, 74],
      copies: 1,
      empty: false,
    },
  ],
  [
    'opencode: the placeholder, nothing typed yet',
    {
      screen: ['', '             ┃', '             ┃  Ask anything… "Fix a TODO in the codebase"', '             ┃'],
      cursor: [2, 16],
      copies: 0,
      empty: true,
    },
  ],
  [
    'Gemini CLI: a copy behind the start of an earlier one (keys of a retype read late)',
    {
      screen: [RULE, ' Shift+Tab to accept edits', '', ` > Read .dot-agent-deck/worker-${LINE}`, '', ' workspace (/directory)'],
      cursor: [3, 89],
      copies: 1,
      garbled: true,
      empty: false,
    },
  ],
  [
    'Codex: one copy wrapped onto two rows',
    {
      screen: ['', '› Read .dot-agent-deck/worker-task-', '  auditor.md for your task.', '', '  mock-model default · /tmp/proj'],
      cursor: [2, 27],
      copies: 1,
      empty: false,
    },
  ],
  [
    'Claude Code: a CR taken as a newline, the cursor on the new empty row',
    { screen: [RULE, `❯ ${LINE}`, '  ', RULE], cursor: [2, 2], copies: 1, empty: false, hooked: true },
  ],
  [
    'sim agent (no hooks): its echo of the submitted line, the cursor on the row below',
    { screen: ['sim-agent ready', `❯ ${LINE}`, `» ${LINE}`, ''], cursor: [3, 0], copies: 0, empty: false },
  ],
  [
    'Claude Code: submitted, the line is in the transcript above an empty box',
    { screen: [`> ${LINE}`, '', '✻ Spelunking… (esc to interrupt)', '', RULE, '❯ ', RULE], cursor: [5, 2], copies: 0, empty: true },
  ],
  [
    'sim agent: submitted, the spinner below the line holds the cursor',
    { screen: [`❯ ${LINE}`, '⠋ working… (50 ms)'], cursor: [1, 18], copies: 0, empty: false },
  ],
  [
    'Pi: keys dropped in the middle, a part of the line in the box',
    { screen: [RULE, 'Read .dot-agent-deck/wor', RULE, '/tmp/proj'], cursor: [1, 24], copies: 0, empty: false },
  ],
  [
    'sim agent: a line that ends in the last column (the cursor waits there to wrap)',
    { screen: ['» earlier', `❯ ${'x'.repeat(20)}`, `${LINE}`], cursor: [2, LINE.length - 1], copies: 1, empty: false },
  ],
  [
    'sim agent: its echo of the submitted line right above an empty prompt',
    { screen: [`❯ ${LINE}`, `» ${LINE}`, '❯ '], cursor: [2, 2], copies: 0, empty: false, hooked: true },
  ],
  ['Pi: an empty editor between its rules', { screen: [RULE, '', RULE, '/tmp/proj'], cursor: [1, 0], copies: 0, empty: true }],
];

describe('readInputBox', () => {
  it.each(cases)('%s', (_name, c) => {
    const reading = readInputBox(c.screen, { y: c.cursor[0], x: c.cursor[1], visible: true }, LINE, { newlineBox: c.hooked ?? false });
    expect({ copies: reading.copies, garbled: reading.garbled, empty: reading.empty }).toEqual({
      copies: c.copies,
      garbled: c.garbled ?? false,
      empty: c.empty,
    });
    expect(holdsOneCopy(reading)).toBe(c.copies === 1 && !(c.garbled ?? false));
  });
});
