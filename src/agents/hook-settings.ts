// The deck's entries in an agent's hook settings (Claude Code settings.json, Codex hooks.json,
// Gemini settings.json): which events, and a pure merge that adds or removes exactly the deck's
// own entries and leaves every other key and hook of the user untouched. No I/O here.

export type HookedAgent = 'claude-code' | 'codex' | 'gemini';

interface HookPlan {
  events: string[];
  /** Events that take a tool matcher ("*" = every tool). */
  toolEvents: Set<string>;
  /** Hook timeout in the agent's unit (seconds for Claude/Codex, milliseconds for Gemini). */
  timeout: number;
  named: boolean;
}

const CLAUDE_TOOL_EVENTS = new Set(['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PermissionRequest']);

export const HOOK_PLANS: Record<HookedAgent, HookPlan> = {
  'claude-code': {
    events: [
      'SessionStart',
      'UserPromptSubmit',
      'PreToolUse',
      'PostToolUse',
      'PostToolUseFailure',
      'PermissionRequest',
      'Notification',
      'Stop',
      'StopFailure',
      'SubagentStart',
      'SubagentStop',
      'PreCompact',
      'SessionEnd',
    ],
    toolEvents: CLAUDE_TOOL_EVENTS,
    timeout: 10,
    named: false,
  },
  // The events codex 0.169 fires (docs/AGENT-NOTES.md; `SessionStart` only at the first turn).
  codex: {
    events: ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PermissionRequest', 'Stop', 'SessionEnd'],
    toolEvents: new Set(),
    timeout: 10,
    named: false,
  },
  // BeforeModel/AfterModel fire per chunk: too noisy for a deck (docs/AGENT-NOTES.md).
  gemini: {
    events: ['SessionStart', 'BeforeAgent', 'BeforeTool', 'AfterTool', 'Notification', 'AfterAgent', 'PreCompress', 'SessionEnd'],
    toolEvents: new Set(['BeforeTool', 'AfterTool', 'Notification', 'BeforeAgent', 'AfterAgent', 'SessionStart', 'SessionEnd', 'PreCompress']),
    timeout: 10_000,
    named: true,
  },
};

export const DECK_HOOK_NAME = 'dot-agent-deck';

/** The command a hook runs: the deck binary, quoted for a shell, then `hook --agent NAME`. */
export function deckHookCommand(bin: string, agent: string): string {
  const quoted = /^[A-Za-z0-9_@%+=:,./-]+$/.test(bin) ? bin : `'${bin.replace(/'/g, `'\\''`)}'`;
  return `${quoted} hook --agent ${agent}`;
}

const DECK_COMMAND = /^(?:'((?:[^']|'\\'')+)'|(\S+)) hook --agent (claude-code|codex|gemini)$/;

/** True only for a command the deck wrote: `<…/dot-agent-deck[.js]> hook --agent <agent>`. */
export function isDeckCommand(command: unknown): boolean {
  if (typeof command !== 'string') return false;
  const match = DECK_COMMAND.exec(command);
  if (match === null) return false;
  const program = (match[1] ?? match[2] ?? '').replace(/'\\''/g, "'");
  const base = program.slice(program.lastIndexOf('/') + 1);
  return base === 'dot-agent-deck' || base === 'dot-agent-deck.js';
}

type Json = Record<string, unknown>;

export class SettingsShapeError extends Error {}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hooksOf(settings: Json): Json {
  const hooks = settings.hooks;
  if (hooks === undefined) return {};
  if (!isObject(hooks)) throw new SettingsShapeError('"hooks" is not an object');
  return hooks;
}

function groupsOf(hooks: Json, event: string): unknown[] {
  const groups = hooks[event];
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw new SettingsShapeError(`"hooks.${event}" is not a list`);
  return groups;
}

function deckGroup(plan: HookPlan, event: string, command: string): Json {
  const hook: Json = { type: 'command', ...(plan.named ? { name: DECK_HOOK_NAME } : {}), command, timeout: plan.timeout };
  return { ...(plan.toolEvents.has(event) ? { matcher: '*' } : {}), hooks: [hook] };
}

/** A group's hooks without the deck's; null when nothing of the user's remains in it. */
function withoutDeck(group: unknown): unknown {
  if (!isObject(group) || !Array.isArray(group.hooks)) return group;
  const kept = group.hooks.filter((hook) => !(isObject(hook) && isDeckCommand(hook.command)));
  if (kept.length === group.hooks.length) return group;
  return kept.length === 0 ? null : { ...group, hooks: kept };
}

/** The settings with the deck's hooks for every planned event; an identical entry stays in place. */
export function installHooks(settings: Json, agent: HookedAgent, bin: string): Json {
  const plan = HOOK_PLANS[agent];
  const command = deckHookCommand(bin, agent);
  const hooks = { ...hooksOf(settings) };
  for (const event of plan.events) {
    const groups = groupsOf(hooks, event);
    const wanted = deckGroup(plan, event, command);
    const present = groups.some((group) => JSON.stringify(group) === JSON.stringify(wanted));
    const others = groups.map(withoutDeck).filter((group) => group !== null);
    hooks[event] = present && others.length === groups.length - 1 ? groups : [...others, wanted];
  }
  return { ...settings, hooks };
}

/** The settings without any deck hook; events left empty by that are removed. */
export function uninstallHooks(settings: Json): Json {
  if (settings.hooks === undefined) return settings;
  const hooks: Json = {};
  for (const [event, value] of Object.entries(hooksOf(settings))) {
    if (!Array.isArray(value)) {
      hooks[event] = value;
      continue;
    }
    const kept = value.map(withoutDeck).filter((group) => group !== null);
    if (kept.length > 0 || value.length === 0) hooks[event] = kept;
  }
  return { ...settings, hooks };
}

/** Planned events that have a deck hook. */
export function installedEvents(settings: Json, agent: HookedAgent): string[] {
  const hooks = hooksOf(settings);
  return HOOK_PLANS[agent].events.filter((event) =>
    groupsOf(hooks, event).some(
      (group) => isObject(group) && Array.isArray(group.hooks) && group.hooks.some((hook) => isObject(hook) && isDeckCommand(hook.command)),
    ),
  );
}
