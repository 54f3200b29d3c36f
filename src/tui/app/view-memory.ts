// Keeps the deck's view (state/saved-view.ts) in the state directory, so the next deck opens on
// the tab the person left. Written atomically shortly after each change and once more on exit;
// a missing or broken file means the default view, and a failed write costs only that memory.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Disposable } from '../../common/disposable.js';
import { writeFileAtomic } from '../../common/fs-atomic.js';
import { parseSavedView, type SavedView } from '../state/saved-view.js';

/** Tab switches come in bursts (ctrl+pagedown held down); one write per quiet half second. */
const WRITE_DELAY_MS = 500;

export class ViewMemory implements Disposable {
  private pending: SavedView | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  load(): SavedView | null {
    try {
      return parseSavedView(readFileSync(this.file, 'utf8'));
    } catch {
      return null;
    }
  }

  remember(view: SavedView): void {
    this.pending = view;
    this.timer ??= setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  /** Writes what is pending now; the process stays alive until the write is done (detach). */
  dispose(): void {
    this.flush();
  }

  /** Resolves once every write asked for so far has landed (tests, and nothing else, wait on it). */
  settled(): Promise<void> {
    return this.writing;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const view = this.pending;
    this.pending = null;
    if (!view) return;
    // One write at a time, in order, so an older view never lands after a newer one. A failed
    // write (an unwritable state directory) only costs the next deck its starting tab.
    this.writing = this.writing.then(() => this.write(view)).catch(() => undefined);
  }

  private async write(view: SavedView): Promise<void> {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify(view)}\n`, { mode: 0o600 });
  }
}
