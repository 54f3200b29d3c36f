// A project with one workspace mode, and the pre-tool hook payloads of each agent CLI that runs a
// shell command, for mode tests (daemon and deck). The payload shapes are the CLIs' own
// (docs/AGENT-NOTES.md §Hooks).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModeProjectOptions {
  name?: string;
  reactivePanes?: number;
  extra?: string[];
}

/** `.dot-agent-deck.toml` with mode `dev`: two persistent panes (one watched, one run once) and a
 *  rule for `printf` commands. */
export function writeModeProject(dir: string, options: ModeProjectOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const lines = [
    '[[modes]]',
    `name = "${options.name ?? 'dev'}"`,
    `reactive_panes = ${options.reactivePanes ?? 2}`,
    ...(options.extra ?? []),
    '[[modes.panes]]',
    'name = "ticks"',
    'command = "echo persistent-watched"',
    '[[modes.panes]]',
    'name = "once"',
    `command = "sh -c 'echo streamed-once; exec sleep 600'"`,
    'watch = false',
    '[[modes.rules]]',
    'pattern = "^printf "',
  ];
  writeFileSync(join(dir, '.dot-agent-deck.toml'), `${lines.join('\n')}\n`);
}

export type ShellAgent = 'claude-code' | 'codex' | 'gemini' | 'opencode';

/** The pre-tool payload with which `agent` announces it runs `script` in its shell tool. */
export function preToolPayload(agent: ShellAgent, script: string): Record<string, unknown> {
  switch (agent) {
    case 'claude-code':
      return { hook_event_name: 'PreToolUse', session_id: 's', cwd: '/', tool_name: 'Bash', tool_input: { command: script, description: 'run it' } };
    case 'codex':
      return { hook_event_name: 'PreToolUse', session_id: 's', cwd: '/', tool_name: 'shell', tool_input: { command: ['bash', '-lc', script] } };
    case 'gemini':
      return { hook_event_name: 'BeforeTool', session_id: 's', cwd: '/', tool_name: 'run_shell_command', tool_input: { command: script } };
    case 'opencode':
      return { type: 'tool.execute.before', tool: 'bash', args: { command: script, description: 'run it' } };
  }
}
