// Types one line into an agent and makes sure it was submitted: wait until the agent is ready for
// input, type the line, pause, a lone CR (under the pane's writer lock, bound to one agent id),
// then confirm; press Enter again with backoff if the text still sits in the input line; retype
// at most once if the keys were dropped; give up at a deadline. Waits poll named conditions.
import type { CursorPosition, PaneModes } from '../protocol/pane-types.js';
import { typeAndSubmit } from '../pty/submit-line.js';
import type { ReadinessCheck } from './readiness-check.js';

export interface PaneObservation {
  /** Visible rows, right-trimmed. */
  lines: string[];
  cols: number;
  cursor: CursorPosition;
  modes: PaneModes;
  /** Milliseconds since the last output. */
  quietMs: number;
  /** Output chunks parsed so far; grows with every chunk. */
  outputCount: number;
  /** The current agent has printed something. Until then the screen may still be its
   *  predecessor's (a respawn resets the screen asynchronously), whatever it shows. */
  agentHasDrawn: boolean;
  /** The last hook event the agent reported, when it has hooks (feeds readiness). */
  lastHookEvent?: string;
  /** A limit screen line whose stated reset time has passed (feeds readiness). */
  passedLimit?: string;
  /** When the agent's hooks last reported a submitted prompt (UserPromptSubmit and the like). */
  promptHookAt?: number;
}

/** What delivery needs of a pane; the daemon adapts its pane hosts to this. */
export interface DeliveryPane {
  readonly paneId: string;
  /** The agent now running in the pane, or null when nothing runs. */
  currentAgent(): string | null;
  observe(): PaneObservation;
  write(data: string): void;
  /** Runs `job` holding the pane's writer lock. */
  withLock<T>(job: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface DeliveryOptions {
  readiness: ReadinessCheck;
  clock: Clock;
  agentType?: string | null;
  /** Give up after this long (default 90 s: opencode may take 13 s to start). */
  deadlineMs?: number;
  /** The pause before Enter (default SUBMIT_PAUSE_MS, pty/submit-line.ts). */
  pauseMs?: number;
  pollMs?: number;
  /** First wait for a sign of submission before pressing Enter again; doubles each time. */
  confirmMs?: number;
  maxEnterRetries?: number;
  /** How often the text itself may be typed (default 2). */
  maxTextAttempts?: number;
}

export type DeliveryOutcome =
  | { ok: true; ms: number; textAttempts: number; enterPresses: number; confirmedBy: string }
  | { ok: false; ms: number; textAttempts: number; enterPresses: number; reason: string };

class Abort extends Error {}

/** The cursor's row, joined to the row above when that one is full (a long line wrapped). */
function inputLineText(seen: PaneObservation): string {
  const row = seen.lines[seen.cursor.y] ?? '';
  const above = seen.cursor.y > 0 ? (seen.lines[seen.cursor.y - 1] ?? '') : '';
  return above.length >= seen.cols ? above + row : row;
}

export async function deliverLine(pane: DeliveryPane, agentId: string, line: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  if (/[\u0000-\u001f\u007f]/.test(line)) throw new Error('a delivered line must be one line without control characters');
  const { clock } = options;
  const started = clock.now();
  const deadline = started + (options.deadlineMs ?? 90_000);
  const pollMs = options.pollMs ?? 25;
  const maxText = options.maxTextAttempts ?? 2;
  const maxEnter = options.maxEnterRetries ?? 4;
  let textAttempts = 0;
  let enterPresses = 0;
  // The whole line, not a part: Enter is pressed again only over the complete text, never over
  // a line some of whose keys were dropped.
  const inInputLine = (seen: PaneObservation) => inputLineText(seen).includes(line);
  // An agent with hooks says when a prompt is submitted. Until it has, the line one row above an
  // empty cursor row is a CR taken as a newline in a multi-line box (Claude Code under load:
  // the text moves up, the cursor sits on the new empty row), not an emptied input line.
  const stillTyped = (seen: PaneObservation) =>
    inInputLine(seen) ||
    (seen.lastHookEvent !== undefined && (seen.lines[seen.cursor.y] ?? '').trim().length <= 2 && (seen.lines[seen.cursor.y - 1] ?? '').includes(line));
  const result = (ok: boolean, detail: string): DeliveryOutcome =>
    ok
      ? { ok, ms: clock.now() - started, textAttempts, enterPresses, confirmedBy: detail }
      : { ok, ms: clock.now() - started, textAttempts, enterPresses, reason: detail };
  const checkAgent = () => {
    const current = pane.currentAgent();
    if (current !== agentId) throw new Abort(current === null ? 'the agent exited' : 'the pane was restarted with another agent');
  };
  /** Polls until `condition` holds; false at the deadline. */
  const waitUntil = async (condition: () => boolean, until: number): Promise<boolean> => {
    for (;;) {
      checkAgent();
      if (condition()) return true;
      if (clock.now() >= until) return false;
      await clock.sleep(Math.min(pollMs, Math.max(1, until - clock.now())));
    }
  };

  try {
    while (textAttempts < maxText) {
      let verdict = '';
      const ready = await waitUntil(() => {
        const seen = pane.observe();
        if (!seen.agentHasDrawn) {
          verdict = 'the agent has not drawn its screen yet';
          return false;
        }
        const check = options.readiness({
          agentType: options.agentType ?? null,
          screenText: seen.lines,
          cursor: seen.cursor,
          modes: seen.modes,
          quietMs: seen.quietMs,
          ...(seen.lastHookEvent !== undefined ? { lastHookEvent: seen.lastHookEvent } : {}),
          ...(seen.passedLimit !== undefined ? { passedLimit: seen.passedLimit } : {}),
        });
        verdict = check.reason;
        return check.ready;
      }, deadline);
      if (!ready) return result(false, `not ready for input before the deadline (${verdict})`);

      textAttempts++;
      let echoed = false;
      let outputAtSubmit = 0;
      let submittedAt = 0;
      await pane.withLock(async () => {
        checkAgent();
        await typeAndSubmit(
          {
            write: (data) => pane.write(data),
            sleep: (ms) => clock.sleep(ms),
            beforeEnter: () => {
              checkAgent();
              echoed = inInputLine(pane.observe());
              outputAtSubmit = pane.observe().outputCount;
              submittedAt = clock.now();
            },
          },
          line,
          options.pauseMs,
        );
      });

      let windowMs = options.confirmMs ?? 400;
      for (;;) {
        let sign = '';
        await waitUntil(
          () => {
            const seen = pane.observe();
            // The agent's own hook saying a prompt was submitted is the strongest proof.
            if (seen.promptHookAt !== undefined && seen.promptHookAt >= submittedAt) {
              sign = "the agent's prompt hook";
              return true;
            }
            if (stillTyped(seen)) {
              echoed = true;
              return false;
            }
            if (echoed) sign = 'the input line emptied';
            else if (seen.outputCount > outputAtSubmit) sign = 'output started';
            return sign !== '';
          },
          Math.min(deadline, clock.now() + windowMs),
        );
        if (sign) return result(true, sign);
        if (clock.now() >= deadline) return result(false, 'no sign of submission before the deadline');
        if (!stillTyped(pane.observe())) break; // never echoed, nothing happened: the keys were dropped
        if (enterPresses >= maxEnter) return result(false, `the text stayed in the input line after ${enterPresses} extra Enter presses`);
        await pane.withLock(async () => {
          checkAgent();
          pane.write('\r');
        });
        enterPresses++;
        windowMs *= 2;
      }
    }
    return result(false, `the agent did not take the line (typed ${textAttempts} times)`);
  } catch (error) {
    if (error instanceof Abort) return result(false, error.message);
    throw error;
  }
}
