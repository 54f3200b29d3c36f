// What to bring back after a daemon restart: the panes (not their screens), written atomically
// to session.json on every change, coalesced so a burst of changes costs one write. The previous
// generation is kept as session.json.prev, so a newest file that cannot be read (truncated by a
// full disk, edited by hand, replaced by something that is not a file) costs one generation of
// changes, not every pane; the unreadable file is kept for a person to look at.
import { existsSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { PaneModePart } from '../protocol/messages.js';
import { errorMessage } from '../common/errors.js';
import type { Disposable } from '../common/disposable.js';
import { writeFileAtomicSync } from '../common/fs-atomic.js';
import { readFileNoFollowSync } from '../common/fs-no-follow.js';
import type { Logger } from '../common/logger.js';

const SavedPane = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  command: z.string().min(1),
  cwd: z.string().min(1),
  tab: z.string().nullable(),
  role: z.string().nullable(),
  mode: PaneModePart.nullable().optional(),
});
export type SavedPane = z.infer<typeof SavedPane>;

const SessionFile = z.object({ version: z.literal(1), savedAt: z.string(), panes: z.array(SavedPane) });

/** Unreadable session files kept beside it: enough to compare a few crashes, never a pile. */
export const KEEP_BROKEN_SESSIONS = 3;

const BROKEN_INFIX = '.broken-';

export interface LoadedSession {
  panes: SavedPane[];
  /** Set when the newest file was unreadable: what happened, in a sentence for the person. */
  notice: string | null;
}

type ReadResult = { kind: 'ok'; panes: SavedPane[]; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

export class SessionStore implements Disposable {
  private timer: NodeJS.Timeout | null = null;
  /** The newest generation known to be good (loaded or written): what session.json.prev gets. */
  private lastGood: string | null = null;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => SavedPane[],
    private readonly logger: Logger,
    private readonly delayMs = 100,
  ) {}

  get previousFile(): string {
    return `${this.file}.prev`;
  }

  /**
   * Reads the saved panes. An unreadable newest file is kept as session.json.broken-<time> and
   * the previous generation restored instead; never fatal, and never silent.
   */
  load(): LoadedSession {
    const newest = readSession(this.file);
    if (newest.kind === 'ok') {
      this.lastGood = newest.text;
      return { panes: newest.panes, notice: null };
    }
    if (newest.kind === 'missing') return { panes: [], notice: null };

    const kept = this.keepBroken();
    const keptText = kept ? `kept as ${kept} (${newest.reason})` : `could not be moved aside (${newest.reason})`;
    const previous = readSession(this.previousFile);
    this.logger.warn('session file unreadable', { file: this.file, kept, error: newest.reason, previous: previous.kind });
    if (previous.kind === 'ok') {
      this.lastGood = previous.text;
      const count = previous.panes.length;
      return {
        panes: previous.panes,
        notice: `Restored ${count} pane${count === 1 ? '' : 's'} from the previous session file; the newest was unreadable and ${keptText}.`,
      };
    }
    const why =
      previous.kind === 'missing' ? 'there is no previous session file' : `the previous one (${this.previousFile}) is unreadable too (${previous.reason})`;
    return { panes: [], notice: `No panes were restored: the session file was unreadable and ${keptText}, and ${why}.` };
  }

  /** Schedules a save; many calls within `delayMs` make one write. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow();
    }, this.delayMs);
  }

  saveNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const body = { version: 1 as const, savedAt: new Date().toISOString(), panes: this.snapshot() };
    const text = `${JSON.stringify(body, null, 2)}\n`;
    try {
      // Synchronous on purpose: a save right before the daemon exits (signal, stop) must land.
      // The previous generation first: whenever session.json is replaced, .prev holds the one before.
      if (this.lastGood !== null) writeFileAtomicSync(this.previousFile, this.lastGood, { mode: 0o600 });
      writeFileAtomicSync(this.file, text, { mode: 0o600 });
      this.lastGood = text;
    } catch (error) {
      this.logger.error('could not save the session', { file: this.file, error: errorMessage(error) });
    }
  }

  dispose(): void {
    if (this.timer) this.saveNow();
  }

  /** Moves the unreadable newest file aside and drops the oldest kept ones past the cap. */
  private keepBroken(): string | null {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let aside = `${this.file}${BROKEN_INFIX}${stamp}`;
    // Two in one millisecond (a daemon restarted in a loop) must not overwrite each other.
    for (let n = 2; existsSync(aside) && n < 10; n++) aside = `${this.file}${BROKEN_INFIX}${stamp}-${n}`;
    try {
      renameSync(this.file, aside);
    } catch (error) {
      this.logger.error('could not move the unreadable session file aside', { file: this.file, error: errorMessage(error) });
      return null;
    }
    const prefix = `${basename(this.file)}${BROKEN_INFIX}`;
    try {
      // ISO stamps sort by time: the oldest come first.
      const kept = readdirSync(dirname(this.file))
        .filter((name) => name.startsWith(prefix))
        .sort();
      for (const name of kept.slice(0, Math.max(0, kept.length - KEEP_BROKEN_SESSIONS))) unlinkSync(join(dirname(this.file), name));
    } catch (error) {
      this.logger.warn('could not prune old unreadable session files', { error: errorMessage(error) });
    }
    return aside;
  }
}

function readSession(file: string): ReadResult {
  let text: string;
  try {
    // Not through a symlink: what is restored is typed into shells, so it must be the deck's own file.
    text = readFileNoFollowSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'unreadable', reason: 'it is a symbolic link' };
    if (code === 'EISDIR') return { kind: 'unreadable', reason: 'it is a directory' };
    return { kind: 'unreadable', reason: errorMessage(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: text.trim() === '' ? 'it is empty' : `not valid JSON: ${errorMessage(error)}` };
  }
  const parsed = SessionFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'unreadable', reason: `not a session file: ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'ok', panes: parsed.data.panes, text };
}
