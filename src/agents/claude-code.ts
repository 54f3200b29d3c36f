// Claude Code: hooks in settings.json carry the status; title and screen rules are the second
// opinion (phrases from docs/AGENT-NOTES.md and the recordings in tests/fixtures/agents/claude-code).
import type { AgentAdapter } from './agent-adapter.js';
import { COMMON_HOOK_RULES } from './hook-rules.js';

export const claudeCode: AgentAdapter = {
  type: 'claude-code',
  displayName: 'Claude Code',
  programs: ['claude', 'claude-code'],
  signatures: { screen: [/Claude Code v\d+\.\d+/], title: [/^\S*\s*Claude Code$/] },
  // The input box line starts with ❯; a numbered choice (`❯ 1. Yes`) is a dialog, not the box.
  readyMarkers: [/^\s*❯(?!\s*\d+\.)/],
  readyQuietMs: 300,
  titleRules: [
    { name: 'title-spinner', status: 'working', pattern: /^[\u2800-\u28ff◐◑◒◓]/ },
    { name: 'title-idle-mark', status: 'idle', pattern: /^✳/ },
  ],
  screenRules: [
    // Before usage-limit: "rate limit reached" also ends in "limit reached".
    {
      name: 'rate-limit',
      status: 'blocked',
      region: 'bottom',
      all: [/(rate[ _]limit(ed|_error| reached| exceeded)|429 too many requests|API Error:? \(?429\b)/i],
      reason: 'rate limit reached',
      resets: 'rate limit',
    },
    {
      name: 'usage-limit',
      status: 'blocked',
      region: 'bottom',
      all: [/(usage limit|hit your limit|limit reached)/i],
      reason: 'usage limit reached',
      resets: 'usage limit',
    },
    {
      name: 'quota',
      status: 'blocked',
      region: 'bottom',
      all: [/(credit balance is too low|out of extra usage)/i],
      reason: 'credit balance too low',
      resets: 'credits',
    },
    // Before login-expired: "Invalid API key · Please run /login" names both.
    {
      name: 'invalid-api-key',
      status: 'blocked',
      region: 'bottom',
      all: [/(invalid api key|invalid x-api-key|authentication_error)/i],
      reason: 'API key invalid',
    },
    {
      name: 'login-expired',
      status: 'blocked',
      region: 'bottom',
      all: [/(oauth token has expired|please run \/login|not logged in|session has expired)/i],
      reason: 'login expired',
    },
    {
      name: 'folder-trust',
      status: 'blocked',
      region: 'bottom',
      all: [/(trust the files in this folder|trust this folder|project you created or one you trust)/i],
      reason: 'folder trust dialog',
    },
    { name: 'custom-api-key', status: 'blocked', region: 'bottom', all: [/Detected a custom API key/i], reason: 'API key confirmation' },
    {
      name: 'permission-dialog',
      status: 'needs-input',
      region: 'bottom',
      all: [/Do you want to (proceed|make this edit|create)/i, /1\. Yes/],
      reason: 'permission',
    },
    { name: 'select-dialog', status: 'needs-input', region: 'bottom', all: [/esc to cancel/i, /enter to (confirm|select)/i], reason: 'question' },
    { name: 'esc-to-interrupt', status: 'working', region: 'bottom', all: [/esc to interrupt/i] },
  ],
  hookRules: COMMON_HOOK_RULES,
  // Number keys pick a dialog option directly; Esc declines ("No, and tell Claude … (esc)").
  answerKeys: { yes: '1', no: '\x1b' },
};
