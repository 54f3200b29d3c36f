// Waiting on what a PaneSession shows: named conditions over its plain-text screen that, on
// timeout, print the screen (with history) so the failure says what was there instead.
import type { PaneExit } from '../../src/protocol/pane-types.js';
import type { PaneSession } from '../../src/pty/pane-session.js';
import { waitFor, waitForValue, type WaitOptions } from './wait.js';

/** The pane's text with row numbers, for failure messages. */
export function dumpPane(session: PaneSession, scrollback = 20): string {
  const rows = session.text({ scrollback });
  return [`pane ${session.paneId} (${session.state.kind}, title ${JSON.stringify(session.title)}):`]
    .concat(rows.map((row, index) => `${String(index).padStart(3)}|${row}`))
    .join('\n');
}

/** Waits until `check` holds for the pane's rows (screen plus `scrollback` history lines). */
export async function waitForPane(
  session: PaneSession,
  description: string,
  check: (rows: string[]) => boolean,
  options: WaitOptions & { scrollback?: number } = {},
): Promise<string[]> {
  let rows: string[] = [];
  await waitFor(
    description,
    () => {
      rows = session.text({ scrollback: options.scrollback ?? 0 });
      return check(rows);
    },
    { timeoutMs: 5000, describe: () => dumpPane(session), ...options },
  );
  return rows;
}

/** Waits until some row of the pane matches `pattern` and returns that row's match. */
export function waitForRow(
  session: PaneSession,
  description: string,
  pattern: RegExp,
  options: WaitOptions & { scrollback?: number } = {},
): Promise<RegExpMatchArray> {
  return waitForValue(
    description,
    () => {
      for (const row of session.text({ scrollback: options.scrollback ?? 0 })) {
        const match = row.match(pattern);
        if (match) return match;
      }
      return undefined;
    },
    { timeoutMs: 5000, describe: () => dumpPane(session), ...options },
  );
}

/** Resolves with the pane's exit once its state says exited. */
export function waitForExit(session: PaneSession, options: WaitOptions = {}): Promise<PaneExit> {
  return waitForValue(
    `pane ${session.paneId} exits`,
    () => {
      const state = session.state;
      return state.kind === 'exited' ? state.exit : undefined;
    },
    { timeoutMs: 5000, describe: () => dumpPane(session), ...options },
  );
}
