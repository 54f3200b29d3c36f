import { describe, expect, it } from 'vitest';
import { demoProgress } from '../../../../src/cli/demo/demo-progress.js';
import type { JournalEntry } from '../../../../src/orchestration/journal-entry.js';

const entry = (event: JournalEntry['event'], role?: string): JournalEntry => ({
  at: '2026-11-20T00:00:00.000Z',
  event,
  group: 'demo',
  ...(role ? { role } : {}),
});
const step = (text: string): JournalEntry => {
  const [event, role] = text.split(' ');
  return entry(event as JournalEntry['event'], role);
};

const FULL_LOOP = [
  'open',
  'delegate coder',
  'delivered coder',
  'completed coder',
  'delegate reviewer',
  'delegate auditor',
  'completed auditor',
  'completed reviewer',
  'delegate coder',
  'completed coder',
  'delegate release',
  'completed release',
  'done',
];

describe('demoProgress', () => {
  it('calls the full loop complete', () => {
    expect(demoProgress(FULL_LOOP.map(step))).toEqual({ complete: true, missing: [] });
  });

  it.each([
    ['nothing happened yet', ['open'], 9],
    ['the run stopped after the first report', FULL_LOOP.slice(0, 4), 7],
    [
      'the reviews ran one after the other',
      [
        'open',
        'delegate coder',
        'completed coder',
        'delegate reviewer',
        'completed reviewer',
        'delegate auditor',
        'completed auditor',
        'delegate coder',
        'completed coder',
        'delegate release',
        'completed release',
        'done',
      ],
      1,
    ],
    ['the fix was never delegated', FULL_LOOP.filter((_, i) => i !== 8 && i !== 9), 2],
    ['the fix was delegated but not reported', FULL_LOOP.filter((_, i) => i !== 9), 1],
    ['the orchestrator never finished', FULL_LOOP.slice(0, -1), 1],
  ])('lists what is missing when %s', (_name, steps, count) => {
    const progress = demoProgress(steps.map(step));
    expect(progress.complete).toBe(false);
    expect(progress.missing).toHaveLength(count);
  });

  it('names the missing step', () => {
    expect(demoProgress(FULL_LOOP.slice(0, -1).map(step)).missing).toEqual(['the orchestrator finishes the run (work-done --done)']);
    expect(demoProgress(FULL_LOOP.filter((_, i) => i !== 9).map(step)).missing).toEqual(['the coder reports the fix']);
  });
});
