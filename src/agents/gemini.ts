// Gemini CLI: its own hook names (BeforeAgent, BeforeTool, …) and screen phrases from
// docs/AGENT-NOTES.md.
import type { AgentAdapter } from './agent-adapter.js';

export const gemini: AgentAdapter = {
  type: 'gemini',
  displayName: 'Gemini CLI',
  programs: ['gemini'],
  signatures: { screen: [/Gemini CLI v\d+\.\d+/, /Type your message or @path\/to\/file/], title: [/^◇\s+Ready \(/] },
  readyMarkers: [/Type your message/],
  readyQuietMs: 300,
  titleRules: [],
  screenRules: [
    {
      name: 'usage-limit',
      status: 'blocked',
      region: 'bottom',
      all: [/(usage limit|reached your daily .*limit)/i],
      reason: 'usage limit reached',
      resets: 'usage limit',
    },
    {
      name: 'quota',
      status: 'blocked',
      region: 'bottom',
      all: [/(quota exceeded|exhausted your .*quota|resource_exhausted|resource has been exhausted)/i],
      reason: 'quota exceeded',
      resets: 'quota',
    },
    {
      name: 'rate-limit',
      status: 'blocked',
      region: 'bottom',
      all: [/(rate limit|too many requests|status:? 429\b)/i],
      reason: 'rate limit reached',
      resets: 'rate limit',
    },
    { name: 'invalid-api-key', status: 'blocked', region: 'bottom', all: [/(API key not valid|invalid api key|API_KEY_INVALID)/i], reason: 'API key invalid' },
    { name: 'login-expired', status: 'blocked', region: 'bottom', all: [/(token (has )?expired|session expired|re-?authenticate)/i], reason: 'login expired' },
    { name: 'folder-trust', status: 'blocked', region: 'bottom', all: [/Do you trust (the files in )?this folder/i], reason: 'folder trust dialog' },
    { name: 'auth-dialog', status: 'blocked', region: 'bottom', all: [/(Get started|How would you like to authenticate)/i], reason: 'login needed' },
    {
      name: 'permission-prompt',
      status: 'needs-input',
      region: 'bottom',
      all: [/(Allow execution|Apply this change|Do you want to proceed|waiting for user confirmation)/i],
      reason: 'permission',
    },
    // Its ask_user dialog (0.61.0, tests/fixtures/agents/gemini/question.ansi): the footer also
    // says "Esc to cancel", so this rule comes before the busy one.
    { name: 'question', status: 'needs-input', region: 'bottom', all: [/Enter to select · ↑\/↓ to navigate/i], reason: 'question' },
    { name: 'esc-to-cancel', status: 'working', region: 'bottom', all: [/esc to cancel/i] },
  ],
  hookRules: [
    { event: 'SessionStart', effect: { status: 'starting' } },
    { event: 'BeforeAgent', effect: { status: 'thinking' } },
    { event: 'BeforeTool', effect: { status: 'working' } },
    { event: 'AfterTool', effect: { status: 'thinking' } },
    { event: 'Notification', subtype: 'ToolPermission', effect: { status: 'needs-input', reason: 'permission' } },
    { event: 'Notification', effect: { status: 'keep' } },
    { event: 'AfterAgent', effect: { status: 'idle' } },
    { event: 'PreCompress', effect: { status: 'working' } },
    { event: 'SessionEnd', effect: { status: 'clear' } },
  ],
  answerKeys: { yes: '1', no: '\x1b' },
  // 0.61.0 takes a typed `?` as "show shortcuts", even mid-line: `is it? yes` shows as `is it yes`.
  typeLineAs: 'paste',
};
