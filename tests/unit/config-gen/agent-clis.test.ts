import { describe, expect, it } from 'vitest';
import { agentsMentioned } from '../../../src/config-gen/agent-clis.js';

describe('agentsMentioned', () => {
  it.each([
    ['claude', ['claude']],
    ['claude --model haiku', ['claude']],
    ['devbox run claude', ['claude']],
    ['exec gemini --model gemini-2.5-pro "$@"', ['gemini']],
    ['npx @anthropic-ai/claude-code@latest', ['claude']],
    ['npx -y @openai/codex', ['codex']],
    ['~/.local/bin/opencode', ['opencode']],
    ['FOO=1 codex && gemini; claude', ['codex', 'gemini', 'claude']],
    ['(cd app && opencode-ai)', ['opencode']],
    ['cat claude-notes.md', []],
    ['echo $GEMINI_KEY gemini_key', []],
    ['vitest run', []],
    ['', []],
  ])('%j → %j', (shell, agents) => {
    expect(agentsMentioned(shell)).toEqual(agents);
  });
});
