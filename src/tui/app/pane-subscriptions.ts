// Keeps the daemon streaming exactly the panes on screen, each sized to its rectangle: subscribe
// what appeared, resize what changed size, unsubscribe what left the screen (the daemon then
// stops rendering frames for it).
import type { Connection } from '../../protocol/connection.js';
import type { PaneSlot } from '../layout/deck-layout.js';

export interface SubscriptionHooks {
  /** A pane left the screen: its rows can be forgotten. */
  dropped(paneId: string): void;
  failed(paneId: string, error: unknown): void;
}

export class PaneSubscriptions {
  private readonly sizes = new Map<string, { cols: number; rows: number }>();

  constructor(
    private readonly connection: Pick<Connection, 'request'>,
    private readonly hooks: SubscriptionHooks,
  ) {}

  sync(slots: readonly PaneSlot[]): void {
    const wanted = new Map(slots.map((slot) => [slot.paneId, slot.content]));
    for (const [paneId] of this.sizes) {
      if (wanted.has(paneId)) continue;
      this.sizes.delete(paneId);
      this.hooks.dropped(paneId);
      this.connection.request({ kind: 'unsubscribe', pane: paneId }).catch(() => undefined);
    }
    for (const [paneId, rect] of wanted) {
      // The daemon's minimum pane size; a sliver of a tile still gets a valid size.
      const size = { cols: Math.max(2, rect.cols), rows: Math.max(1, rect.rows) };
      const known = this.sizes.get(paneId);
      if (known && known.cols === size.cols && known.rows === size.rows) continue;
      this.sizes.set(paneId, size);
      const request = known
        ? this.connection.request({ kind: 'resize', pane: paneId, ...size })
        : this.connection.request({ kind: 'subscribe', pane: paneId, ...size });
      request.catch((error: unknown) => {
        this.sizes.delete(paneId);
        this.hooks.failed(paneId, error);
      });
    }
  }

  /** After a reconnect: the daemon knows none of the old subscriptions, so the next sync
   *  subscribes every pane on screen again at its size (of one host's, on a deck over several).
   *  The screens stay drawn meanwhile. */
  reset(which: (paneId: string) => boolean = () => true): void {
    for (const paneId of [...this.sizes.keys()]) if (which(paneId)) this.sizes.delete(paneId);
  }

  /** Forget a pane the daemon no longer has, without asking the daemon. */
  forget(paneId: string): void {
    this.sizes.delete(paneId);
  }
}
