// Turns a program's own report (`dot-agent-deck agent-event`) into the hook layer's opinion. Pure.
// A report is the program's word about itself, so it decides for longer than a hook (which the
// screen may overrule after HOOK_STALE_MS), yet not forever: a program that died mid-report must
// not keep a card "working" all night.
import type { AgentReport } from '../protocol/agent-report.js';
import type { HookState } from './hook-state.js';

/** 10 minutes: longer than any tool call we have seen an agent make between reports. */
export const REPORT_HOLD_MS = 10 * 60_000;

export function reportState(report: AgentReport, at: number): HookState {
  const waiting = report.status === 'needs-input' || report.status === 'blocked';
  return {
    status: report.status,
    tool: report.tool,
    detail: waiting ? null : report.detail,
    // For a waiting program the detail is the reason: what it waits for, or why it is blocked.
    reason: waiting ? report.detail : null,
    at,
    rule: `agent-event:${report.status}`,
    holdMs: REPORT_HOLD_MS,
  };
}
