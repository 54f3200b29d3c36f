// The journal file: append one JSON line per event; read back a bounded tail, skipping (and
// reporting) lines that do not parse, so one torn write never hides the rest of the night.
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_STATE_DIR } from '../config/paths.js';
import { JournalEntry } from './journal-entry.js';

export const JOURNAL_FILE = `${PROJECT_STATE_DIR}/journal.jsonl`;
/** Reads look at most this far back: enough for weeks of delegations, never the whole disk. */
export const MAX_JOURNAL_READ_BYTES = 8 * 1024 * 1024;

/** Matches the schema's cap on `detail`; longer explanations are cut rather than lost. */
const MAX_DETAIL = 1000;

export function journalPath(projectDir: string): string {
  return join(projectDir, JOURNAL_FILE);
}

export function appendJournal(projectDir: string, entry: JournalEntry): void {
  const file = journalPath(projectDir);
  mkdirSync(dirname(file), { recursive: true });
  // One write per line (O_APPEND): concurrent appends never interleave within a line.
  const bounded = entry.detail !== undefined && entry.detail.length > MAX_DETAIL ? { ...entry, detail: `${entry.detail.slice(0, MAX_DETAIL - 1)}…` } : entry;
  appendFileSync(file, `${JSON.stringify(JournalEntry.parse(bounded))}\n`, { mode: 0o644 });
}

export interface CorruptLine {
  /** 1-based line number within the part that was read. */
  line: number;
  reason: string;
}

export interface JournalRead {
  entries: JournalEntry[];
  corrupt: CorruptLine[];
  /** The file was longer than the read limit; older entries were not read. */
  truncated: boolean;
  /** Byte offset just past what was read (for following the file). */
  end: number;
}

/** Reads entries from byte `from` (default: the last MAX_JOURNAL_READ_BYTES of the file). */
export function readJournal(projectDir: string, options: { from?: number; maxBytes?: number } = {}): JournalRead {
  const maxBytes = options.maxBytes ?? MAX_JOURNAL_READ_BYTES;
  let fd: number;
  try {
    fd = openSync(journalPath(projectDir), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], corrupt: [], truncated: false, end: 0 };
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    // A follower whose offset is past the end saw the file replaced: start over from the top.
    const from = options.from !== undefined && options.from > size ? 0 : options.from;
    const wanted = from ?? Math.max(0, size - maxBytes);
    const start = Math.min(Math.max(wanted, size - maxBytes, 0), size);
    const buffer = Buffer.alloc(size - start);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, start + read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    // Keep only whole lines: a partial first line (cut by the limit) and an unfinished last one.
    const head = start > 0 && start !== from ? bytes.indexOf(0x0a) + 1 : 0;
    const tail = bytes.lastIndexOf(0x0a) + 1;
    const complete = head > 0 && head <= tail ? bytes.subarray(head, tail).toString('utf8') : head === 0 ? bytes.subarray(0, tail).toString('utf8') : '';
    const end = start + Math.max(tail, head);
    return { ...parseJournalText(complete), truncated: start > 0 && from === undefined, end };
  } finally {
    closeSync(fd);
  }
}

export function parseJournalText(text: string): { entries: JournalEntry[]; corrupt: CorruptLine[] } {
  const entries: JournalEntry[] = [];
  const corrupt: CorruptLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      corrupt.push({ line: index + 1, reason: 'not JSON' });
      return;
    }
    const parsed = JournalEntry.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else corrupt.push({ line: index + 1, reason: `not a journal entry (${parsed.error.issues[0]?.path.join('.') || 'shape'})` });
  });
  return { entries, corrupt };
}
