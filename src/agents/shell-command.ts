// The shell command an agent is about to run, read from its pre-tool hook payload: Claude Code's
// `Bash`, Codex's `exec_command` and `shell`, Gemini's `run_shell_command`, opencode's `bash`.
// Workspace-mode rules match it and re-run it in a reactive pane. Pure, and light on imports
// (`dot-agent-deck hook` runs it on every hook). The text is kept exactly: never trimmed, never
// cut (a command over the cap is dropped), so what re-runs is what the agent ran.
import { MAX_SHELL_COMMAND, type ShellCommand } from '../protocol/pane-status.js';

/** Pre-tool events: Claude Code and Codex `PreToolUse`, Gemini `BeforeTool`, opencode's bus event. */
const PRE_TOOL_EVENTS = new Set(['PreToolUse', 'BeforeTool', 'tool.execute.before']);

/** Shell tools, lower-cased: Claude Code `Bash`, opencode `bash`, Codex `exec_command`/`shell`/
 *  `local_shell`, Gemini `run_shell_command`. */
const SHELL_TOOLS = new Set(['bash', 'exec_command', 'shell', 'local_shell', 'run_shell_command']);

const MAX_ARGV = 256;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The command of a pre-tool payload of a shell tool, or null for anything else. */
export function shellCommandOf(body: Record<string, unknown>, event: string): ShellCommand | null {
  if (!PRE_TOOL_EVENTS.has(event)) return null;
  const tool = body.tool_name ?? body.tool;
  if (typeof tool !== 'string' || !SHELL_TOOLS.has(tool.toLowerCase())) return null;
  const input = record(body.tool_input ?? body.args);
  if (input === null) return null;
  const command = input.command ?? input.cmd;
  if (typeof command === 'string') {
    return command.trim() === '' || command.length > MAX_SHELL_COMMAND ? null : { kind: 'script', script: command };
  }
  if (Array.isArray(command) && command.length > 0 && command.length <= MAX_ARGV) {
    if (!command.every((word): word is string => typeof word === 'string' && word.length <= MAX_SHELL_COMMAND)) return null;
    return { kind: 'argv', argv: command };
  }
  return null;
}

// `bash -lc SCRIPT`, `sh -c SCRIPT`, `/bin/zsh -c SCRIPT`: Codex wraps its commands this way.
const SHELL_PROGRAM = /^(?:.*\/)?(?:ba|z|da|k|fi)?sh$/;
const SCRIPT_FLAG = /^-l?c$/;

/** The command line a rule's pattern is matched against: the script a shell runs (also when
 *  wrapped in `bash -lc`), otherwise the words joined by spaces. */
export function commandLineOf(command: ShellCommand): string {
  if (command.kind === 'script') return command.script;
  const [program, flag, script, ...rest] = command.argv;
  if (program !== undefined && flag !== undefined && script !== undefined && rest.length === 0 && SHELL_PROGRAM.test(program) && SCRIPT_FLAG.test(flag)) {
    return script;
  }
  return command.argv.join(' ');
}
