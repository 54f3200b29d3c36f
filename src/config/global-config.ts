// The user's settings, `$XDG_CONFIG_HOME/dot-agent-deck/config.toml`: schema, defaults and
// loading with the same file:line reporting as the project file. A missing file means defaults.
import { z } from 'zod';
import type { ConfigIssue } from './config-issue.js';
import { configFile, type Env } from './paths.js';
import { RemotesConfig } from './remote-config.js';
import { readConfigFile } from './read-config-file.js';
import { validateTomlText, type ValidationResult } from './validate-toml.js';

/** 10,000 lines ≈ 21 MB per full-width pane (ARCHITECTURE.md §9); the bounds keep a typo from eating RAM. */
export const DEFAULT_SCROLLBACK_LINES = 10_000;
export const MIN_SCROLLBACK_LINES = 100;
export const MAX_SCROLLBACK_LINES = 200_000;
/** The packed scrollback of every pane together, in MiB (src/pty/scrollback-budget.ts). */
export const DEFAULT_SCROLLBACK_MEMORY_MIB = 32;
export const MIN_SCROLLBACK_MEMORY_MIB = 4;
export const MAX_SCROLLBACK_MEMORY_MIB = 16_384;

function eventSwitches(what: string, defaults: { needs_input: boolean; blocked: boolean; error: boolean; finished: boolean }) {
  return {
    needs_input: z.boolean().default(defaults.needs_input).describe(`${what} when an agent asks you something.`),
    blocked: z.boolean().default(defaults.blocked).describe(`${what} when an agent waits for a permission.`),
    error: z.boolean().default(defaults.error).describe(`${what} when an agent fails or its process dies.`),
    finished: z.boolean().default(defaults.finished).describe(`${what} when an agent finishes its task.`),
  };
}

/** The Rust original's names for the bell switches, read as ours so its config.toml loads as it is. */
const ORIGINAL_BELL_KEYS = { on_waiting_for_input: 'needs_input', on_idle: 'finished', on_error: 'error' } as const;

export const BellConfig = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Ring the terminal bell at all (default true).'),
    // Off for `finished`: in an orchestration workers finish all the time, and a bell per task is noise.
    ...eventSwitches('Ring', { needs_input: true, blocked: true, error: true, finished: false }),
    ...(Object.fromEntries(
      Object.entries(ORIGINAL_BELL_KEYS).map(([original, ours]) => [
        original,
        z.boolean().optional().describe(`The Rust original's name for bell.${ours}; read as that.`),
      ]),
    ) as Record<keyof typeof ORIGINAL_BELL_KEYS, z.ZodOptional<z.ZodBoolean>>),
  })
  .transform(({ on_waiting_for_input, on_idle, on_error, ...bell }) => ({
    ...bell,
    needs_input: on_waiting_for_input ?? bell.needs_input,
    finished: on_idle ?? bell.finished,
    error: on_error ?? bell.error,
  }))
  .describe('The terminal bell, rung while you look at the deck.');

export const NotificationsConfig = z
  .strictObject({
    desktop: z.boolean().default(true).describe('Send desktop notifications (default true).'),
    notify_command: z
      .string()
      .refine((command) => command.trim() !== '', { error: 'must not be empty: remove the line to use the default notifier' })
      .optional()
      .describe('Command run for each notification instead of the desktop notifier; gets title and body as arguments.'),
    min_interval_seconds: z
      .int()
      .min(0, { error: 'must be 0 (no limit) or more' })
      .max(3600, { error: 'must be at most 3600 (one hour)' })
      .default(10)
      .describe('At most one notification per this many seconds (default 10).'),
    // `finished` on here: notifications are for when you are away, e.g. an overnight run ending.
    ...eventSwitches('Notify', { needs_input: true, blocked: true, error: true, finished: true }),
  })
  .describe('Desktop notifications, for when you are not looking at the deck.');

export const GlobalConfig = z
  .strictObject({
    // "" is the Rust original's way of leaving it unset, so it means unset here too.
    default_command: z
      .string()
      .transform((command) => (command.trim() === '' ? undefined : command))
      .optional()
      .describe('Command the new-pane form starts with, e.g. "claude" ("" or no line: your shell).'),
    auto_config_prompt: z.boolean().default(true).describe('Offer ctrl+d g (an agent writes .dot-agent-deck.toml) in directories without one (default true).'),
    scrollback_lines: z
      .int()
      .min(MIN_SCROLLBACK_LINES, { error: `must be at least ${MIN_SCROLLBACK_LINES}` })
      .max(MAX_SCROLLBACK_LINES, { error: `must be at most ${MAX_SCROLLBACK_LINES} (each line costs memory in every pane)` })
      .default(DEFAULT_SCROLLBACK_LINES)
      .describe('Lines of history kept per pane (default 10000).'),
    scrollback_memory_mib: z
      .int()
      .min(MIN_SCROLLBACK_MEMORY_MIB, { error: `must be at least ${MIN_SCROLLBACK_MEMORY_MIB}` })
      .max(MAX_SCROLLBACK_MEMORY_MIB, { error: `must be at most ${MAX_SCROLLBACK_MEMORY_MIB}` })
      .default(DEFAULT_SCROLLBACK_MEMORY_MIB)
      .describe('MiB of history all panes share (default 32, ~100,000 coloured lines); past it the busiest panes lose their oldest lines first.'),
    bell: BellConfig.prefault({}),
    notifications: NotificationsConfig.prefault({}),
    remotes: RemotesConfig,
    hosts: z
      .array(z.string().min(1, { error: 'must name a host' }))
      .min(1, { error: 'must name at least one host ("local" is this machine)' })
      .max(16, { error: 'must name at most 16 hosts' })
      .optional()
      .describe('The hosts one deck attaches to, e.g. ["local", "gpu-box"]: "local" is this machine, the others remotes of [remotes] (what --hosts sets).'),
  })
  .describe('dot-agent-deck user settings (config.toml).');
export type GlobalConfig = z.infer<typeof GlobalConfig>;

export function validateGlobalConfigText(text: string, file: string): ValidationResult<GlobalConfig> {
  return validateTomlText(text, file, GlobalConfig);
}

export const DEFAULT_GLOBAL_CONFIG: GlobalConfig = GlobalConfig.parse({});

export interface LoadedGlobalConfig {
  /** The effective settings; defaults when the file is missing. Absent when the file has errors. */
  config?: GlobalConfig;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  file: string;
  exists: boolean;
  /** The file's text as read ('' when missing), for editors such as `config set`. */
  text: string;
}

export async function loadGlobalConfig(env: Env = process.env): Promise<LoadedGlobalConfig> {
  const file = configFile(env);
  const text = await readConfigFile(file);
  if (text === undefined) return { config: DEFAULT_GLOBAL_CONFIG, errors: [], warnings: [], file, exists: false, text: '' };
  const { value, errors, warnings } = validateGlobalConfigText(text, file);
  return { ...(value ? { config: value } : {}), errors, warnings, file, exists: true, text };
}
