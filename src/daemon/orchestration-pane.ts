// Adapts a daemon pane to what delivery needs: its screen, cursor and modes, how long it has been
// quiet, and writes under the pane's writer lock.
import type { Disposable } from '../common/disposable.js';
import type { Clock, DeliveryPane } from '../orchestration/delivery.js';
import type { PaneHost } from './pane-host.js';
import type { PaneWriters } from './pane-writer.js';

/** Output seen on a pane since the group opened: feeds readiness (quiet time) and watches. */
export class PaneActivity implements Disposable {
  lastOutputAt: number;
  outputCount = 0;
  /** The agent whose output was seen last: a respawned pane's new agent has drawn nothing yet. */
  lastOutputAgent: string | null = null;
  private readonly subscription: Disposable;

  constructor(host: PaneHost, private readonly clock: Clock) {
    this.lastOutputAt = clock.now();
    this.subscription = host.onOutput(() => {
      this.lastOutputAt = this.clock.now();
      this.lastOutputAgent = host.agentId;
      this.outputCount++;
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** What the agent's hooks said, for panes whose agent has hooks. */
export interface HookView {
  lastHookEvent?: string;
  promptHookAt?: number;
  /** A limit screen line whose reset time has passed (readiness may type over it). */
  passedLimit?: string;
}

export function deliveryPane(host: PaneHost, activity: PaneActivity, writers: PaneWriters, clock: Clock, hooks: () => HookView = () => ({})): DeliveryPane {
  return {
    paneId: host.paneId,
    currentAgent: () => (host.state.kind === 'running' ? host.agentId : null),
    observe: () => {
      const frame = host.frame();
      return {
        lines: host.text(),
        cols: host.cols,
        cursor: frame.cursor,
        modes: host.modes,
        quietMs: Math.max(0, clock.now() - activity.lastOutputAt),
        outputCount: activity.outputCount,
        agentHasDrawn: activity.lastOutputAgent === host.agentId,
        ...hooks(),
      };
    },
    write: (data) => host.write(data),
    withLock: (job) => writers.withLock(host.paneId, job),
  };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
