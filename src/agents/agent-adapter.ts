// The shape of a per-agent adapter: everything the deck knows about one agent CLI, as data.
// Adapters hold no state and do no I/O; the status engine and readiness read them.
import { AgentName } from '../config/agent-names.js';

export const AgentType = AgentName;
export type AgentType = AgentName;

/** Where on the screen a rule looks: the last few lines, or everything below the last horizontal rule. */
export type ScreenRegion = 'bottom' | 'below-rule';

/** Statuses a screen or title rule may claim. */
export type RuleStatus = 'idle' | 'working' | 'needs-input' | 'blocked' | 'error';

export interface ScreenRule {
  /** Shown by `explain`; stable, kebab-case. */
  name: string;
  status: RuleStatus;
  region: ScreenRegion;
  /** Every pattern must match some line of the region. */
  all: RegExp[];
  /** Shown on the card for needs-input and blocked. */
  reason?: string;
  /** The rule's screen may state when it clears (a usage limit, quota or rate limit): read the
   *  reset time from it, and show this word with it ("usage limit · resets 15:30"). */
  resets?: string;
}

export interface TitleRule {
  name: string;
  status: RuleStatus;
  pattern: RegExp;
  reason?: string;
}

/** What a hook event means for the status; `clear` drops the hook's opinion (e.g. SessionEnd). */
export type HookEffect =
  | { status: 'starting' | 'idle' | 'thinking' | 'working' | 'needs-input' | 'error'; reason?: string }
  | { status: 'keep' }
  | { status: 'clear' };

export interface HookRule {
  /** A hook event name as the agent reports it (`hook_event_name`, or an opencode bus event). */
  event: string;
  /** Narrows the rule to one `notification_type` / status subtype. */
  subtype?: string;
  effect: HookEffect;
}

export interface AgentAdapter {
  type: AgentType;
  displayName: string;
  /** Program basenames that start this agent. */
  programs: string[];
  /** What gives the agent away when its command does not (a wrapper script): its banner or
   *  input box on screen, its window title. Specific enough that no other program shows them. */
  signatures: { screen: RegExp[]; title: RegExp[] };
  /** A line matching any of these means the input box is on screen. */
  readyMarkers: RegExp[];
  /** Quiet time after the last output before a ready marker counts (opencode drops early keys). */
  readyQuietMs: number;
  titleRules: TitleRule[];
  /** Tried in order; the first match wins within a status, waiting/blocked before working. */
  screenRules: ScreenRule[];
  hookRules: HookRule[];
  /** Bytes that answer a permission prompt with yes / no. */
  answerKeys: { yes: string; no: string };
  /** `paste`: a typed line goes in as a bracketed paste when the program has that mode on, so
   *  no character of it is taken as a key binding (Gemini CLI's `?`). Default: typed as keys. */
  typeLineAs?: 'keys' | 'paste';
  /** How a worker role's agent is started (daemon/start-plan.ts): `apart` — instances started at
   *  the same moment can stall, so roles take turns (bounded); `silentRestartMs` — a start that
   *  shows no text by then is restarted once. Default: started at once, never restarted. */
  start?: { apart: boolean; silentRestartMs: number };
}
