// An agent pane's status and the hook events that feed it, as they travel on the wire.
// The status engine (agents/) decides them in the daemon; cards and `explain` show them.
import { z } from 'zod';

export const StatusKind = z.enum(['starting', 'idle', 'thinking', 'working', 'needs-input', 'blocked', 'error', 'exited']);
export type StatusKind = z.infer<typeof StatusKind>;

/** Which evidence decided a status, strongest first. */
export const StatusLayer = z.enum(['process', 'hook', 'title', 'screen', 'activity']);
export type StatusLayer = z.infer<typeof StatusLayer>;

export const PaneStatus = z.object({
  kind: StatusKind,
  /** The tool in use (working) or asking for permission (needs-input). */
  tool: z.string().nullable(),
  /** A short summary of the tool's input, e.g. the shell command. */
  detail: z.string().nullable(),
  /** Why the agent waits or is blocked/failed, e.g. "usage limit reached". */
  reason: z.string().nullable(),
  /** When this status began (ISO 8601). */
  since: z.string(),
  layer: StatusLayer,
  /** The rule that decided it, as named in the agent's adapter. */
  rule: z.string(),
  /** When a blocked status should clear, if the screen says so (a usage limit's reset time, ISO 8601). */
  until: z.string().optional(),
});
export type PaneStatus = z.infer<typeof PaneStatus>;

export const TokenUsage = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative(),
  cacheCreation: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

/** The longest shell command a mode re-runs; a longer one is not re-run (never a cut one). */
export const MAX_SHELL_COMMAND = 10_000;

/** The shell command an agent is about to run, exactly as it gave it: one script for its shell
 *  (Claude Code, Gemini, opencode, Codex `exec_command`) or an argv (Codex `shell`). */
export const ShellCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('script'), script: z.string().min(1).max(MAX_SHELL_COMMAND) }),
  z.object({ kind: z.literal('argv'), argv: z.array(z.string().max(MAX_SHELL_COMMAND)).min(1).max(256) }),
]);
export type ShellCommand = z.infer<typeof ShellCommand>;

/** What `dot-agent-deck hook` extracts from an agent's hook payload. Every field is bounded. */
export const HookEvent = z.object({
  agent: z.string().min(1).max(40),
  /** `hook_event_name`, or an opencode bus event type. */
  event: z.string().min(1).max(100),
  /** `notification_type`, or opencode's session status type. */
  subtype: z.string().max(100).nullable(),
  tool: z.string().max(200).nullable(),
  detail: z.string().max(500).nullable(),
  message: z.string().max(500).nullable(),
  transcriptPath: z.string().max(4096).nullable(),
  /** Set on a pre-tool event of a shell tool: what workspace-mode rules match and re-run. */
  shellCommand: ShellCommand.nullable().optional(),
});
export type HookEvent = z.infer<typeof HookEvent>;

/** One line of a pane's recent history, for `explain`. */
export const StatusEventRecord = z.object({
  at: z.string(),
  kind: z.enum(['hook', 'title', 'status', 'exit', 'start']),
  text: z.string(),
});
export type StatusEventRecord = z.infer<typeof StatusEventRecord>;
