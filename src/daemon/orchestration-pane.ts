// Adapts a daemon pane to what delivery needs: its screen, cursor and modes, how long it has been
// quiet, and writes under the pane's writer lock.
import type { Clock, DeliveryPane } from '../orchestration/delivery.js';
import type { PaneHost } from './pane-host.js';
import type { PaneOutput } from './pane-output.js';
import type { PaneWriters } from './pane-writer.js';

/** A pane's output as delivery and the watches see it, read from the pane's one output record:
 *  a pane that has printed nothing yet counts as quiet since delivery began to watch it. */
export class PaneActivity {
  private readonly watchedSince: number;

  constructor(
    private readonly output: PaneOutput,
    clock: Pick<Clock, 'now'>,
  ) {
    this.watchedSince = clock.now();
  }

  get lastOutputAt(): number {
    return this.output.lastAt ?? this.watchedSince;
  }

  get outputCount(): number {
    return this.output.count;
  }

  /** The agent whose output was seen last: a respawned pane's new agent has drawn nothing yet. */
  get lastOutputAgent(): string | null {
    return this.output.lastAgent;
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
