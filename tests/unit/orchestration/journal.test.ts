// The journal file: append, a corrupted line skipped and reported, bounded reads, following from
// an offset, and open commissions rebuilt after a restart.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/orchestration/journal-entry.js';
import { appendJournal, journalPath, readJournal, rotatedJournals, rotateJournal } from '../../../src/orchestration/journal.js';
import { openCommissions, openedGroups, unheardNotices } from '../../../src/orchestration/journal-replay.js';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 2, 13, s)).toISOString();

describe('journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const add = (entry: Omit<JournalEntry, 'group'> & { group?: string }) => appendJournal(dir, { group: 'dev', ...entry });

  it('keeps every rotated file, newest first, even when several rotations share one second', () => {
    const second = new Date('2026-12-02T23:00:00.000Z');
    for (let i = 0; i < 3; i++) {
      add({ at: at(i), event: 'open', orchestration: `run-${i}`, roles: {} });
      rotateJournal(dir, [], second);
    }
    expect(rotatedJournals(dir)).toEqual(['journal-20261202T230000-3.jsonl', 'journal-20261202T230000-2.jsonl', 'journal-20261202T230000.jsonl']);
    expect(readJournal(dir).entries).toEqual([]);
  });

  it('reads what was appended, in order', () => {
    add({ at: at(0), event: 'open', orchestration: 'dev', from: 'orchestrator', roles: { orchestrator: 'p1', coder: 'p2' } });
    add({ at: at(1), event: 'delegate', role: 'coder', paneId: 'p2', commission: 'c-1', file: '.dot-agent-deck/worker-task-coder.md' });
    expect(readJournal(dir).entries.map((e) => e.event)).toEqual(['open', 'delegate']);
  });

  it('skips a corrupted line, reports it, and keeps the lines after it', () => {
    add({ at: at(0), event: 'open', orchestration: 'dev', roles: {} });
    appendFileSync(journalPath(dir), '{"at": "torn\n{"event":"nonsense"}\n');
    add({ at: at(2), event: 'done' });
    const read = readJournal(dir);
    expect(read.entries.map((e) => e.event)).toEqual(['open', 'done']);
    expect(read.corrupt).toEqual([
      { line: 2, reason: 'not JSON' },
      { line: 3, reason: expect.stringMatching(/not a journal entry/) },
    ]);
  });

  it('reads only a bounded tail of a long journal, starting at a whole line', () => {
    for (let i = 0; i < 200; i++) add({ at: at(i % 60), event: 'error', detail: `entry ${i}` });
    const read = readJournal(dir, { maxBytes: 2000 });
    expect(read.truncated).toBe(true);
    expect(read.corrupt).toEqual([]);
    expect(read.entries.length).toBeGreaterThan(5);
    expect(read.entries.length).toBeLessThan(200);
    expect(read.entries.at(-1)?.detail).toBe('entry 199');
  });

  it('follows from an offset and ignores an unfinished last line until it is complete', () => {
    add({ at: at(0), event: 'done' });
    const first = readJournal(dir);
    appendFileSync(journalPath(dir), '{"at":"x","event":"done",');
    const partial = readJournal(dir, { from: first.end });
    expect(partial.entries).toEqual([]);
    appendFileSync(journalPath(dir), '"group":"dev"}\n');
    expect(readJournal(dir, { from: partial.end }).entries).toHaveLength(1);
  });

  it('starts over when a followed journal was replaced by a shorter file', () => {
    for (let i = 0; i < 3; i++) add({ at: at(i), event: 'error', detail: `old ${i}` });
    const before = readJournal(dir);
    writeFileSync(journalPath(dir), '');
    add({ at: at(9), event: 'done' });
    expect(readJournal(dir, { from: before.end }).entries.map((e) => e.event)).toEqual(['done']);
  });

  it('returns nothing for a project that never ran an orchestration', () => {
    expect(readJournal(join(dir, 'none'))).toMatchObject({ entries: [], corrupt: [] });
  });

  it('rebuilds the open commissions and groups after a restart', () => {
    add({ at: at(0), event: 'open', orchestration: 'dev', from: 'orchestrator', roles: { orchestrator: 'p1', coder: 'p2', reviewer: 'p3' } });
    add({ at: at(1), event: 'delegate', role: 'coder', paneId: 'p2', agentId: 'a-1', commission: 'c-1', file: 'f1' });
    add({ at: at(2), event: 'delivered', role: 'coder', commission: 'c-1' });
    add({ at: at(3), event: 'delegate', role: 'reviewer', paneId: 'p3', commission: 'c-2', file: 'f2' });
    add({ at: at(4), event: 'completed', role: 'reviewer', commission: 'c-2' });
    add({ at: at(5), event: 'delegate', group: 'other', role: 'coder', paneId: 'p9', commission: 'c-3', file: 'f3' });
    const { entries } = readJournal(dir);
    expect(openedGroups(entries).get('dev')).toMatchObject({ orchestration: 'dev', roles: { coder: 'p2' } });
    const open = openCommissions(entries, 'dev', 60_000);
    expect(open).toEqual([
      expect.objectContaining({ id: 'c-1', role: 'coder', paneId: 'p2', agentId: null, deliveredAt: Date.parse(at(2)), responseTimeoutMs: 60_000 }),
    ]);
  });

  it('rebuilds nothing for a run the orchestrator closed with done', () => {
    add({ at: at(0), event: 'open', orchestration: 'dev', from: 'orchestrator', roles: { orchestrator: 'p1', coder: 'p2' } });
    add({ at: at(1), event: 'delegate', role: 'coder', paneId: 'p2', commission: 'c-1', file: 'f1' });
    add({ at: at(2), event: 'done', detail: 'abandoned: coder' });
    expect(openCommissions(readJournal(dir).entries, 'dev', 0)).toEqual([]);
  });

  it('knows which completions and watches the orchestrator was never told of', () => {
    add({ at: at(0), event: 'open', orchestration: 'dev', from: 'orchestrator', roles: { orchestrator: 'p1', coder: 'p2', reviewer: 'p3' } });
    add({ at: at(1), event: 'completed', role: 'coder', commission: 'c-1' });
    add({ at: at(2), event: 'notice-delivered', role: 'coder', commission: 'c-1' });
    add({ at: at(3), event: 'watch', watch: 'exited', role: 'reviewer', commission: 'c-2', detail: 'exit code 2' });
    add({ at: at(4), event: 'watch', watch: 'blocked', role: 'coder', commission: 'c-3', detail: 'usage limit reached', until: at(60) });
    add({
      at: at(5),
      event: 'notice-failed',
      role: 'reviewer',
      commission: 'c-2',
      watch: 'exited',
      detail: 'the orchestrator pane is closed or not running; will try again',
    });
    add({ at: at(6), event: 'completed', role: 'coder', commission: 'c-3' });
    add({ at: at(7), event: 'notice-delivered', role: 'coder', commission: 'c-3', watch: 'blocked' });
    expect(unheardNotices(readJournal(dir).entries, 'dev')).toEqual([
      { role: 'reviewer', commission: 'c-2', kind: 'exited', detail: 'exit code 2' },
      { role: 'coder', commission: 'c-3', kind: 'completed' },
    ]);
  });

  it('carries untold notices across a rotation in the snapshot', () => {
    add({
      at: at(0),
      event: 'snapshot',
      orchestration: 'dev',
      from: 'orchestrator',
      roles: { orchestrator: 'p1', coder: 'p2' },
      snapshot: { commissions: [], queues: [], notices: [{ role: 'coder', commission: 'c-1', kind: 'undelivered', detail: 'the agent exited' }] },
    });
    expect(unheardNotices(readJournal(dir).entries, 'dev')).toEqual([{ role: 'coder', commission: 'c-1', kind: 'undelivered', detail: 'the agent exited' }]);
    add({ at: at(1), event: 'notice-delivered', role: 'coder', commission: 'c-1' });
    add({ at: at(2), event: 'watch', watch: 'stalled', role: 'coder', commission: 'c-4' });
    add({ at: at(3), event: 'done' });
    expect(unheardNotices(readJournal(dir).entries, 'dev')).toEqual([]);
  });
});
