// When a pane last printed output, which run of its program printed it, and how many chunks it
// has printed: the one record of that fact. The registry keeps one per pane; `ls`
// (lastActivityAt), the status engine's quiet time and delivery's readiness and confirmation all
// read it, in the clock it was kept in.
import type { Disposable } from '../common/disposable.js';
import type { PaneHost } from './pane-host.js';

/** The time source of a pane's facts (Date.now in the daemon, virtual time in tests). */
export interface PaneClock {
  now(): number;
}

export const wallClock: PaneClock = { now: () => Date.now() };

export class PaneOutput implements Disposable {
  private at: number | null = null;
  private agent: string | null = null;
  private chunks = 0;
  private readonly subscription: Disposable;

  constructor(
    host: Pick<PaneHost, 'agentId' | 'onOutput'>,
    readonly clock: PaneClock = wallClock,
  ) {
    this.subscription = host.onOutput(() => {
      this.at = clock.now();
      this.agent = host.agentId;
      this.chunks++;
    });
  }

  /** The last output of any run of the pane, or null before the first. */
  get lastAt(): number | null {
    return this.at;
  }

  /** The agent id of the run that printed last: a respawned pane's new agent has drawn nothing yet. */
  get lastAgent(): string | null {
    return this.agent;
  }

  /** Output chunks seen so far; a change after typing is a sign the agent took the line. */
  get count(): number {
    return this.chunks;
  }

  /** When run `agentId` last printed, or null before its first output. */
  lastOf(agentId: string): number | null {
    return this.agent === agentId ? this.at : null;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
