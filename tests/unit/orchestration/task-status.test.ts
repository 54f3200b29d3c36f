// Which task directories go when the journal rotates: never an open one, never the newest kept.
import { describe, expect, it } from 'vitest';
import { tasksToPrune } from '../../../src/orchestration/task-status.js';

describe('tasksToPrune', () => {
  it.each([
    {
      name: 'nothing beyond the kept number',
      entries: [
        ['c-01', 3],
        ['c-02', 2],
      ],
      open: [],
      keep: 2,
      pruned: [],
    },
    {
      name: 'the oldest beyond the kept number',
      entries: [
        ['c-01', 1],
        ['c-02', 2],
        ['c-03', 3],
      ],
      open: [],
      keep: 2,
      pruned: ['c-01'],
    },
    {
      name: 'an open task however old',
      entries: [
        ['c-01', 1],
        ['c-02', 2],
        ['c-03', 3],
      ],
      open: ['c-01'],
      keep: 1,
      pruned: ['c-02'],
    },
    {
      name: 'task texts from before directories',
      entries: [
        ['c-0a.md', 1],
        ['c-0b', 5],
      ],
      open: [],
      keep: 1,
      pruned: ['c-0a.md'],
    },
    {
      name: 'names the deck did not make',
      entries: [
        ['notes', 0],
        ['c-zz', 0],
        ['c-01', 9],
      ],
      open: [],
      keep: 0,
      pruned: ['c-01'],
    },
  ])('prunes $name', ({ entries, open, keep, pruned }) => {
    expect(
      tasksToPrune(
        entries.map(([name, mtime]) => ({ name: name as string, mtime: mtime as number })),
        new Set(open),
        keep,
      ),
    ).toEqual(pruned);
  });
});
