// When the deck tries the daemon again after losing it: a pure schedule, so its numbers are a
// table test and the link that sleeps on it stays a thin shell.

/** The first retry comes quickly: a `daemon restart` or a crash-and-restore is back in well under a second. */
export const RECONNECT_FIRST_DELAY_MS = 100;
/** Doubling stops here, so a daemon that comes back is seen within 2 s. */
export const RECONNECT_MAX_DELAY_MS = 2000;
/**
 * Then the deck gives up, restores the terminal and exits non-zero with what failed. Each try
 * starts the daemon if it is gone, so two minutes of failures mean it cannot start at all (a
 * removed binary, a full disk, a broken install): retrying forever would hide that behind a
 * spinner, while leaving costs nothing, because the panes are in the session file and the next
 * `dot-agent-deck` starts them again.
 */
export const RECONNECT_GIVE_UP_MS = 120_000;

export type ReconnectStep = { kind: 'retry'; delayMs: number } | { kind: 'give-up' };

/** The wait before the next try, after `failures` failed tries, the link being down for `downForMs`. */
export function nextReconnectStep(failures: number, downForMs: number): ReconnectStep {
  if (downForMs >= RECONNECT_GIVE_UP_MS) return { kind: 'give-up' };
  const doubled = RECONNECT_FIRST_DELAY_MS * 2 ** Math.min(failures, 16);
  const delayMs = Math.min(RECONNECT_MAX_DELAY_MS, doubled, RECONNECT_GIVE_UP_MS - downForMs);
  return { kind: 'retry', delayMs };
}
