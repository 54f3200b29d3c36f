// What to bring back after a daemon restart: the panes (not their screens), written atomically
// to session.json on every change, coalesced so a burst of changes costs one write.
import { readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { errorMessage } from '../common/errors.js';
import type { Disposable } from '../common/disposable.js';
import { writeFileAtomicSync } from '../common/fs-atomic.js';
import type { Logger } from '../common/logger.js';

const SavedPane = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  command: z.string().min(1),
  cwd: z.string().min(1),
  tab: z.string().nullable(),
  role: z.string().nullable(),
});
export type SavedPane = z.infer<typeof SavedPane>;

const SessionFile = z.object({ version: z.literal(1), savedAt: z.string(), panes: z.array(SavedPane) });

export class SessionStore implements Disposable {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => SavedPane[],
    private readonly logger: Logger,
    private readonly delayMs = 100,
  ) {}

  /** Reads the saved panes. A corrupt file is moved aside and reported, never fatal. */
  load(): SavedPane[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      return SessionFile.parse(JSON.parse(text)).panes;
    } catch (error) {
      const aside = `${this.file}.corrupt-${Date.now()}`;
      this.logger.warn('session file unreadable; moved aside', { file: this.file, aside, error: errorMessage(error) });
      try {
        renameSync(this.file, aside);
      } catch {
        // Leave it; the next save replaces it atomically.
      }
      return [];
    }
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
    try {
      // Synchronous on purpose: a save right before the daemon exits (signal, stop) must land.
      writeFileAtomicSync(this.file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      this.logger.error('could not save the session', { file: this.file, error: errorMessage(error) });
    }
  }

  dispose(): void {
    if (this.timer) this.saveNow();
  }
}
