// The agent CLIs the deck knows how to suggest, and how to spot one in a line of shell.
// Pure: the config generator uses it to tell which project scripts start an agent.

export const AGENT_CLIS = ['claude', 'codex', 'gemini', 'opencode'] as const;
export type AgentCli = (typeof AGENT_CLIS)[number];

/** Executable and npm package names each CLI goes by (`npx @anthropic-ai/claude-code`). */
const ALIASES: Readonly<Record<string, AgentCli>> = {
  claude: 'claude',
  'claude-code': 'claude',
  codex: 'codex',
  gemini: 'gemini',
  'gemini-cli': 'gemini',
  opencode: 'opencode',
  'opencode-ai': 'opencode',
};

/**
 * The agent CLIs a shell snippet runs, in first-seen order. Matches whole words only, so
 * `claude-notes.md` or `gemini_key` are not taken for an agent; a path or npm scope before the
 * name (`~/bin/codex`, `@openai/codex@latest`) is allowed.
 */
export function agentsMentioned(shell: string): AgentCli[] {
  const found = new Set<AgentCli>();
  for (const word of shell.split(/[\s;&|()'"`<>=,]+/)) {
    const name = word.slice(word.lastIndexOf('/') + 1).replace(/@[^@]*$/, '');
    const agent = ALIASES[name];
    if (agent) found.add(agent);
  }
  return [...found];
}
