// Any other command: no hooks, no title conventions; only generic prompts and output activity.
import type { AgentAdapter } from './agent-adapter.js';

export const generic: AgentAdapter = {
  type: 'generic',
  displayName: 'command',
  programs: [],
  signatures: { screen: [], title: [] },
  // A shell-like prompt at the end of the line: `$ `, `% `, `# `, `> `, `❯ `, `› `, `: `.
  readyMarkers: [/[$%#>❯›:]\s?$/],
  readyQuietMs: 500,
  titleRules: [],
  screenRules: [
    { name: 'yes-no-question', status: 'needs-input', region: 'bottom', all: [/(\[y\/n\]|\(y\/n\)|\[Y\/n\]|\[y\/N\])\s*\??\s*$/], reason: 'question' },
  ],
  hookRules: [],
  answerKeys: { yes: 'y\r', no: 'n\r' },
};
