// The adapter table: agent type → adapter.
import type { AgentAdapter, AgentType } from './agent-adapter.js';
import { claudeCode } from './claude-code.js';
import { codex } from './codex.js';
import { gemini } from './gemini.js';
import { generic } from './generic.js';
import { opencode } from './opencode.js';
import { pi } from './pi.js';

export const ADAPTERS: Record<AgentType, AgentAdapter> = {
  'claude-code': claudeCode,
  codex,
  gemini,
  opencode,
  pi,
  generic,
};

/** The adapter for a pane's agent type; unknown or missing types get the generic rules. */
export function adapterFor(agentType: string | null | undefined): AgentAdapter {
  if (agentType !== null && agentType !== undefined && Object.hasOwn(ADAPTERS, agentType)) {
    return ADAPTERS[agentType as AgentType];
  }
  return generic;
}
