// The status engine: one pure function from what a pane shows (hook layer, title, screen, output
// activity, exit) to one status, with the layer and rule that decided it. No timers: it says when
// to ask again. Rules of thumb (docs/AGENT-NOTES.md): waiting outranks working; working and waiting
// flip at once; idle only after a quiet screen; stale hooks and old screen text decide nothing.
import type { PaneExit } from '../protocol/pane-types.js';
import type { PaneStatus, StatusKind, StatusLayer } from '../protocol/pane-status.js';
import type { AgentAdapter } from './agent-adapter.js';
import type { HookState } from './hook-state.js';
import { formatResetTime, parseResetTime } from './reset-time.js';
import { matchScreenRules, type ScreenMatch } from './screen-rules.js';

/** Quiet time before "idle" is believed from the screen or activity (docs/AGENT-NOTES.md: ~1.5 s). */
export const IDLE_QUIET_MS = 1500;
/** A hook opinion older than this no longer decides alone; the screen may overrule it. */
export const HOOK_STALE_MS = 30_000;
/** A "working" footer only counts while the screen still changes (spinners tick every ~100 ms). */
export const SCREEN_BUSY_FRESH_MS = 3000;
/** Longest a pane stays "starting" without any sign of life from its agent. */
export const STARTING_MAX_MS = 15_000;
/** A far-off reset time is checked again at least this often (timers are not for days). */
const RESET_RECHECK_MAX_MS = 3_600_000;

/** A limit screen's reset time as first read: relative wordings ("try again in 5 minutes") are
 *  read once, when the line appears, not again on every look. */
export interface LimitMemory {
  rule: string;
  /** The screen line the limit rule matched. */
  line: string;
  /** Epoch ms. */
  until: number;
}

export interface EngineInput {
  adapter: AgentAdapter;
  now: number;
  startedAt: number;
  exit: PaneExit | null;
  hook: HookState | null;
  title: string;
  screen: readonly string[];
  /** When the pane last printed anything; null if never. */
  lastOutputAt: number | null;
  /** Whether the agent's ready marker has been on screen since the process started. */
  readySeen: boolean;
  /** Whether a waiting screen rule matched since the hook layer's needs-input event. */
  promptSeen: boolean;
  /** What the last decision read from a limit screen (the caller keeps `EngineResult.limit`). */
  limit?: LimitMemory | null;
  /** The zone reset times without one are read and shown in (default: the deck's own). */
  timeZone?: string;
}

export interface Decision {
  kind: StatusKind;
  tool: string | null;
  detail: string | null;
  reason: string | null;
  layer: StatusLayer;
  rule: string;
  until?: string;
}

export interface EngineResult {
  status: PaneStatus;
  /** Ask again after this many ms even if nothing changes (idle confirmation, hook staleness). */
  recheckInMs: number | null;
  /** A waiting screen rule matches now (the caller remembers it for `promptSeen`). */
  waitingOnScreen: boolean;
  /** The limit screen still shown and its reset time, to pass back as `EngineInput.limit`. */
  limit: LimitMemory | null;
}

const WAITING = new Set<StatusKind>(['needs-input', 'blocked', 'error']);
const BUSY = new Set<StatusKind>(['working', 'thinking']);

function decision(kind: StatusKind, layer: StatusLayer, rule: string, extra: Partial<Decision> = {}): Decision {
  return { kind, layer, rule, tool: null, detail: null, reason: null, ...extra };
}

export function decideStatus(input: EngineInput, previous: PaneStatus | null): EngineResult {
  const rechecks: number[] = [];
  const screen: ScreenFacts = { waiting: false, limit: null };
  const chosen = choose(input, previous, rechecks, screen);
  const same = previous !== null && previous.kind === chosen.kind && previous.tool === chosen.tool && previous.reason === chosen.reason;
  const status: PaneStatus = { ...chosen, since: same ? previous.since : new Date(input.now).toISOString() };
  const positive = rechecks.filter((ms) => ms > 0);
  return { status, recheckInMs: positive.length === 0 ? null : Math.min(...positive), waitingOnScreen: screen.waiting, limit: screen.limit };
}

interface ScreenFacts {
  waiting: boolean;
  limit: LimitMemory | null;
}

/** The first waiting screen rule that still holds. A limit whose stated reset time has passed
 *  still holds while the agent sits on it (nothing printed since: no one continued it, and the
 *  deck must not nudge it as if it were idle); once the pane prints again it is history. */
function screenWaiting(input: EngineInput, matches: ScreenMatch[], rechecks: number[], screen: ScreenFacts): Decision | undefined {
  for (const match of matches) {
    if (!WAITING.has(match.rule.status)) continue;
    const base = decision(match.rule.status, 'screen', match.rule.name, { reason: match.rule.reason ?? null, detail: match.line });
    if (match.rule.resets === undefined) return base;
    const known = input.limit?.rule === match.rule.name && input.limit.line === match.line ? input.limit : null;
    const until = known?.until ?? parseResetTime(match.line, input.now, input.timeZone) ?? parseResetTime(match.region.join(' '), input.now, input.timeZone);
    if (until === null) return base;
    screen.limit ??= { rule: match.rule.name, line: match.line, until };
    const at = formatResetTime(until, input.now, input.timeZone);
    if (input.now >= until) {
      if (input.lastOutputAt !== null && input.lastOutputAt > until) continue;
      return { ...base, reason: `${match.rule.resets} · reset ${at} passed`, until: new Date(until).toISOString() };
    }
    rechecks.push(Math.min(until - input.now, RESET_RECHECK_MAX_MS));
    return { ...base, reason: `${match.rule.resets} · resets ${at}`, until: new Date(until).toISOString() };
  }
  return undefined;
}

function choose(input: EngineInput, previous: PaneStatus | null, rechecks: number[], screen: ScreenFacts): Decision {
  const { adapter, now } = input;
  if (input.exit !== null) {
    const how = input.exit.signal !== null ? `killed by ${input.exit.signal}` : `exit code ${input.exit.exitCode ?? '?'}`;
    return decision('exited', 'process', 'process-exited', { reason: how });
  }
  const quietMs = input.lastOutputAt === null ? Infinity : now - input.lastOutputAt;
  const matches = matchScreenRules(adapter, input.screen);
  const screenWait = screenWaiting(input, matches, rechecks, screen);
  screen.waiting = screenWait !== undefined;
  const busyMatch = matches.find((m) => m.rule.status === 'working');
  // Old text left on screen must not keep a card busy: a busy footer counts while the screen moves.
  const screenBusy = busyMatch !== undefined && quietMs < SCREEN_BUSY_FRESH_MS ? decision('working', 'screen', busyMatch.rule.name) : undefined;
  if (screenBusy !== undefined) rechecks.push(SCREEN_BUSY_FRESH_MS - quietMs);

  const hook = input.hook;
  // SessionStart fires before the input box listens; once the box was seen, the screen decides.
  const hookStarting = hook !== null && hook.status === 'starting' && input.readySeen;
  const hookHold = hook?.holdMs ?? HOOK_STALE_MS;
  if (hook !== null && !hookStarting && now - hook.at < hookHold) {
    rechecks.push(hookHold - (now - hook.at));
    const fromHook = decision(hook.status, 'hook', hook.rule, { tool: hook.tool, detail: hook.detail, reason: hook.reason });
    // Waiting outranks working: a dialog on screen beats a hook that still says busy or idle.
    if (screenWait !== undefined && hook.status !== 'needs-input' && hook.status !== 'error') return screenWait;
    // Working flips at once: the prompt was answered if it was drawn, is gone, and work shows. A
    // busy footer before the dialog draws (the hook fires first) is not an answer.
    if (hook.status === 'needs-input' && input.promptSeen && screenWait === undefined && screenBusy !== undefined) return screenBusy;
    return fromHook;
  }

  const titleRule = adapter.titleRules.find((rule) => rule.pattern.test(input.title));
  const fromTitle = titleRule && decision(titleRule.status, 'title', titleRule.name, { reason: titleRule.reason ?? null });
  if (screenWait !== undefined) return screenWait;
  if (fromTitle !== undefined && fromTitle.kind !== 'idle') return fromTitle;
  // A moving busy footer beats an idle title mark that has not caught up yet.
  if (screenBusy !== undefined) return screenBusy;
  if (fromTitle !== undefined) return fromTitle;

  if (!input.readySeen && hook === null && adapter.type !== 'generic' && now - input.startedAt < STARTING_MAX_MS) {
    rechecks.push(STARTING_MAX_MS - (now - input.startedAt));
    return decision('starting', 'activity', 'no-ready-marker-yet');
  }
  if (quietMs < IDLE_QUIET_MS) {
    rechecks.push(IDLE_QUIET_MS - quietMs);
    if (adapter.type === 'generic') return decision('working', 'activity', 'recent-output');
    // Idle is confirmed only after a quiet moment: until then keep what was decided before.
    if (previous !== null && (BUSY.has(previous.kind) || previous.kind === 'starting')) {
      return { kind: previous.kind, tool: previous.tool, detail: previous.detail, reason: previous.reason, layer: previous.layer, rule: previous.rule };
    }
  }
  if (previous === null && input.lastOutputAt === null) return decision('starting', 'activity', 'no-output-yet');
  return decision('idle', 'activity', quietMs === Infinity ? 'no-output' : 'quiet-screen');
}
