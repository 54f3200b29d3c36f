// The project file `.dot-agent-deck.toml`: the single source of its types, defaults and rules.
// Field names and defaults follow the original Rust dot-agent-deck so existing files keep
// working. Rules that need the project directory (name collisions) live in project-checks.ts.
import { z } from 'zod';
import { RemoteName } from './remote-config.js';
import { AgentName } from './agent-names.js';
import { patternProblem, safeName, shellCommand } from './project-fields.js';

/** 7 days: a longer silence is indistinguishable from "never", so 0 (disabled) says it better. */
export const MAX_WORKER_RESPONSE_TIMEOUT_MINUTES = 10_080;
export const DEFAULT_WORKER_RESPONSE_TIMEOUT_MINUTES = 120;
export const DEFAULT_STALL_GRACE_SECONDS = 180;
export const MAX_STALL_GRACE_SECONDS = 86_400;
export const DEFAULT_MAX_RESUMES = 3;
export const MAX_RESUMES = 20;
/** Each reactive pane is a live PTY; more than this is a mistake, not a layout. */
export const MAX_REACTIVE_PANES = 16;
/** One day: a slower refresh is better served by a cron job than a pane. */
export const MAX_RULE_INTERVAL_SECONDS = 86_400;

// Refinements below must also run when a sibling field already failed, so one pass reports
// every problem; `when: always` does that, and the checks read the value defensively.
const always = { when: () => true };

export const WorkspaceModePane = z
  .strictObject({
    command: shellCommand('Command shown in this pane while the mode is active.'),
    name: z.string().optional().describe('Title shown on the pane; defaults to the command.'),
    watch: z
      .boolean()
      .default(true)
      .describe('Re-run the command every 10 seconds, like `watch` (default true); use false for commands that keep running, such as `kubectl get pods -w`.'),
  })
  .describe('A pane that stays open while the mode is active.');
export type WorkspaceModePane = z.infer<typeof WorkspaceModePane>;

export const WorkspaceModeRule = z
  .strictObject({
    pattern: z
      .string()
      .superRefine((pattern, ctx) => {
        const problem = patternProblem(pattern);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe(
        'Regular expression matched against commands the agent runs; a match opens the command in a reactive pane. A leading (?i) makes it case-insensitive.',
      ),
    watch: z.boolean().default(false).describe('Keep re-running the matched command every `interval` seconds instead of running it once (default false).'),
    interval: z
      .int()
      .min(1, { error: 'must be at least 1 (seconds)' })
      .max(MAX_RULE_INTERVAL_SECONDS, { error: `must be at most ${MAX_RULE_INTERVAL_SECONDS} seconds (one day)` })
      .optional()
      .describe('Seconds between re-runs of a watched rule (default 5); only valid with watch = true.'),
  })
  .superRefine((rule, ctx) => {
    if (rule.interval !== undefined && rule.watch !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['interval'],
        message: 'only applies to watched rules: add `watch = true` to this rule, or remove `interval`',
      });
    }
  }, always)
  .describe('Routes matching agent commands into reactive side panes.');
export type WorkspaceModeRule = z.infer<typeof WorkspaceModeRule>;

export const WorkspaceMode = z
  .strictObject({
    name: safeName().describe('Name shown in the mode picker; unique within the file.'),
    init_command: shellCommand('Command typed into every side pane before its own command, e.g. `devbox shell`.').optional(),
    seed_prompt: z.string().optional().describe("Prompt delivered to the mode's agent pane once the agent is ready for input."),
    reactive_panes: z
      .int()
      .min(0, { error: 'must be 0 or more' })
      .max(MAX_REACTIVE_PANES, { error: `must be at most ${MAX_REACTIVE_PANES}` })
      .default(2)
      .describe('How many reactive side panes the mode keeps for commands matched by rules; they are reused in turn (default 2).'),
    panes: z.array(WorkspaceModePane).default([]).describe('Persistent panes opened with the mode.'),
    rules: z.array(WorkspaceModeRule).default([]).describe('Rules that route agent commands into reactive panes.'),
  })
  .superRefine((mode, ctx) => {
    if (Array.isArray(mode.rules) && mode.rules.length > 0 && mode.reactive_panes === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reactive_panes'],
        message: 'is 0, but this mode has rules and rules open their commands in reactive panes: set it to 1 or more, or remove the rules',
      });
    }
  }, always)
  .describe('A workspace layout: an agent pane plus persistent and reactive side panes.');
export type WorkspaceMode = z.infer<typeof WorkspaceMode>;

export const PaneControl = z.enum(['own', 'group', 'all']);
export type PaneControl = z.infer<typeof PaneControl>;

export const Role = z
  .strictObject({
    name: safeName().describe('Role name used with `delegate --to`; unique within the orchestration.'),
    command: shellCommand('Command that starts the agent for this role, e.g. `claude`.'),
    agent: AgentName.optional().describe(
      'The agent CLI the command starts, when the command does not say (a wrapper script such as `run-agent.sh`): claude-code, codex, gemini, opencode, pi or generic.',
    ),
    start: z.boolean().default(false).describe('The role you talk to (the orchestrator); exactly one role has start = true.'),
    description: z.string().optional().describe('What this worker is for; the orchestrator reads it to pick whom to delegate to.'),
    prompt_template: z.string().optional().describe('Standing instructions put before every task delegated to this role.'),
    clear: z.boolean().default(true).describe("Restart the role's agent before each task (default true); false keeps its conversation."),
    resume_after_limit: z
      .boolean()
      .optional()
      .describe("When this role's agent hits a usage limit that states its reset time, type its continue input then (overrides the top-level setting)."),
    stage: z
      .int()
      .min(1, { error: 'must be 1 or more (stage 1 works first)' })
      .max(99, { error: 'must be at most 99' })
      .optional()
      .describe(
        "The role's echelon: stage 1 works first; the orchestrator is warned (or refused, with enforce_stages) when it delegates to a later stage while an earlier one has open work.",
      ),
    control: PaneControl.optional().describe(
      'What deck commands run from inside this pane may act on: "own" (its own pane; the default), "group" (every pane of its tab) or "all" (like you at your own terminal).',
    ),
    host: RemoteName.optional().describe(
      "A remote of config.toml (`dot-agent-deck remote add NAME …`) whose daemon runs this worker's pane, in the remote's `dir` (else the same path); delegate and work-done travel over ssh.",
    ),
  })
  .describe('One agent pane in an orchestration.');
export type Role = z.infer<typeof Role>;

interface LooseRole {
  name?: unknown;
  start?: unknown;
}

export const Orchestration = z
  .strictObject({
    name: safeName().optional().describe('Tab name; defaults to the project directory name.'),
    default: z
      .boolean()
      .default(false)
      .describe('The orchestration `up` opens without --orchestration and the new-pane form preselects, when the file has several.'),
    roles: z.array(Role).default([]).describe('The roles of this orchestration: one start role and at least one worker.'),
    rules_file: z
      .string()
      .min(1, { error: 'must name a file, e.g. "docs/agents.md"' })
      .optional()
      .describe('A file of rules every agent of this team reads before its own instructions (relative to the project directory); `validate` checks it exists.'),
    enforce_stages: z
      .boolean()
      .default(false)
      .describe('Refuse a delegation to a later stage while an earlier stage has open or queued work (default false: a warning).'),
    shared_prompt: z
      .string()
      .optional()
      .describe('Rules every agent of this team reads before its own instructions, written inline (with or instead of rules_file).'),
  })
  .superRefine((orchestration, ctx) => {
    if (!Array.isArray(orchestration.roles)) return;
    const roles = orchestration.roles as readonly LooseRole[];
    // One role is a warning (projectChecks), as the original accepts it: a start role alone.
    if (roles.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'has no roles: add a start role you talk to and a worker it delegates to ([[orchestrations.roles]])' });
    }
    const starts = roles.flatMap((role, index) => (role.start === true ? [index] : []));
    // A `start = "yes"` or a role that is not a table already has its own type error;
    // "no start role" on top of it would be noise.
    const startUnreadable = roles.some(
      (role) => typeof role !== 'object' || Array.isArray(role) || (role.start !== undefined && typeof role.start !== 'boolean'),
    );
    if (starts.length === 0 && roles.length > 0 && !startUnreadable) {
      ctx.addIssue({
        code: 'custom',
        message: 'has no role with `start = true`: mark the role you talk to (usually the orchestrator)',
      });
    }
    const [first, ...extra] = starts;
    for (const index of extra) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles', index, 'start'],
        message: `only one role may have \`start = true\`, and ${describeRole(roles, first!)} already has it`,
      });
    }
    const seen = new Map<string, number>();
    roles.forEach((role, index) => {
      if (typeof role.name !== 'string') return;
      const earlier = seen.get(role.name);
      if (earlier === undefined) seen.set(role.name, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', index, 'name'],
          message: `duplicate role name ${JSON.stringify(role.name)} (also roles[${earlier}]): role names must be unique within an orchestration`,
        });
      }
    });
  }, always)
  .describe('A team of agents: the start role delegates tasks to the other roles.');
export type Orchestration = z.infer<typeof Orchestration>;

function describeRole(roles: readonly LooseRole[], index: number): string {
  const name = roles[index]?.name;
  return typeof name === 'string' ? `${JSON.stringify(name)} (roles[${index}])` : `roles[${index}]`;
}

export const Features = z
  .strictObject({
    experimental: z.boolean().default(false).describe('Turn on features that are still being tried out.'),
  })
  .describe('Feature switches for this project.');

export const ProjectConfig = z
  .strictObject({
    worker_response_timeout_minutes: z
      .int()
      .min(0, { error: 'must be 0 (disabled) or between 1 and 10080 minutes' })
      .max(MAX_WORKER_RESPONSE_TIMEOUT_MINUTES, {
        error: `must be at most ${MAX_WORKER_RESPONSE_TIMEOUT_MINUTES} minutes (7 days); use 0 to turn the check off`,
      })
      .default(DEFAULT_WORKER_RESPONSE_TIMEOUT_MINUTES)
      .describe(
        'Minutes a delegated worker may stay silent before the orchestrator is told (default 120, 0 = never). A top-level setting: write it above the first [[...]] header.',
      ),
    stall_grace_seconds: z
      .int()
      .min(0, { error: 'must be 0 (off) or more seconds' })
      .max(MAX_STALL_GRACE_SECONDS, { error: `must be at most ${MAX_STALL_GRACE_SECONDS} seconds (one day); use 0 to turn the check off` })
      .default(DEFAULT_STALL_GRACE_SECONDS)
      .describe(
        'Seconds a worker with an open task may sit idle at its prompt without running work-done before the deck nudges it, then tells the orchestrator (default 180, 0 = never). A top-level setting.',
      ),
    resume_after_limit: z
      .boolean()
      .default(false)
      .describe('When an agent hits a usage limit that states its reset time, type its continue input then (default false; a role may override it).'),
    max_resumes: z
      .int()
      .min(1, { error: 'must be at least 1' })
      .max(MAX_RESUMES, { error: `must be at most ${MAX_RESUMES}` })
      .default(DEFAULT_MAX_RESUMES)
      .describe('How many times a night one pane is resumed after a usage limit (default 3).'),
    features: Features.prefault({}),
    modes: z.array(WorkspaceMode).default([]).describe('Workspace modes ([[modes]]).'),
    orchestrations: z.array(Orchestration).default([]).describe('Agent teams ([[orchestrations]]).'),
    // The Rust original ignores this table here (its schedules live in schedules.toml): a warning, not an error.
    scheduled_tasks: z.unknown().optional().describe('Ignored here, with a warning: scheduled tasks live in ~/.config/dot-agent-deck/schedules.toml.'),
  })
  .describe('dot-agent-deck project configuration (.dot-agent-deck.toml).');
export type ProjectConfig = z.infer<typeof ProjectConfig>;
export type ProjectConfigInput = z.input<typeof ProjectConfig>;
