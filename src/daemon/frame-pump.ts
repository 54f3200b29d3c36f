// Turns screen changes into frames for the clients watching each pane. Frames are coalesced to
// at most ~30 per second per pane and rendered only for panes someone watches. A client whose
// socket is backed up gets nothing until it drains, then one frame diffed against what it last
// received: a slow client costs one pending flag per pane, never a queue.
import type { Disposable } from '../common/disposable.js';
import type { PaneFrame } from '../protocol/pane-types.js';
import { buildPaneFrame } from '../pty/frame-diff.js';
import type { RenderedScreen } from '../pty/render-screen.js';
import type { PaneRegistry } from './pane-registry.js';

export interface FrameSink {
  /** Bytes written to the client but not yet flushed to its socket. */
  backlog(): number;
  sendFrame(frame: PaneFrame): void;
}

interface Subscription {
  sink: FrameSink;
  paneId: string;
  scrollOffset: number;
  /** The screen this subscriber was last sent; frames carry only rows that differ from it. */
  last: RenderedScreen | null;
  lastMeta: string;
  dirty: boolean;
}

export interface FramePumpOptions {
  /** 33 ms ≈ 30 frames/s: smooth for people, cheap for a pane that floods output. */
  intervalMs?: number;
  /** Past this many unflushed bytes a client is "slow" and frames wait for its drain. */
  maxBacklogBytes?: number;
}

export class FramePump implements Disposable {
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  /** Per pane, how to cancel its pending flush. */
  private readonly timers = new Map<string, () => void>();
  private readonly lastFlush = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly maxBacklog: number;

  constructor(
    private readonly registry: PaneRegistry,
    options: FramePumpOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 33;
    this.maxBacklog = options.maxBacklogBytes ?? 256 * 1024;
  }

  /** Starts frames for `sink` on this pane with a full frame now. Re-subscribing resets it. */
  subscribe(sink: FrameSink, paneId: string): Disposable {
    this.unsubscribe(sink, paneId);
    const subscription: Subscription = { sink, paneId, scrollOffset: 0, last: null, lastMeta: '', dirty: true };
    let set = this.subscriptions.get(paneId);
    if (!set) this.subscriptions.set(paneId, (set = new Set()));
    set.add(subscription);
    this.flushOne(subscription);
    return { dispose: () => this.remove(subscription) };
  }

  unsubscribe(sink: FrameSink, paneId: string): void {
    for (const subscription of this.subscriptions.get(paneId) ?? []) {
      if (subscription.sink === sink) this.remove(subscription);
    }
  }

  /** Shows a scrollback viewport (0 = live) to one client; answers with the clamped offset. */
  scroll(sink: FrameSink, paneId: string, offset: number): { offset: number; total: number } {
    const subscription = [...(this.subscriptions.get(paneId) ?? [])].find((s) => s.sink === sink);
    const screen = this.registry.host(paneId).frame({ scrollOffset: offset });
    if (subscription) {
      subscription.scrollOffset = screen.scroll.offset;
      subscription.last = null;
      subscription.dirty = true;
      this.flushOne(subscription);
    }
    return screen.scroll;
  }

  /** The pane's screen changed. */
  markDirty(paneId: string): void {
    const set = this.subscriptions.get(paneId);
    if (!set || set.size === 0) return;
    for (const subscription of set) subscription.dirty = true;
    this.schedule(paneId);
  }

  /** A client's socket drained: send what it missed, once. */
  drained(sink: FrameSink): void {
    for (const set of this.subscriptions.values()) {
      for (const subscription of set) if (subscription.sink === sink && subscription.dirty) this.flushOne(subscription);
    }
  }

  /** Forgets every subscription of a client (it disconnected). */
  dropSink(sink: FrameSink): void {
    for (const set of this.subscriptions.values()) {
      for (const subscription of set) if (subscription.sink === sink) this.remove(subscription);
    }
  }

  /** Forgets a pane (it was killed). */
  dropPane(paneId: string): void {
    this.subscriptions.delete(paneId);
    this.timers.get(paneId)?.();
    this.timers.delete(paneId);
    this.lastFlush.delete(paneId);
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.subscriptions.clear();
  }

  private schedule(paneId: string): void {
    if (this.timers.has(paneId)) return;
    const since = Date.now() - (this.lastFlush.get(paneId) ?? 0);
    const wait = Math.max(0, this.intervalMs - since);
    // No wait owed (an echo after a quiet spell): flush in a microtask, i.e. right after the
    // parse turn (or request) that changed the screen has finished, before the loop reads more
    // output. setTimeout(0) costs at least 1 ms in Node, and setImmediate waits for the next loop
    // iteration — under a flood, a poll of every busy PTY and another parse turn (issue #17
    // item 2) — while keystroke echo is what people feel. Changes made in the same turn still
    // share the one frame.
    if (wait === 0) {
      let cancelled = false;
      queueMicrotask(() => {
        if (!cancelled) this.flushPane(paneId);
      });
      this.timers.set(paneId, () => (cancelled = true));
    } else {
      const timeout = setTimeout(() => this.flushPane(paneId), wait);
      this.timers.set(paneId, () => clearTimeout(timeout));
    }
  }

  private flushPane(paneId: string): void {
    this.timers.delete(paneId);
    this.lastFlush.set(paneId, Date.now());
    for (const subscription of this.subscriptions.get(paneId) ?? []) {
      if (subscription.dirty) this.flushOne(subscription);
    }
  }

  private flushOne(subscription: Subscription): void {
    if (subscription.sink.backlog() > this.maxBacklog) return; // stays dirty until drained
    let host;
    try {
      host = this.registry.host(subscription.paneId);
    } catch {
      this.remove(subscription);
      return;
    }
    const screen = host.frame({ scrollOffset: subscription.scrollOffset });
    const frame = buildPaneFrame(subscription.paneId, screen, subscription.last ?? undefined);
    const meta = JSON.stringify([frame.cursor, frame.modes, frame.title, frame.scroll]);
    subscription.dirty = false;
    if (!frame.full && frame.lines.length === 0 && meta === subscription.lastMeta) return;
    subscription.last = screen;
    subscription.lastMeta = meta;
    subscription.sink.sendFrame(frame);
  }

  private remove(subscription: Subscription): void {
    const set = this.subscriptions.get(subscription.paneId);
    set?.delete(subscription);
    if (set && set.size === 0) this.subscriptions.delete(subscription.paneId);
  }
}
