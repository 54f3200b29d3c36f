// Keeps the cards of panes that wait for a heavy-work lock saying so, and frees the locks of
// panes that died: the lock service knows the queues, the registry knows the panes.
import { DisposableStore, type Disposable } from '../common/disposable.js';
import type { LockService } from './lock-service.js';
import type { PaneRegistry } from './pane-registry.js';

/** The card shows how long the holder has held the lock in minutes: refreshing twice a minute
 *  keeps it right to within the half minute a person reads it at. */
const REFRESH_MS = 30_000;

export class LockDetails implements Disposable {
  private readonly store = new DisposableStore();
  private shown = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly locks: LockService,
    private readonly registry: PaneRegistry,
  ) {
    this.store.add(locks.onDidChange(() => this.refresh()));
    this.store.add(registry.onDidChange(() => locks.releaseDeadPanes((paneId, agentId) => registry.isRunning(paneId, agentId))));
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.store.dispose();
  }

  private refresh(): void {
    const waiting = new Set(this.locks.waitingPanes());
    for (const paneId of this.shown) if (!waiting.has(paneId)) this.registry.setStatusDetail(paneId, null);
    for (const paneId of waiting) this.registry.setStatusDetail(paneId, this.locks.waitingDetail(paneId));
    this.shown = waiting;
    if (waiting.size > 0 && !this.timer) {
      this.timer = setInterval(() => this.refresh(), REFRESH_MS);
      this.timer.unref?.();
    } else if (waiting.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
