// Turns one hook event into the hook layer's opinion, using the agent's hook rules. Pure.
import type { HookEvent } from '../protocol/pane-status.js';
import type { AgentAdapter, HookEffect, HookRule } from './agent-adapter.js';

/** `blocked` comes only from a program's own report (`agent-event`); hook rules never say it. */
export type HookStatus = Exclude<HookEffect['status'], 'keep' | 'clear'> | 'blocked';

export interface HookState {
  status: HookStatus;
  tool: string | null;
  detail: string | null;
  reason: string | null;
  /** When the event arrived (ms since the epoch). */
  at: number;
  /** `hook:<event>` or `hook:<event>/<subtype>`, for `explain`. */
  rule: string;
  /** How long this opinion decides alone (default HOOK_STALE_MS): a program's own report holds longer. */
  holdMs?: number;
}

export function findHookRule(adapter: AgentAdapter, event: HookEvent): HookRule | undefined {
  return (
    adapter.hookRules.find((r) => r.event === event.event && r.subtype !== undefined && r.subtype === event.subtype) ??
    adapter.hookRules.find((r) => r.event === event.event && r.subtype === undefined)
  );
}

/** The hook layer after `event`: unchanged for unknown or "keep" events, null after "clear". */
export function applyHookEvent(adapter: AgentAdapter, previous: HookState | null, event: HookEvent, at: number): HookState | null {
  const rule = findHookRule(adapter, event);
  if (rule === undefined || rule.effect.status === 'keep') return previous;
  if (rule.effect.status === 'clear') return null;
  const status = rule.effect.status;
  const withTool = status === 'working' || status === 'needs-input';
  const reason = status === 'error' ? (event.message ?? 'the turn failed') : (rule.effect.reason ?? null);
  return {
    status,
    tool: withTool ? event.tool : null,
    detail: withTool ? event.detail : null,
    reason,
    at,
    rule: `hook:${rule.event}${rule.subtype === undefined ? '' : `/${rule.subtype}`}`,
  };
}
