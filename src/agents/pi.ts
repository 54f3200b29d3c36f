// Pi (npm @mariozechner/pi-coding-agent): no command hooks; the deck's extension
// (pi-extension.ts) forwards its agent events to `dot-agent-deck hook --agent pi`. Pi has no
// permission dialogs of its own. Screen phrases from the recordings in tests/fixtures/agents/pi.
import type { AgentAdapter } from './agent-adapter.js';

export const pi: AgentAdapter = {
  type: 'pi',
  displayName: 'Pi',
  programs: ['pi'],
  signatures: { screen: [/^\s*pi v\d+\.\d+\.\d+\s*$/], title: [/^π - /] },
  // The footer under the editor: context use, `0.0%/128k (auto)`; drawn once the editor listens.
  readyMarkers: [/\d+(\.\d+)?%\/\d+k \(/],
  readyQuietMs: 500,
  titleRules: [],
  screenRules: [
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
    { name: 'invalid-api-key', status: 'blocked', region: 'bottom', all: [/(invalid api key|invalid x-api-key|No API key found)/i], reason: 'API key invalid' },
    // An extension's confirm or select dialog (Pi's own UI has none).
    { name: 'dialog', status: 'needs-input', region: 'bottom', all: [/(enter to (confirm|select)|↑↓ (to )?navigate)/i], reason: 'question' },
    { name: 'working', status: 'working', region: 'bottom', all: [/^\s*[\u2800-\u28ff] Working\.\.\./] },
  ],
  hookRules: [
    { event: 'session_start', effect: { status: 'starting' } },
    { event: 'agent_start', effect: { status: 'thinking' } },
    { event: 'tool_execution_start', effect: { status: 'working' } },
    { event: 'tool_execution_end', effect: { status: 'thinking' } },
    { event: 'agent_end', effect: { status: 'idle' } },
    { event: 'session_shutdown', effect: { status: 'clear' } },
  ],
  answerKeys: { yes: '\r', no: '\x1b' },
};
