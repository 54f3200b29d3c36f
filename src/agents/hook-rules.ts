// Hook events shared by Claude Code and Codex (Codex copies Claude's hook schema and payloads).
import type { HookRule } from './agent-adapter.js';

export const COMMON_HOOK_RULES: HookRule[] = [
  { event: 'SessionStart', effect: { status: 'starting' } },
  { event: 'UserPromptSubmit', effect: { status: 'thinking' } },
  { event: 'PreToolUse', effect: { status: 'working' } },
  { event: 'PostToolUse', effect: { status: 'thinking' } },
  { event: 'PostToolUseFailure', effect: { status: 'thinking' } },
  { event: 'PermissionRequest', effect: { status: 'needs-input', reason: 'permission' } },
  { event: 'Notification', subtype: 'permission_prompt', effect: { status: 'needs-input', reason: 'permission' } },
  { event: 'Notification', subtype: 'elicitation_dialog', effect: { status: 'needs-input', reason: 'question' } },
  { event: 'Notification', effect: { status: 'keep' } },
  { event: 'Stop', effect: { status: 'idle' } },
  { event: 'StopFailure', effect: { status: 'error' } },
  { event: 'SubagentStart', effect: { status: 'working' } },
  { event: 'SubagentStop', effect: { status: 'keep' } },
  { event: 'PreCompact', effect: { status: 'working' } },
  { event: 'PostCompact', effect: { status: 'keep' } },
  { event: 'SessionEnd', effect: { status: 'clear' } },
];
