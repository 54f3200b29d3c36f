// Is a pane's agent ready to take a typed prompt? Pure: the ready marker from docs/AGENT-NOTES.md on
// screen, the screen quiet for a moment, and bracketed paste on (the input box enables it). A
// SessionStart hook alone is not enough: it fires before the box listens. Used by delivery (#5).
import type { CursorPosition, PaneModes } from '../protocol/pane-types.js';
import { adapterFor } from './adapters.js';
import { detectAgentFromSignals } from './detect-agent.js';
import { matchScreenRules } from './screen-rules.js';
import { bottomRegion } from './screen-region.js';

export interface ReadinessInput {
  agentType: string | null;
  /** The visible screen, one string per row. */
  screenText: string[];
  cursor: CursorPosition;
  modes: PaneModes;
  /** Milliseconds since the pane last printed anything. */
  quietMs: number;
  /** The last hook event name the agent reported, if any. */
  lastHookEvent?: string;
  /** A limit screen line whose stated reset time has passed (the status tracker knows): the
   *  limit is over, so it no longer stands between the deck and the input box. */
  passedLimit?: string;
}

export interface Readiness {
  ready: boolean;
  reason: string;
}

// Hook events that mean a turn is running: typing now would queue behind it or be lost.
const BUSY_HOOK_EVENTS = new Set(['UserPromptSubmit', 'PreToolUse', 'BeforeAgent', 'BeforeTool', 'PermissionRequest', 'agent_start', 'tool_execution_start']);

export function readiness(input: ReadinessInput): Readiness {
  // An agent the command did not name is known by its screen as soon as it draws its banner or
  // its input box: its own readiness applies from then on, not a plain command's.
  const adapter = adapterFor(input.agentType ?? detectAgentFromSignals(input.screenText, ''));
  if (input.lastHookEvent !== undefined && BUSY_HOOK_EVENTS.has(input.lastHookEvent)) {
    return { ready: false, reason: `the agent is in a turn (last hook event ${input.lastHookEvent})` };
  }
  const matches = matchScreenRules(adapter, input.screenText);
  const over = (m: (typeof matches)[number]) => m.rule.resets !== undefined && m.line === input.passedLimit;
  const blocking = matches.find((m) => m.rule.status !== 'idle' && m.rule.status !== 'working' && !over(m));
  if (blocking !== undefined) {
    return { ready: false, reason: `the screen shows ${blocking.rule.reason ?? blocking.rule.status} (rule ${blocking.rule.name})` };
  }
  // Codex keeps its placeholder on screen during a turn; a busy footer means not yet.
  const busy = matches.find((m) => m.rule.status === 'working');
  if (busy !== undefined) return { ready: false, reason: `the agent is working (rule ${busy.rule.name})` };
  if (adapter.type === 'generic') return genericReadiness(input, adapter.readyMarkers, adapter.readyQuietMs);
  const marker = bottomRegion(input.screenText).some((line) => adapter.readyMarkers.some((re) => re.test(line)));
  if (!marker) return { ready: false, reason: `no ${adapter.displayName} input box on screen yet` };
  if (!input.modes.bracketedPaste) return { ready: false, reason: 'bracketed paste is not on yet (the input box is not listening)' };
  if (input.quietMs < adapter.readyQuietMs) {
    return { ready: false, reason: `the screen changed ${input.quietMs} ms ago (needs ${adapter.readyQuietMs} ms quiet)` };
  }
  return { ready: true, reason: `${adapter.displayName} input box on screen, bracketed paste on, quiet ${input.quietMs} ms` };
}

// Any other program: the cursor sits at the end of a prompt-looking last line and output stopped.
function genericReadiness(input: ReadinessInput, markers: RegExp[], quietNeeded: number): Readiness {
  if (input.quietMs < quietNeeded) {
    return { ready: false, reason: `the screen changed ${input.quietMs} ms ago (needs ${quietNeeded} ms quiet)` };
  }
  const row = input.screenText[input.cursor.y] ?? '';
  const beforeCursor = row.slice(0, input.cursor.x);
  const afterCursor = row.slice(input.cursor.x);
  if (afterCursor.trim() !== '') return { ready: false, reason: 'the cursor is not at the end of its line' };
  if (!markers.some((re) => re.test(beforeCursor.trimEnd()))) {
    return { ready: false, reason: 'the cursor line does not look like an input prompt' };
  }
  return { ready: true, reason: `prompt-like cursor line, quiet ${input.quietMs} ms` };
}
