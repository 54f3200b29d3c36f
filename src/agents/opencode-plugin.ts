// The opencode plugin the deck installs: opencode has no command hooks, so this plugin forwards
// its bus events to `dot-agent-deck hook --agent opencode` (only inside a deck pane).

/** First line of the file: how uninstall knows the file is the deck's and not the user's. */
export const OPENCODE_PLUGIN_HEADER = '// dot-agent-deck opencode plugin — written by `dot-agent-deck hooks install`, removed by `hooks uninstall`.';
export const OPENCODE_PLUGIN_FILE = 'dot-agent-deck.js';

const FORWARDED = [
  'session.status',
  'session.idle',
  'session.error',
  'permission.asked',
  'permission.replied',
  'question.asked',
  'question.replied',
  'question.rejected',
];

export function opencodePluginSource(bin: string): string {
  return `${OPENCODE_PLUGIN_HEADER}
import { spawn } from 'node:child_process';

const BIN = ${JSON.stringify(bin)};
const FORWARDED = new Set(${JSON.stringify(FORWARDED)});

function send(payload) {
  if (!process.env.DOT_AGENT_DECK_PANE_ID) return;
  try {
    const child = spawn(BIN, ['hook', '--agent', 'opencode'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', () => {});
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(payload));
  } catch {
    // never break the agent
  }
}

export const DotAgentDeck = async () => ({
  event: async ({ event }) => {
    if (FORWARDED.has(event.type)) send({ type: event.type, status: event.properties && event.properties.status });
  },
  'tool.execute.before': async (input, output) => send({ type: 'tool.execute.before', tool: input && input.tool, args: output && output.args }),
  'tool.execute.after': async (input) => send({ type: 'tool.execute.after', tool: input && input.tool }),
});
`;
}
