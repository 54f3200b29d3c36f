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

/** A silent start counts as stuck only once its programs have been idle this long (a slow start
 *  on a loaded machine keeps using CPU; the stuck opencode sits idle). */
export const IDLE_BEFORE_RESTART_MS = 10_000;
/** A silent start still busy this long after it began is left to delivery, which says why. */
export const BUSY_START_LIMIT_MS = 120_000;

/** The idle time a silent start needs before a restart: 10 s, a third of a shorter limit. */
export function idleBeforeRestart(silentRestartMs: number): number {
  return Math.min(IDLE_BEFORE_RESTART_MS, Math.floor(silentRestartMs / 3));
}

export interface StartLook {
  /** The pane shows text from this start (its screen is reset at every start). */
  drewText: boolean;
  /** How long the pane's programs have used next to no CPU; null when it cannot be read. */
  idleMs: number | null;
  /** The agent started for this delivery still runs. */
  running: boolean;
  sinceSpawnMs: number;
  /** Restarts already made for this delivery. */
  restarts: number;
}

/**
 * `go`: deliver now (it drew, it ended — delivery says why —, or there is nothing to wait for);
 * `wait`: look again; `restart`: start it again (silent past its limit and idle, the first time
 * only). A silent start that keeps using CPU is slow, not stuck: it is waited for, up to the limit.
 */
export function startVerdict(policy: StartPolicy, look: StartLook): 'go' | 'wait' | 'restart' {
  if (policy.silentRestartMs === null || look.drewText || !look.running || look.restarts >= 1) return 'go';
  if (look.sinceSpawnMs < policy.silentRestartMs) return 'wait';
  const busy = look.idleMs !== null && look.idleMs < idleBeforeRestart(policy.silentRestartMs);
  if (!busy) return 'restart';
  return look.sinceSpawnMs < BUSY_START_LIMIT_MS ? 'wait' : 'go';
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
