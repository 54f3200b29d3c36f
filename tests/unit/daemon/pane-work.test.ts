import { describe, expect, it } from 'vitest';
import { firstLine, PaneWork } from '../../../src/daemon/pane-work.js';

type Step = ['commission' | 'prompt' | 'deckLine' | 'tool', string];

describe('PaneWork', () => {
  it.each<[string, Step[], string | null, string | null, number]>([
    ['nothing yet', [], null, null, 0],
    ['a commission', [['commission', '# Add --json\n\nDetails…']], 'Add --json', null, 0],
    [
      'a prompt after a commission replaces it',
      [
        ['commission', 'Add --json'],
        ['prompt', 'now fix the tests'],
      ],
      'now fix the tests',
      null,
      0,
    ],
    [
      'the deck typed the prompt itself',
      [
        ['commission', 'Add --json'],
        ['deckLine', 'Read t.md for your task.'],
        ['prompt', 'Read t.md for your task.'],
      ],
      'Add --json',
      null,
      0,
    ],
    [
      'a deck line is forgotten once echoed',
      [
        ['deckLine', 'x'],
        ['prompt', 'x'],
        ['prompt', 'x'],
      ],
      'x',
      null,
      0,
    ],
    [
      'tool calls counted',
      [
        ['tool', 'Read'],
        ['tool', 'Bash'],
        ['tool', 'Bash'],
      ],
      null,
      'Bash',
      3,
    ],
    [
      'a blank prompt is not a task',
      [
        ['commission', 'Add --json'],
        ['prompt', '  \n '],
      ],
      'Add --json',
      null,
      0,
    ],
  ])('%s', (_what, steps, task, tool, count) => {
    const work = new PaneWork();
    for (const [verb, text] of steps) {
      if (verb === 'commission' || verb === 'prompt') work[verb](text, 0);
      else if (verb === 'deckLine') work.deckLine(text);
      else work.tool(text);
    }
    expect(work.view).toEqual({ task: task === null ? null : { line: task, since: new Date(0).toISOString() }, lastTool: tool, toolCount: count });
  });

  it.each([
    ['  \n\n## Fix the bug  \nmore', 'Fix the bug'],
    ['tab\there', 'tab here'],
    ['esc \u001b[31mred', 'esc [31mred'],
    ['x'.repeat(200), `${'x'.repeat(159)}…`],
    ['', null],
  ])('firstLine(%j) is %j', (text, line) => expect(firstLine(text)).toBe(line));

  it('remembers only the last few deck lines', () => {
    const work = new PaneWork();
    for (let i = 0; i < 20; i++) work.deckLine(`line ${i}`);
    work.prompt('line 0', 0);
    expect(work.view.task?.line).toBe('line 0');
  });
});
