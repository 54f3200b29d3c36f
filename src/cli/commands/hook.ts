// `hook --agent NAME`: run by an agent's hook inside a pane. Reads the hook JSON on stdin (capped),
// sends it to the daemon with the pane and agent ids from the environment, and always exits 0
// fast and silently: a hook must never break or slow the agent, and never starts a daemon.
// main.ts runs `runHook` without building the whole program, so keep this file's imports tiny.
import type { CommandRegistrar } from '../program.js';
import type { CliIO } from '../io.js';

/** Hook payloads carry tool output (PostToolUse); past this only the event name is kept. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** An agent that never closes stdin must not keep the hook alive. */
const STDIN_DEADLINE_MS = 1000;
const DAEMON_DEADLINE_MS = 1000;

export const registerHook: CommandRegistrar = (program) => {
  program
    .command('hook')
    .description("report an agent's hook event to the deck (used inside agent hook settings)")
    .requiredOption('--agent <name>', 'claude-code, codex, gemini, opencode or pi')
    .action(async (options: { agent: string }) => {
      const { processIO } = await import('../io.js');
      await runHook(options.agent, processIO());
    });
};

/** Reads stdin up to the cap or the deadline; returns the text and whether it was cut. */
function readCapped(stream: NodeJS.ReadableStream): Promise<{ text: string; cut: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (cut: boolean) => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      stream.removeAllListeners('end');
      stream.removeAllListeners('error');
      // Stop reading for good: a paused pipe still keeps the process alive until the agent closes it.
      if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), cut });
    };
    const timer = setTimeout(() => finish(true), STDIN_DEADLINE_MS);
    stream.on('data', (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const room = MAX_PAYLOAD_BYTES - size;
      chunks.push(buf.subarray(0, Math.max(0, room)));
      size += buf.length;
      if (size > MAX_PAYLOAD_BYTES) finish(true);
      else if (complete(chunks)) finish(false); // an agent that keeps stdin open after the JSON
    });
    stream.on('end', () => finish(false));
    stream.on('error', () => finish(true));
  });
}

/** True once the bytes so far are one whole JSON object. */
function complete(chunks: Buffer[]): boolean {
  const last = chunks.at(-1);
  if (last === undefined || !last.toString('utf8').trimEnd().endsWith('}')) return false;
  try {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** The payload as an object; a cut payload keeps only its event name (it precedes tool output). */
function decode(text: string, cut: boolean): unknown {
  if (!cut) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }
  const name = /"(?:hook_event_name|type)"\s*:\s*"([^"]{1,100})"/.exec(text);
  return name === null ? null : { hook_event_name: name[1] };
}

export async function runHook(agent: string, io: CliIO): Promise<void> {
  const paneId = io.env.DOT_AGENT_DECK_PANE_ID;
  const agentId = io.env.DOT_AGENT_DECK_AGENT_ID;
  const token = io.env.DOT_AGENT_DECK_TOKEN;
  const { text, cut } = await readCapped(io.stdin);
  if (!paneId || !agentId || !token || !io.env.DOT_AGENT_DECK_SOCKET) return; // not inside a deck pane
  const { parseHookPayload } = await import('../../agents/hook-payload.js');
  const event = parseHookPayload(agent, decode(text, cut));
  if (event === null) return;
  const [{ sendOnce }, { VERSION }] = await Promise.all([import('../../protocol/hook-client.js'), import('../../common/version.js')]);
  await sendOnce({
    socketPath: io.env.DOT_AGENT_DECK_SOCKET,
    version: VERSION,
    body: { kind: 'hook', paneId, agentId, event },
    timeoutMs: DAEMON_DEADLINE_MS,
    pane: { paneId, token },
  });
}
