// opencode: no command hooks; the deck's plugin forwards bus events to `dot-agent-deck hook`.
// Screen phrases from docs/AGENT-NOTES.md.
import type { AgentAdapter } from './agent-adapter.js';

export const opencode: AgentAdapter = {
  type: 'opencode',
  displayName: 'opencode',
  programs: ['opencode'],
  signatures: { screen: [/Ask anything… "/], title: [/^OpenCode$/] },
  readyMarkers: [/Ask anything/],
  // Keys typed in the first second after the box appears can be lost (docs/AGENT-NOTES.md).
  readyQuietMs: 1000,
  // Several started at once against one data dir: one may sit idle after loading its config and
  // never draw (1.18.33; README, opencode). A start that shows nothing for 30 s is restarted once.
  start: { apart: true, silentRestartMs: 30_000 },
  titleRules: [],
  screenRules: [
    // opencode shows the provider's own error: the wordings of the providers it fronts.
    { name: 'usage-limit', status: 'blocked', region: 'bottom', all: [/(usage limit|hit your limit)/i], reason: 'usage limit reached', resets: 'usage limit' },
    {
      name: 'quota',
      status: 'blocked',
      region: 'bottom',
      all: [/(quota exceeded|exceeded your current quota|insufficient_quota|credit balance is too low)/i],
      reason: 'quota exceeded',
      resets: 'quota',
    },
    { name: 'rate-limit', status: 'blocked', region: 'bottom', all: [/(rate limit|too many requests)/i], reason: 'rate limit reached', resets: 'rate limit' },
    {
      name: 'invalid-api-key',
      status: 'blocked',
      region: 'bottom',
      all: [/(invalid api key|invalid x-api-key|API key not valid)/i],
      reason: 'API key invalid',
    },
    { name: 'login-expired', status: 'blocked', region: 'bottom', all: [/(token (has )?expired|opencode auth login|unauthorized)/i], reason: 'login expired' },
    { name: 'permission-required', status: 'needs-input', region: 'bottom', all: [/Permission required/i], reason: 'permission' },
    // Its question tool's footer (1.18.33, tests/fixtures/agents/opencode/question.ansi).
    { name: 'question', status: 'needs-input', region: 'bottom', all: [/↑↓ select\s+enter submit/i], reason: 'question' },
    { name: 'esc-interrupt', status: 'working', region: 'bottom', all: [/esc interrupt/i] },
  ],
  // opencode emits idle/error while booting, so idle here never proves a delivered prompt.
  hookRules: [
    { event: 'session.status', subtype: 'busy', effect: { status: 'thinking' } },
    { event: 'session.status', subtype: 'idle', effect: { status: 'idle' } },
    { event: 'session.idle', effect: { status: 'idle' } },
    { event: 'session.error', effect: { status: 'error' } },
    { event: 'permission.asked', effect: { status: 'needs-input', reason: 'permission' } },
    { event: 'permission.replied', effect: { status: 'working' } },
    { event: 'question.asked', effect: { status: 'needs-input', reason: 'question' } },
    { event: 'question.replied', effect: { status: 'thinking' } },
    { event: 'question.rejected', effect: { status: 'thinking' } },
    { event: 'tool.execute.before', effect: { status: 'working' } },
    { event: 'tool.execute.after', effect: { status: 'thinking' } },
  ],
  answerKeys: { yes: '\r', no: '\x1b' },
};
