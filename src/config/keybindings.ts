// Command-mode keybindings: the actions, their defaults, the `keybindings.toml` schema, and the
// merge of a user's bindings over the defaults. Unknown actions and conflicts are warnings so
// a file written for a newer deck still loads; bad key syntax is an error.
import { z } from 'zod';
import { suggest } from '../common/suggest.js';
import type { ConfigIssue, PathIssue } from './config-issue.js';
import { parseKey } from './key-syntax.js';
import { translateOriginalBindings } from './original-keybindings.js';
import { keybindingsFile, type Env } from './paths.js';
import { readConfigFile } from './read-config-file.js';
import { validateTomlText, type ValidationResult } from './validate-toml.js';

export const ACTION_DESCRIPTIONS = {
  toggle_mode: 'Switch between typing into the pane and commanding the deck (the prefix key).',
  new_pane: 'Open a new pane.',
  toggle_layout: 'Switch between the stacked and tiled layouts.',
  prev_tab: 'Go to the previous tab.',
  next_tab: 'Go to the next tab.',
  select_next: 'Select the next card.',
  select_prev: 'Select the previous card.',
  focus_selected: 'Focus the selected pane and start typing into it.',
  close_pane: 'Close the selected pane.',
  rename_pane: 'Rename the selected pane.',
  filter: 'Filter the cards by name.',
  scroll_up: 'Scroll the pane back one page.',
  scroll_down: 'Scroll the pane forward one page.',
  help: 'Show the keys.',
  quit: 'Detach or stop the deck; always ctrl+c.',
  generate_config: 'Ask an agent to write a .dot-agent-deck.toml for this project.',
  timeline: 'Show the orchestration timeline.',
  scheduled_tasks: 'Open the Scheduled Tasks manager.',
  answer_yes: 'Answer "yes" to the question the selected agent asks.',
  answer_no: 'Answer "no" to the question the selected agent asks.',
  next_waiting: 'Type into the next pane, in any tab, that needs input or is blocked (oldest first).',
} as const;

export type Action = keyof typeof ACTION_DESCRIPTIONS;
export const ACTIONS = Object.keys(ACTION_DESCRIPTIONS) as Action[];
export const Action = z.enum(ACTIONS as [Action, ...Action[]]);

export type Keybindings = Record<Action, readonly string[]>;

export const DEFAULT_KEYBINDINGS: Keybindings = {
  toggle_mode: ['ctrl+d'],
  new_pane: ['ctrl+n'],
  toggle_layout: ['ctrl+t'],
  prev_tab: ['ctrl+pageup'],
  next_tab: ['ctrl+pagedown'],
  select_next: ['j', 'down'],
  select_prev: ['k', 'up'],
  focus_selected: ['enter'],
  close_pane: ['ctrl+w'],
  rename_pane: ['r'],
  filter: ['/'],
  scroll_up: ['pageup'],
  scroll_down: ['pagedown'],
  help: ['?'],
  quit: ['ctrl+c'],
  generate_config: ['g'],
  timeline: ['t'],
  scheduled_tasks: ['s'],
  answer_yes: ['y'],
  answer_no: ['n'],
  next_waiting: ['w'],
};

/** Ctrl+c must always reach the quit dialog, so nobody can lock themselves into the deck. */
const QUIT_KEY = 'ctrl+c';

const KeyString = z
  .string()
  .superRefine((spec, ctx) => {
    const parsed = parseKey(spec);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  })
  .describe('A key: "j", "?", "enter", "pageup", "ctrl+d", "alt+x", "shift+tab", "f5".');

/** One key or a list of keys; an empty list unbinds the action. */
export const KeySpec = z.union([KeyString, z.array(KeyString)]);
export type KeySpec = z.infer<typeof KeySpec>;

const actionShape = Object.fromEntries(ACTIONS.map((action) => [action, KeySpec.optional().describe(ACTION_DESCRIPTIONS[action])]));

export const Bindings = z
  .object(actionShape as Record<Action, z.ZodOptional<typeof KeySpec>>)
  .catchall(KeySpec)
  .superRefine((bindings, ctx) => {
    for (const [action, spec] of Object.entries(bindings)) {
      const keys = canonicalKeys(spec);
      if (action === 'quit' && spec !== undefined && (keys.length !== 1 || keys[0] !== QUIT_KEY)) {
        ctx.addIssue({ code: 'custom', path: ['quit'], message: 'quit is always ctrl+c and cannot be remapped: remove this line' });
      } else if (action !== 'quit' && keys.includes(QUIT_KEY)) {
        ctx.addIssue({ code: 'custom', path: [action], message: 'ctrl+c is reserved for quit and cannot be bound to another action' });
      }
    }
  })
  .describe('Action name = key or list of keys, e.g. new_pane = "ctrl+n" or select_next = ["j", "down"].');

/** A table of the Rust original's keybindings.toml: its action names, keys in its notation. */
const OriginalTable = (name: string) =>
  z
    .record(z.string(), z.unknown())
    .optional()
    .describe(`The Rust original's [${name}] table, read as it is: its action names map onto this deck's (prefer [bindings]).`);

export const KeybindingsFile = z
  .strictObject({ bindings: Bindings.prefault({}), global: OriginalTable('global'), dashboard: OriginalTable('dashboard') })
  .describe('dot-agent-deck keybindings (keybindings.toml); keys apply in command mode.');
export type KeybindingsFile = z.infer<typeof KeybindingsFile>;

/** Canonical spellings of a valid spec; invalid entries are dropped (the schema reports them). */
function canonicalKeys(spec: unknown): string[] {
  const list = Array.isArray(spec) ? spec : spec === undefined ? [] : [spec];
  const keys = list.flatMap((item) => {
    if (typeof item !== 'string') return [];
    const parsed = parseKey(item);
    return parsed.ok ? [parsed.key] : [];
  });
  return [...new Set(keys)];
}

function isAction(name: string): name is Action {
  return Object.hasOwn(ACTION_DESCRIPTIONS, name);
}

export interface MergedKeybindings {
  bindings: Keybindings;
  warnings: PathIssue[];
}

/**
 * The user's bindings over the defaults. A user's action replaces that action's default keys;
 * a key the user takes for one action is removed from whichever default action had it; when
 * two of the user's actions claim one key, the first in the file keeps it.
 */
export function mergeKeybindings(user: Readonly<Record<string, unknown>>, defaults: Keybindings = DEFAULT_KEYBINDINGS): MergedKeybindings {
  const warnings: PathIssue[] = [];
  const merged = Object.fromEntries(ACTIONS.map((action) => [action, [...defaults[action]]])) as Record<Action, string[]>;
  const chosen: Action[] = [];
  for (const [name, spec] of Object.entries(user)) {
    if (!isAction(name)) {
      const hint = suggest(name, ACTIONS);
      const advice = hint ? `did you mean \`${hint}\`?` : `actions are ${ACTIONS.join(', ')}`;
      warnings.push({ path: ['bindings', name], message: `unknown action \`${name}\` is ignored: ${advice}`, severity: 'warning' });
      continue;
    }
    merged[name] = canonicalKeys(spec);
    chosen.push(name);
  }

  const owner = new Map<string, Action>();
  const isChosen = new Set(chosen);
  for (const action of [...chosen, ...ACTIONS.filter((a) => !isChosen.has(a))]) {
    const lost: [key: string, holder: Action][] = [];
    merged[action] = merged[action].filter((key) => {
      const holder = owner.get(key);
      if (holder === undefined) owner.set(key, action);
      else lost.push([key, holder]);
      return holder === undefined;
    });
    for (const [key, holder] of lost) {
      if (isChosen.has(action)) {
        warnings.push({ path: ['bindings', action], message: `"${key}" is already bound to ${holder} above, which keeps it`, severity: 'warning' });
      } else {
        const left = merged[action].length === 0 ? `; ${action} has no key left: give it one in [bindings]` : '';
        warnings.push({ path: ['bindings', holder], message: `"${key}" was the default key of ${action} and now runs ${holder}${left}`, severity: 'warning' });
      }
    }
  }
  return { bindings: merged, warnings };
}

export interface LoadedKeybindings {
  /** Always usable: the defaults when the file is missing or has errors. */
  bindings: Keybindings;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  file: string;
  exists: boolean;
}

export function validateKeybindingsText(text: string, file: string): ValidationResult<KeybindingsFile> & { bindings: Keybindings } {
  let bindings: Keybindings = DEFAULT_KEYBINDINGS;
  const result = validateTomlText(text, file, KeybindingsFile, (_raw, parsed) => {
    if (!parsed) return [];
    const original = translateOriginalBindings({
      ...(parsed.global ? { global: parsed.global } : {}),
      ...(parsed.dashboard ? { dashboard: parsed.dashboard } : {}),
    });
    const issues = [...original.issues];
    for (const action of Object.keys(original.bindings)) {
      if (Object.hasOwn(parsed.bindings, action))
        issues.push({ path: ['bindings', action], message: `${action} is also set in the original's tables; this line wins`, severity: 'warning' });
    }
    const merged = mergeKeybindings({ ...original.bindings, ...parsed.bindings });
    bindings = merged.bindings;
    return [...issues, ...merged.warnings];
  });
  return { ...result, bindings: result.errors.length === 0 ? bindings : DEFAULT_KEYBINDINGS };
}

export async function loadKeybindings(env: Env = process.env): Promise<LoadedKeybindings> {
  const file = keybindingsFile(env);
  const text = await readConfigFile(file);
  if (text === undefined) return { bindings: DEFAULT_KEYBINDINGS, errors: [], warnings: [], file, exists: false };
  const { bindings, errors, warnings } = validateKeybindingsText(text, file);
  return { bindings, errors, warnings, file, exists: true };
}
