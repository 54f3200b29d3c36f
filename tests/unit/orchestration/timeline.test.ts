// The timeline text of `log` and the TUI.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/orchestration/journal-entry.js';
import { formatDuration, timelineLines } from '../../../src/orchestration/timeline.js';

const at = (minute: number) => new Date(2026, 0, 1, 2, minute).toISOString();

describe('timeline', () => {
  it.each([
    [1234, '1.2 s'],
    [192_000, '3m 12s'],
    [3_900_000, '1h 5m'],
  ])('formats %i ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('prints one line per step, folding delivery attempts into their outcome', () => {
    const entries: JournalEntry[] = [
      { at: at(13), group: 'dev', event: 'open', orchestration: 'dev', from: 'lead', roles: { lead: 'p1', coder: 'p2' } },
      { at: at(13), group: 'dev', event: 'delegate', from: 'lead', role: 'coder', file: '.dot-agent-deck/worker-task-coder.md' },
      { at: at(13), group: 'dev', event: 'delivery-attempt', role: 'coder' },
      { at: at(13), group: 'dev', event: 'delivered', role: 'coder', ms: 1200 },
      { at: at(16), group: 'dev', event: 'completed', role: 'coder', ms: 192_000, file: '.dot-agent-deck/work-done-coder.md' },
      { at: at(17), group: 'dev', event: 'watch', role: 'coder', watch: 'exited' },
    ];
    expect(timelineLines(entries)).toEqual([
      '02:13 opened dev with lead, coder',
      '02:13 lead → coder  delegated (.dot-agent-deck/worker-task-coder.md)',
      '02:13 lead → coder  delivered in 1.2 s',
      '02:16 coder → lead  completed after 3m 12s (.dot-agent-deck/work-done-coder.md)',
      '02:17 coder  watch: exited',
    ]);
  });

  it('names the host of a role that runs on another one', () => {
    const lines = timelineLines([
      { at: at(1), group: 'dev', event: 'delivery-failed', from: 'lead', role: 'coder', host: 'gpu-box', detail: 'remote "gpu-box" cannot be reached' },
      { at: at(2), group: 'dev', event: 'completed', role: 'coder', host: 'gpu-box' },
    ]);
    expect(lines).toEqual([
      '02:01 orchestrator → coder@gpu-box  NOT delivered: remote "gpu-box" cannot be reached',
      '02:02 coder@gpu-box → orchestrator  completed',
    ]);
  });

  it('names the group when the journal holds several tabs', () => {
    const lines = timelineLines([
      { at: at(1), group: 'dev', event: 'done' },
      { at: at(2), group: 'dev-2', event: 'done' },
    ]);
    expect(lines).toEqual(['02:01 [dev] orchestrator  finished the run', '02:02 [dev-2] orchestrator  finished the run']);
  });
});
