// The Rust original's keybindings.toml, read as it is: its `[global]` and `[dashboard]` tables and
// action names become ours, its key notation ("Alt+Shift+l", "" to unbind) becomes ours, and the
// actions this deck does not have are warnings that say why they are ignored. Pure.
import type { PathIssue } from './config-issue.js';
import { parseKey } from './key-syntax.js';

export const ORIGINAL_TABLES = ['global', 'dashboard'] as const;
export type OriginalTable = (typeof ORIGINAL_TABLES)[number];

/** `action`: this deck's action name (keybindings.ts, which imports this module, checks it). */
type Translation = { action: string; keep?: readonly string[] } | { ignored: string };

/**
 * The original's actions by table. `keep`: keys the original never lets a binding retire
 * (Ctrl+PageUp/PageDown always switch tabs there), kept beside the user's chord.
 */
const ACTIONS: Record<OriginalTable, Record<string, Translation>> = {
  global: {
    dashboard: { action: 'toggle_mode' },
    new_pane: { action: 'new_pane' },
    close_pane: { action: 'close_pane' },
    toggle_layout: { action: 'toggle_layout' },
    toggle_orchestration_lock: { ignored: 'this deck has no command-entry lock: worker panes always take what you type' },
    toggle_orchestration_split: { ignored: 'this deck sizes the orchestration sidebar itself; there is no split to toggle' },
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`jump_${n}`, { ignored: `the digit ${n} always jumps to card ${n} here` }])),
  },
  dashboard: {
    move_down: { action: 'select_next' },
    move_up: { action: 'select_prev' },
    move_left: { action: 'prev_tab', keep: ['ctrl+pageup'] },
    move_right: { action: 'next_tab', keep: ['ctrl+pagedown'] },
    filter: { action: 'filter' },
    rename: { action: 'rename_pane' },
    help: { action: 'help' },
    focus_pane: { action: 'focus_selected' },
    clear_filter: { ignored: 'Escape always clears the filter here' },
    approve_permission: { action: 'answer_yes' },
    deny_permission: { action: 'answer_no' },
    generate_config: { action: 'generate_config' },
    scroll_pane_up: { action: 'scroll_up' },
    scroll_pane_down: { action: 'scroll_down' },
  },
};

export interface TranslatedBindings {
  /** Our action → keys, in the order the file named them. */
  bindings: Record<string, string[]>;
  issues: PathIssue[];
}

/** One key in the original's notation: case-insensitive names, and Shift+letter for the capital. */
function translateKey(spec: string): { ok: true; key: string } | { ok: false; message: string } {
  const parts = spec.split('+');
  const last = parts.at(-1) ?? '';
  const mods = parts.slice(0, -1).map((mod) => mod.toLowerCase());
  // The original writes "Alt+Shift+t"; a terminal sends "T" for it, which is how this deck spells it.
  if (mods.includes('shift') && /^[a-z]$/i.test(last)) {
    return parseKey([...mods.filter((mod) => mod !== 'shift'), last.toUpperCase()].join('+'));
  }
  return parseKey(spec);
}

export function translateOriginalBindings(tables: Partial<Record<OriginalTable, Record<string, unknown>>>): TranslatedBindings {
  const bindings: Record<string, string[]> = {};
  const issues: PathIssue[] = [];
  for (const table of ORIGINAL_TABLES) {
    for (const [name, value] of Object.entries(tables[table] ?? {})) {
      const path = [table, name];
      const translation = ACTIONS[table][name];
      if (translation === undefined) {
        const other = ORIGINAL_TABLES.find((t) => t !== table && ACTIONS[t][name] !== undefined);
        const where = other
          ? `it belongs in [${other}]`
          : `the actions of [${table}] are ${Object.keys(ACTIONS[table])
              .filter((a) => !a.startsWith('jump_') || a === 'jump_1')
              .join(', ')}`;
        issues.push({ path, message: `unknown action \`${name}\` is ignored: ${where}`, severity: 'warning' });
        continue;
      }
      if ('ignored' in translation) {
        issues.push({ path, message: `\`${name}\` is ignored: ${translation.ignored}`, severity: 'warning' });
        continue;
      }
      if (typeof value !== 'string') {
        issues.push({ path, message: `must be a key in quotes, e.g. "Ctrl+n", or "" to unbind`, severity: 'error' });
        continue;
      }
      if (value === '') {
        bindings[translation.action] = [...(translation.keep ?? [])];
        continue;
      }
      const key = translateKey(value);
      if (!key.ok) {
        issues.push({ path, message: key.message, severity: 'error' });
        continue;
      }
      if (key.key === 'ctrl+c') {
        issues.push({ path, message: 'ctrl+c always opens the quit dialog and cannot run another action; the line is ignored', severity: 'warning' });
        continue;
      }
      bindings[translation.action] = [...new Set([key.key, ...(translation.keep ?? [])])];
    }
  }
  return { bindings, issues };
}
