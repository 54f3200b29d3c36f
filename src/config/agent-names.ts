// The agent CLIs the deck knows by name: a role may name its agent (`agent = "codex"`) when its
// command is a wrapper the deck cannot see through. src/agents/ keeps one adapter per name.
import { z } from 'zod';

export const AgentName = z.enum(['claude-code', 'codex', 'gemini', 'opencode', 'pi', 'generic']);
export type AgentName = z.infer<typeof AgentName>;
