// Reads an agent's hook payload (untrusted JSON on stdin) into a bounded HookEvent. Pure, and
// light on imports: `dot-agent-deck hook` runs it on every hook, so it must load fast.
import type { HookEvent } from '../protocol/pane-status.js';
import { shellCommandOf } from './shell-command.js';

const MAX_DETAIL = 200;
// Tool input fields worth showing on a card, most telling first.
const DETAIL_FIELDS = ['command', 'file_path', 'path', 'pattern', 'url', 'query', 'description', 'prompt'];

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function toolDetail(input: unknown): string | null {
  const fields = record(input);
  if (fields === null) return text(input, MAX_DETAIL);
  for (const name of DETAIL_FIELDS) {
    const value = text(fields[name], MAX_DETAIL);
    if (value !== null) return value;
  }
  return null;
}

function promptLine(prompt: unknown): string | undefined {
  return typeof prompt === 'string' ? prompt.split('\n').find((line) => line.trim() !== '') : undefined;
}

/** The event in a payload, or null when it is not an object with an event name. */
export function parseHookPayload(agent: string, payload: unknown): HookEvent | null {
  const body = record(payload);
  if (body === null) return null;
  const event = text(body.hook_event_name ?? body.type, 100);
  if (event === null) return null;
  const status = record(body.status);
  return {
    agent: agent.slice(0, 40),
    event,
    subtype: text(body.notification_type ?? status?.type ?? body.status, 100),
    tool: text(body.tool_name ?? body.tool, 200),
    detail: toolDetail(body.tool_input ?? body.args),
    // `prompt`: what UserPromptSubmit / BeforeAgent carry; its first line is the card's current task.
    message: text(body.error ?? body.message ?? body.last_assistant_message ?? promptLine(body.prompt), 500),
    transcriptPath: text(body.transcript_path, 4096),
    shellCommand: shellCommandOf(body, event),
  };
}
