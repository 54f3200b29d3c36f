import { describe, expect, it } from 'vitest';
import { parseHookPayload } from '../../../src/agents/hook-payload.js';
import { commandLineOf, shellCommandOf } from '../../../src/agents/shell-command.js';
import type { ShellCommand } from '../../../src/protocol/pane-status.js';

describe('shellCommandOf', () => {
  it.each<[string, Record<string, unknown>, ShellCommand | null]>([
    [
      'Claude Code Bash keeps the text exactly',
      { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'npm  test\n  --run ' } },
      { kind: 'script', script: 'npm  test\n  --run ' },
    ],
    [
      'Codex exec_command (cmd)',
      { hook_event_name: 'PreToolUse', tool_name: 'exec_command', tool_input: { cmd: 'cargo test' } },
      { kind: 'script', script: 'cargo test' },
    ],
    [
      'Codex shell (argv)',
      { hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['bash', '-lc', 'npm test'] } },
      { kind: 'argv', argv: ['bash', '-lc', 'npm test'] },
    ],
    [
      'Gemini run_shell_command',
      { hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 'pytest -q' } },
      { kind: 'script', script: 'pytest -q' },
    ],
    ['opencode bash', { type: 'tool.execute.before', tool: 'bash', args: { command: 'go test ./...' } }, { kind: 'script', script: 'go test ./...' }],
    ['not a pre-tool event', { hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }, null],
    ['not a shell tool', { hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { command: 'ls' } }, null],
    ['an empty command', { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: '  ' } }, null],
    ['a command over the cap is dropped, never cut', { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'x'.repeat(10_001) } }, null],
    ['an argv with a non-string', { hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['ls', 3] } }, null],
    ['no tool input', { hook_event_name: 'PreToolUse', tool_name: 'Bash' }, null],
  ])('%s', (_name, payload, expected) => {
    const event = String(payload.hook_event_name ?? payload.type);
    expect(shellCommandOf(payload, event)).toEqual(expected);
  });

  it('travels on the hook event that `dot-agent-deck hook` sends', () => {
    const event = parseHookPayload('claude-code', { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'npm test' } });
    expect(event?.shellCommand).toEqual({ kind: 'script', script: 'npm test' });
  });
});

describe('commandLineOf', () => {
  it.each<[ShellCommand, string]>([
    [{ kind: 'script', script: 'npm test -- --run' }, 'npm test -- --run'],
    [{ kind: 'argv', argv: ['bash', '-lc', 'npm test'] }, 'npm test'],
    [{ kind: 'argv', argv: ['/bin/zsh', '-c', 'make check'] }, 'make check'],
    [{ kind: 'argv', argv: ['cargo', 'test', '--all'] }, 'cargo test --all'],
    [{ kind: 'argv', argv: ['bash', '-lc', 'a', 'extra'] }, 'bash -lc a extra'],
  ])('%j → %s', (command, line) => {
    expect(commandLineOf(command)).toBe(line);
  });
});
