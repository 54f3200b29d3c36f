import { describe, expect, it } from 'vitest';
import { detectAgentType } from '../../../src/agents/detect-agent.js';

describe('detectAgentType', () => {
  it.each([
    ['plain program', 'claude', 'claude-code'],
    ['a path', '/usr/local/bin/claude --resume', 'claude-code'],
    ['codex with flags', 'codex --no-daemon', 'codex'],
    ['gemini', 'gemini -m flash', 'gemini'],
    ['opencode', 'opencode .', 'opencode'],
    ['env with assignments', 'env -i FOO=1 BAR=2 codex', 'codex'],
    ['VAR= in front', 'ANTHROPIC_BASE_URL=http://x claude', 'claude-code'],
    ['sudo with options', 'sudo -E -u agent gemini', 'gemini'],
    ['sh -c with quotes', "sh -c 'cd /tmp && exec claude --model opus'", 'claude-code'],
    ['bash -lc', 'bash -lc "opencode"', 'opencode'],
    ['npx with a scoped package', 'npx @anthropic-ai/claude-code@latest', 'claude-code'],
    ['a list of commands', 'cd proj; codex', 'codex'],
    ['an unknown program', 'devbox run agent-coder', null],
    ['a shell without -c', 'bash', null],
    ['an empty line', '   ', null],
    ['an unterminated quote', "sh -c 'claude", 'claude-code'],
    ['a name that only contains an agent', 'claude-wrapper', null],
  ])('%s', (_name, command, expected) => {
    expect(detectAgentType(command)).toBe(expected);
  });
});
