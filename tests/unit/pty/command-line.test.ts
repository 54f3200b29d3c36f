import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/common/errors.js';
import { parseCommandLine } from '../../../src/pty/command-line.js';

describe('parseCommandLine', () => {
  it.each([
    ['one word', 'claude', ['claude']],
    ['words split on spaces and tabs', 'codex  --no-daemon\t-m o3', ['codex', '--no-daemon', '-m', 'o3']],
    ['leading and trailing space', '  gemini  ', ['gemini']],
    ['single quotes group words', "agent --prompt 'hello world'", ['agent', '--prompt', 'hello world']],
    ['double quotes group words', 'agent "a b"', ['agent', 'a b']],
    ['quotes join with adjacent text', `a'b c'd"e f"`, ['ab cde f']],
    ['an empty quoted argument is kept', "cmd '' x", ['cmd', '', 'x']],
    ['= after the first word is plain', 'claude --model=opus', ['claude', '--model=opus']],
    ['a path to a program', './bin/agent -v', ['./bin/agent', '-v']],
  ])('argv: %s', (_name, command, argv) => {
    expect(parseCommandLine(command)).toEqual({ kind: 'argv', argv });
  });

  it.each([
    ['&&', 'echo a && echo b'],
    ['a pipe', 'ls | head'],
    ['a semicolon', 'cd x; claude'],
    ['a redirection', 'agent > log'],
    ['a variable', 'echo $HOME'],
    ['a command substitution', 'echo `date`'],
    ['a backslash', 'echo a\\ b'],
    ['a glob', 'ls *.md'],
    ['a tilde', 'ls ~/x'],
    ['a comment', 'claude # main agent'],
    ['a subshell', '(cd x && claude)'],
    ['an env assignment in front', 'FOO=1 claude'],
    ['a newline', 'echo a\necho b'],
    ['$ inside double quotes', 'echo "$HOME"'],
    ['exec, a shell built-in', 'exec claude --resume'],
    ['exit, a shell built-in', 'exit 3'],
    ['cd, a shell built-in', 'cd /tmp'],
  ])('shell: %s', (_name, command) => {
    expect(parseCommandLine(command)).toEqual({ kind: 'shell', command });
  });

  it.each([
    ['an empty command', '', /empty/],
    ['a blank command', '  \t ', /empty/],
    ['an unterminated single quote', "agent 'oops", /unterminated ' quote/],
    ['an unterminated double quote', 'agent "oops', /unterminated " quote/],
  ])('refuses %s', (_name, command, message) => {
    expect(() => parseCommandLine(command)).toThrow(UserError);
    expect(() => parseCommandLine(command)).toThrow(message);
  });
});
