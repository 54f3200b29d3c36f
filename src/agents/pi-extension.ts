// The Pi extension the deck installs: Pi has no command hooks, so this extension forwards its
// agent events to `dot-agent-deck hook --agent pi` (only inside a deck pane). Pi loads every
// `*.ts` file in `$PI_CODING_AGENT_DIR/extensions` (default ~/.pi/agent/extensions) at start.

/** First line of the file: how uninstall knows the file is the deck's and not the user's. */
export const PI_EXTENSION_HEADER = '// dot-agent-deck Pi extension — written by `dot-agent-deck hooks install`, removed by `hooks uninstall`.';
export const PI_EXTENSION_FILE = 'dot-agent-deck.ts';

/** The events the pi adapter's hook rules read (src/agents/pi.ts). */
export const PI_FORWARDED = ['session_start', 'agent_start', 'tool_execution_start', 'tool_execution_end', 'agent_end', 'session_shutdown'];

export function piExtensionSource(bin: string): string {
  return `${PI_EXTENSION_HEADER}
import { spawn } from 'node:child_process';

const BIN = ${JSON.stringify(bin)};
const FORWARDED = ${JSON.stringify(PI_FORWARDED)};

function send(payload: Record<string, unknown>): void {
  if (!process.env.DOT_AGENT_DECK_PANE_ID) return;
  try {
    const child = spawn(BIN, ['hook', '--agent', 'pi'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', () => {});
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(payload));
  } catch {
    // never break the agent
  }
}

export default function (pi: { on(event: string, handler: (event: any) => unknown): void }) {
  for (const type of FORWARDED) {
    pi.on(type, async (event: any) => send({ type, tool: event?.toolName, args: event?.args }));
  }
}
`;
}
