// Codex: Claude-compatible hooks (once trusted), a spinner/"Action Required" title, and screen
// phrases from docs/AGENT-NOTES.md and tests/fixtures/agents/codex.
import type { AgentAdapter } from './agent-adapter.js';
import { COMMON_HOOK_RULES } from './hook-rules.js';

export const codex: AgentAdapter = {
  type: 'codex',
  displayName: 'Codex',
  programs: ['codex'],
  signatures: { screen: [/>_ OpenAI Codex \(v\d/, /Ask Codex to do anything/], title: [] },
  // `›` alone also starts the model-intro list, so only the placeholder text counts.
  readyMarkers: [/Ask Codex to do anything/],
  readyQuietMs: 300,
  titleRules: [
    { name: 'title-action-required', status: 'needs-input', pattern: /Action Required/i, reason: 'permission' },
    { name: 'title-spinner', status: 'working', pattern: /^[\u2800-\u28ff◐◑◒◓]/ },
  ],
  screenRules: [
    { name: 'usage-limit', status: 'blocked', region: 'bottom', all: [/(usage limit|hit your limit)/i], reason: 'usage limit reached', resets: 'usage limit' },
    {
      name: 'rate-limit',
      status: 'blocked',
      region: 'bottom',
      all: [/(rate limit (reached|exceeded)|too many requests)/i],
      reason: 'rate limit reached',
      resets: 'rate limit',
    },
    {
      name: 'quota',
      status: 'blocked',
      region: 'bottom',
      all: [/(quota exceeded|insufficient_quota|exceeded your current quota)/i],
      reason: 'quota exceeded',
      resets: 'quota',
    },
    { name: 'sign-in', status: 'blocked', region: 'bottom', all: [/(Sign in with ChatGPT|Provide your own API key)/i], reason: 'login needed' },
    {
      name: 'login-expired',
      status: 'blocked',
      region: 'bottom',
      all: [/(token (has )?expired|(log|sign) in again|401 Unauthorized)/i],
      reason: 'login expired',
    },
    { name: 'invalid-api-key', status: 'blocked', region: 'bottom', all: [/(invalid|incorrect) api key/i], reason: 'API key invalid' },
    { name: 'hook-trust', status: 'blocked', region: 'bottom', all: [/Hooks can run outside the sandbox/i], reason: 'hook trust dialog' },
    {
      name: 'folder-trust',
      status: 'blocked',
      region: 'bottom',
      all: [/(Trust this folder\?|trust the contents of this directory)/i],
      reason: 'folder trust dialog',
    },
    { name: 'update-prompt', status: 'blocked', region: 'bottom', all: [/Update available/i, /(Skip|Update now)/i], reason: 'update prompt' },
    { name: 'approval-prompt', status: 'needs-input', region: 'bottom', all: [/(Would you like to (run|make|grant)|Allow command\?)/i], reason: 'permission' },
    { name: 'confirm-or-cancel', status: 'needs-input', region: 'bottom', all: [/press enter to confirm or esc to cancel/i], reason: 'question' },
    // Its request_user_input dialog (0.171.0, Plan mode; tests/fixtures/agents/codex/question.ansi):
    // the footer also says "esc to interrupt", so this rule comes before the busy one.
    { name: 'question', status: 'needs-input', region: 'bottom', all: [/enter to submit answer/i], reason: 'question' },
    { name: 'esc-to-interrupt', status: 'working', region: 'bottom', all: [/esc to interrupt/i] },
  ],
  hookRules: COMMON_HOOK_RULES,
  answerKeys: { yes: 'y', no: '\x1b' },
};
