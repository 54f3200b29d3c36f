// The journal file: append one JSON line per event, always starting on a fresh line; read back a
// bounded tail, skipping (and reporting) lines that do not parse, so one torn write never hides
// the rest of the night. Past a size limit the journal rotates: the old file keeps its history
// under a dated name, and the new one starts with a snapshot of what is still open, so a restore
// reads snapshot + tail and never more than one bounded file.
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import { writeFileAtomicSync } from '../common/fs-atomic.js';
import { PROJECT_STATE_DIR } from '../config/paths.js';
import { JournalEntry } from './journal-entry.js';

export const JOURNAL_FILE = `${PROJECT_STATE_DIR}/journal.jsonl`;
/** Reads look at most this far back: enough for weeks of delegations, never the whole disk. */
export const MAX_JOURNAL_READ_BYTES = 8 * 1024 * 1024;
/** The journal rotates past this size (about 15,000 delegations), well under the read limit, so
 *  a restore always reads the whole current file, snapshot included. */
export const ROTATE_JOURNAL_BYTES = 4 * 1024 * 1024;
/** Rotated journals kept beside the current one; older ones are deleted. */
export const KEEP_ROTATED_JOURNALS = 5;

/** Matches the schema's cap on `detail`; longer explanations are cut rather than lost. */
const MAX_DETAIL = 1000;

export function journalPath(projectDir: string): string {
  return join(projectDir, JOURNAL_FILE);
}

/** Appends one entry; returns the journal's size after it. A file whose last line is torn (a
 *  crash mid-write) gets a newline first, so the torn line stays one bad line and this entry is
 *  whole. Symlinks are not followed: the journal is written only where it is. */
export function appendJournal(projectDir: string, entry: JournalEntry): number {
  const bounded = entry.detail !== undefined && entry.detail.length > MAX_DETAIL ? { ...entry, detail: `${entry.detail.slice(0, MAX_DETAIL - 1)}…` } : entry;
  const line = `${JSON.stringify(JournalEntry.parse(bounded))}\n`;
  try {
    return appendLine(journalPath(projectDir), line);
  } catch (error) {
    // A file problem (a directory in its place, an immutable file, a full disk) said as one.
    throw journalProblem(projectDir, error);
  }
}

function appendLine(file: string, line: string): number {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      const rfd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        readSync(rfd, last, 0, 1, size - 1);
      } finally {
        closeSync(rfd);
      }
      if (last[0] !== 0x0a) prefix = '\n';
    }
    // One write per line (O_APPEND): concurrent appends never interleave within a line.
    const bytes = Buffer.from(prefix + line);
    writeSync(fd, bytes);
    return size + bytes.length;
  } finally {
    closeSync(fd);
  }
}

/**
 * Starts a new journal whose first lines are `snapshot` (entries that describe what is still
 * open), keeping the old file as `journal-<time>.jsonl` and deleting all but the newest
 * KEEP_ROTATED_JOURNALS of those.
 */
export function rotateJournal(projectDir: string, snapshot: readonly JournalEntry[], now = new Date()): string {
  const file = journalPath(projectDir);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  // Two rotations in one second must not overwrite the first one's file.
  let rotated = join(dirname(file), `journal-${stamp}.jsonl`);
  for (let n = 2; existsSync(rotated); n++) rotated = join(dirname(file), `journal-${stamp}-${n}.jsonl`);
  renameSync(file, rotated);
  writeFileAtomicSync(file, snapshot.map((entry) => `${JSON.stringify(JournalEntry.parse(entry))}\n`).join(''));
  for (const old of rotatedJournals(projectDir).slice(KEEP_ROTATED_JOURNALS)) {
    try {
      unlinkSync(join(dirname(file), old));
    } catch {
      // Already gone.
    }
  }
  return rotated;
}

/** "journal-<stamp>[-<n>].jsonl" → "<stamp>-<n, padded>": the order the rotations happened in. */
function rotationKey(name: string): string {
  const [, stamp = '', n = '1'] = /^journal-(\d{8}T\d{6})(?:-(\d+))?\.jsonl$/.exec(name) ?? [];
  return `${stamp}-${n.padStart(6, '0')}`;
}

/** Rotated journal file names, newest first. */
export function rotatedJournals(projectDir: string): string[] {
  try {
    return readdirSync(dirname(journalPath(projectDir)))
      .filter((name) => /^journal-\d{8}T\d{6}(-\d+)?\.jsonl$/.test(name))
      .sort((a, b) => rotationKey(a).localeCompare(rotationKey(b)))
      .reverse();
  } catch {
    return [];
  }
}

/** A journal that cannot be opened, said so a person can fix it (a directory in its place, a
 *  file without permission), instead of a raw errno. */
export function journalProblem(projectDir: string, error: unknown): JournalFileError {
  if (error instanceof JournalFileError) return error;
  return new JournalFileError(journalPath(projectDir), journalProblemText(error), error);
}

/** The journal file cannot be used; `summary` names it relative to the project, for a status bar. */
export class JournalFileError extends UserError {
  readonly summary: string;

  constructor(file: string, what: string, cause: unknown) {
    super(`The journal ${file} ${what}.`, { hint: 'move it aside (the deck starts a new journal) or fix its permissions', cause });
    this.summary = `${JOURNAL_FILE} ${what}`;
  }
}

/** What is wrong with the journal file, after its name: "is a directory, not a journal file". */
function journalProblemText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR'
    ? 'is a directory, not a journal file'
    : code === 'ENOTDIR' || code === 'EEXIST'
      ? `cannot be created: ${PROJECT_STATE_DIR} is not a directory`
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot be read or written with your permissions (is it immutable or owned by another user?)'
        : code === 'EROFS'
          ? 'is on a read-only filesystem'
          : code === 'ELOOP'
            ? 'is a symbolic link; the deck does not follow links for its journal'
            : code === 'ENOSPC' || code === 'EDQUOT'
              ? 'cannot grow: the disk is full'
              : `cannot be used (${errorMessage(error)})`;
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
    fd = openSync(journalPath(projectDir), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], corrupt: [], truncated: false, end: 0 };
    throw journalProblem(projectDir, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw journalProblem(projectDir, Object.assign(new Error('not a file'), { code: info.isDirectory() ? 'EISDIR' : 'EINVAL' }));
    const size = info.size;
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
