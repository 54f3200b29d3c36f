// opencode: no command hooks; the deck's plugin forwards bus events to `dot-agent-deck hook`.
// Screen phrases from AGENT-NOTES.md.
import type { AgentAdapter } from './agent-adapter.js';

export const opencode: AgentAdapter = {
  type: 'opencode',
  displayName: 'opencode',
  programs: ['opencode'],
  readyMarkers: [/Ask anything/],
  // Keys typed in the first second after the box appears can be lost (AGENT-NOTES.md).
  readyQuietMs: 1000,
  titleRules: [],
  screenRules: [
    { name: 'usage-limit', status: 'blocked', region: 'bottom', all: [/(usage limit|quota exceeded|rate limit)/i], reason: 'usage limit reached' },
    { name: 'permission-required', status: 'needs-input', region: 'bottom', all: [/Permission required/i], reason: 'permission' },
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
    { event: 'tool.execute.before', effect: { status: 'working' } },
    { event: 'tool.execute.after', effect: { status: 'thinking' } },
  ],
  answerKeys: { yes: '\r', no: '\x1b' },
};
