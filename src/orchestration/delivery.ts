// Types one line into an agent and makes sure it was submitted exactly once: wait until the agent
// is ready for input, type the line, and press Enter only once the input box shows exactly one
// whole copy of it (the agent's own echo). No echo, a part of one, or two copies (keys read late,
// a doubled line wrapped onto two rows): the box is cleared and seen empty before the line is typed
// again, so a copy drawn late can never be submitted next to the retyped one. After Enter, the
// agent's evidence — its prompt hook, its busy footer, the box emptied — confirms; Enter is pressed
// again with backoff while the whole line still sits in the box. Every write happens under the
// pane's writer lock, bound to one agent id; waits poll named conditions; a deadline caps it all.
import { adapterFor } from '../agents/adapters.js';
import { holdsOneCopy, readInputBox, type InputBoxReading } from '../agents/input-region.js';
import { matchScreenRules } from '../agents/screen-rules.js';
import type { CursorPosition, PaneModes } from '../protocol/pane-types.js';
import { lineBytes, typeAndSubmit } from '../pty/submit-line.js';
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
  /** The pane's agent type, or a function read at every look (detection may name the agent
   *  while delivery waits: a wrapper script's first hook, its banner, its window title). */
  agentType?: string | null | (() => string | null);
  /** Give up after this long (default 90 s), counted from the moment the agent was first seen
   *  past its start-up (see `starting`). */
  deadlineMs?: number;
  /** Whether the agent is still starting: it is drawing (text on screen) but has not shown its
   *  input box since it was launched (the status tracker's `startingUp`). An agent that has drawn
   *  nothing gives no evidence of a start-up in progress. Read at every look; absent means never. */
  starting?: () => boolean;
  /** How long an agent that is still starting may take to show its input box (default 180 s:
   *  three opencode instances starting together on a loaded 2-core machine took up to 40 s,
   *  one over 160 s). While it starts, the 90 s deadline has not begun. */
  startupMs?: number;
  /** The pause before Enter (default SUBMIT_PAUSE_MS, pty/submit-line.ts). */
  pauseMs?: number;
  pollMs?: number;
  /** How long the typed text may take to show in the box before it counts as lost (default
   *  4 s, doubled for the retype: opencode under load draws keys seconds late). */
  echoWaitMs?: number;
  /** Quiet time that lets a late echo show before the box is judged (default 500 ms). */
  settleMs?: number;
  /** After the last Enter, how long a sign of submission is still waited for (default 20 s,
   *  bounded by the deadline: opencode under load takes keys that late). */
  lateWaitMs?: number;
  /** First wait for a sign of submission before pressing Enter again; doubles each time. */
  confirmMs?: number;
  maxEnterRetries?: number;
  /** How often the text itself may be typed (default 2). */
  maxTextAttempts?: number;
}

export type DeliveryOutcome =
  | { ok: true; ms: number; textAttempts: number; enterPresses: number; confirmedBy: string }
  /** `final`: trying again cannot help (the line itself was refused). */
  | { ok: false; ms: number; textAttempts: number; enterPresses: number; reason: string; final?: true };

class Abort extends Error {}

/** DEL erases one character before the cursor in every agent's input box. */
const BACKSPACE = '\x7f';
/** Clearing the box is tried this often before delivery gives up on it. */
const MAX_CLEARS = 3;
/** The echo is taken once the screen has been still this long (the agent finished drawing it). */
const ECHO_QUIET_MS = 100;

export async function deliverLine(pane: DeliveryPane, agentId: string, line: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  if (/[\u0000-\u001f\u007f]/.test(line)) throw new Error('a delivered line must be one line without control characters');
  const { clock } = options;
  const started = clock.now();
  const deadlineMs = options.deadlineMs ?? 90_000;
  const startupEnd = started + (options.startupMs ?? 180_000);
  const starting = options.starting ?? (() => false);
  // The deadline moves on while the agent starts: its start-up is not the line's delivery, which
  // gets its whole deadline once the agent is up. An agent still starting at startupEnd is given
  // up on there.
  let deadline = started + deadlineMs;
  const followStartup = () => {
    if (!starting()) return;
    deadline = clock.now() >= startupEnd ? Math.min(deadline, clock.now()) : Math.max(deadline, clock.now() + deadlineMs);
  };
  const pollMs = options.pollMs ?? 25;
  const maxText = options.maxTextAttempts ?? 2;
  const maxEnter = options.maxEnterRetries ?? 4;
  const echoWaitMs = options.echoWaitMs ?? 4_000;
  const settleMs = options.settleMs ?? 500;
  let textAttempts = 0;
  let enterPresses = 0;
  const agentType = () => (typeof options.agentType === 'function' ? options.agentType() : (options.agentType ?? null));
  const box = (seen = pane.observe()): InputBoxReading => readInputBox(seen.lines, seen.cursor, line, { newlineBox: seen.lastHookEvent !== undefined });
  const working = (seen: PaneObservation) => matchScreenRules(adapterFor(agentType()), seen.lines).some((m) => m.rule.status === 'working');
  const result = (ok: boolean, detail: string): DeliveryOutcome =>
    ok
      ? { ok, ms: clock.now() - started, textAttempts, enterPresses, confirmedBy: detail }
      : { ok, ms: clock.now() - started, textAttempts, enterPresses, reason: detail };
  const checkAgent = () => {
    const current = pane.currentAgent();
    if (current !== agentId) throw new Abort(current === null ? 'the agent exited' : 'the pane was restarted with another agent');
  };
  /** Polls until `condition` holds; false at `until` (never later than the deadline). */
  const waitUntil = async (condition: () => boolean, until: number): Promise<boolean> => {
    for (;;) {
      checkAgent();
      if (condition()) return true;
      followStartup();
      const end = Math.min(until, deadline);
      if (clock.now() >= end) return false;
      await clock.sleep(Math.min(pollMs, Math.max(1, end - clock.now())));
    }
  };
  const locked = (data: string) =>
    pane.withLock(async () => {
      checkAgent();
      pane.write(data);
    });
  /** Erases the box until it holds none of the line and the screen has settled. Backspaces are
   *  sent even when the box looks empty: they follow the lost copy in the input stream, so a copy
   *  the agent reads late is erased when it arrives. */
  const clearBox = async (): Promise<boolean> => {
    for (let i = 0; i < MAX_CLEARS; i++) {
      const copies = Math.max(1, box().copies + 1);
      await locked(BACKSPACE.repeat(Math.min(copies, maxText + 1) * line.length));
      const cleared = await waitUntil(() => {
        const seen = pane.observe();
        return seen.quietMs >= settleMs && box(seen).empty;
      }, clock.now() + echoWaitMs);
      if (cleared) return true;
    }
    return false;
  };

  try {
    while (textAttempts < maxText) {
      let verdict = '';
      // The readiness wait runs to the deadline, which moves on while the agent starts.
      const ready = await waitUntil(() => {
        const seen = pane.observe();
        if (!seen.agentHasDrawn) {
          verdict = 'the agent has not drawn its screen yet';
          return false;
        }
        const check = options.readiness({
          agentType: agentType(),
          screenText: seen.lines,
          cursor: seen.cursor,
          modes: seen.modes,
          quietMs: seen.quietMs,
          ...(seen.lastHookEvent !== undefined ? { lastHookEvent: seen.lastHookEvent } : {}),
          ...(seen.passedLimit !== undefined ? { passedLimit: seen.passedLimit } : {}),
        });
        verdict = check.reason;
        return check.ready;
      }, Number.POSITIVE_INFINITY);
      if (!ready) {
        const still = starting() ? `; still starting after ${Math.round((clock.now() - started) / 1000)} s` : '';
        return result(false, `not ready for input before the deadline (${verdict}${still})`);
      }

      textAttempts++;
      let submittedAt = 0;
      let workingAtSubmit = false;
      let echo: InputBoxReading = { copies: 0, garbled: false, hasFragment: false, empty: true };
      const pressed = await pane.withLock(async () => {
        checkAgent();
        return typeAndSubmit(
          {
            write: (data) => pane.write(data),
            sleep: (ms) => clock.sleep(ms),
            beforeEnter: async () => {
              // The agent's own echo of the whole line, once, before Enter: it may draw late.
              await waitUntil(
                () => {
                  const seen = pane.observe();
                  echo = box(seen);
                  return echo.copies > 1 || echo.garbled || (echo.copies === 1 && seen.quietMs >= ECHO_QUIET_MS);
                },
                clock.now() + echoWaitMs * textAttempts,
              );
              checkAgent();
              if (!holdsOneCopy(echo)) return false;
              workingAtSubmit = working(pane.observe());
              submittedAt = clock.now();
              return true;
            },
          },
          lineBytes(line, adapterFor(agentType()).typeLineAs === 'paste', pane.observe().modes.bracketedPaste),
          options.pauseMs,
        );
      });
      if (!pressed) {
        // Never Enter over no copy, part of one, a garbled one or two: clear, see it empty, type again.
        if (!(await clearBox())) return result(false, `the input box still held the line after ${MAX_CLEARS} clears (typed ${textAttempts} times)`);
        if (clock.now() >= deadline) break;
        continue;
      }

      const signOf = (seen: PaneObservation): string => {
        // The agent's own hook saying a prompt was submitted is the strongest proof.
        if (seen.promptHookAt !== undefined && seen.promptHookAt >= submittedAt) return "the agent's prompt hook";
        if (!workingAtSubmit && working(seen)) return 'the agent shows it is working';
        return box(seen).copies > 0 ? '' : 'the input box emptied';
      };
      let windowMs = options.confirmMs ?? 400;
      for (;;) {
        let sign = '';
        await waitUntil(() => (sign = signOf(pane.observe())) !== '', clock.now() + windowMs);
        if (sign) return result(true, sign);
        if (clock.now() >= deadline || enterPresses >= maxEnter) break;
        await locked('\r');
        enterPresses++;
        windowMs *= 2;
      }
      // The last look: an agent that reads keys late (opencode under load, 20 s behind) may still
      // take the line from its input queue, so its sign is waited for (bounded by the deadline)
      // before the line counts as lost: a line the agent is about to run is never "not delivered".
      let late = '';
      await waitUntil(() => (late = signOf(pane.observe())) !== '', clock.now() + (options.lateWaitMs ?? 20_000));
      if (late === '') late = signOf(pane.observe());
      if (late) return result(true, late);
      await clearBox();
      return result(false, `the text stayed in the input box after ${enterPresses} extra Enter presses (the deck cleared it)`);
    }
    return result(false, `the agent did not show the typed line (typed ${textAttempts} times; the box was cleared each time)`);
  } catch (error) {
    if (error instanceof Abort) return result(false, error.message);
    throw error;
  }
}
