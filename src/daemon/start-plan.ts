// What the deck does while a worker's agent starts, as pure decisions (agent-start.ts acts on
// them). Some agents stall when several instances start at the same moment against one data dir
// (opencode 1.18: one of three sat idle after its config was loaded and never drew, until it was
// started again; README, opencode): such roles start one after another, and a start that drew
// nothing at all is restarted, once. Never while a line is typed: delivery begins after this.

/** How an agent wants to be started (the adapter's `start`, or none). */
export interface StartPolicy {
  /** Instances started together can stall: wait for a sibling's start (bounded by the hold). */
  apart: boolean;
  /** A start that shows no text for this long is restarted once; null: never. */
  silentRestartMs: number | null;
}

export const NO_START_POLICY: StartPolicy = { apart: false, silentRestartMs: null };

/** How long a start keeps its siblings of the same agent waiting, at most. */
export const START_HOLD_MS = 20_000;

export interface StartLook {
  /** The pane shows text from this start (its screen is reset at every start). */
  drewText: boolean;
  /** The agent started for this delivery still runs. */
  running: boolean;
  sinceSpawnMs: number;
  /** Restarts already made for this delivery. */
  restarts: number;
}

/**
 * `go`: deliver now (it drew, it ended — delivery says why —, or there is nothing to wait for);
 * `wait`: look again; `restart`: start it again (silent past its limit, the first time only).
 */
export function startVerdict(policy: StartPolicy, look: StartLook): 'go' | 'wait' | 'restart' {
  if (policy.silentRestartMs === null || look.drewText || !look.running) return 'go';
  if (look.sinceSpawnMs < policy.silentRestartMs) return 'wait';
  return look.restarts < 1 ? 'restart' : 'go';
}

export interface HoldLook {
  /** The agent is at its input box. */
  ready: boolean;
  /** The pane's program ended, or the pane closed. */
  gone: boolean;
  sinceSpawnMs: number;
}

/** Whether a start still holds its siblings back: until it is ready, gone, or the hold passed. */
export function holdsSiblings(look: HoldLook, holdMs = START_HOLD_MS): boolean {
  return !look.ready && !look.gone && look.sinceSpawnMs < holdMs;
}
