// The Codex settings `hooks install --agent codex` adds to $CODEX_HOME/config.toml, so a worker
// can run `work-done`:
// - Codex's default workspace-write sandbox refuses every socket connect (`connect EPERM
//   …/daemon.sock`); `[sandbox_workspace_write] network_access = true` lets commands the agent
//   runs connect (the deck's daemon socket among them); files stay confined to the workspace.
// - Codex runs commands in a login shell (`bash -lc`), and /etc/profile on Debian and Ubuntu sets
//   PATH afresh: the deck's own `dot-agent-deck`, first on the pane's PATH, is gone
//   (`dot-agent-deck: command not found`). `allow_login_shell = false` keeps the pane's PATH.
// Edited in place (comments kept), with a backup, refused on a parse error.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../../common/errors.js';
import { writeFileAtomicSync } from '../../common/fs-atomic.js';
import { setTomlValue } from '../../config/toml-edit.js';
import { parseToml } from '../../config/toml-parse.js';

interface Setting {
  path: readonly string[];
  value: boolean;
  text: string;
}

const SETTINGS: readonly Setting[] = [
  { path: ['allow_login_shell'], value: false, text: 'allow_login_shell = false' },
  { path: ['sandbox_workspace_write', 'network_access'], value: true, text: '[sandbox_workspace_write] network_access = true' },
];
const BACKUP_SUFFIX = '.dot-agent-deck.bak';

export function codexConfigFile(env: NodeJS.ProcessEnv): string {
  return join(env.CODEX_HOME || join(env.HOME ?? homedir(), '.codex'), 'config.toml');
}

function read(file: string): { text: string; data: Record<string, unknown> } {
  if (!existsSync(file)) return { text: '', data: {} };
  if (lstatSync(file).isSymbolicLink()) {
    throw new UserError(`${file} is a symbolic link; the deck does not edit files through links.`, {
      hint: 'add `allow_login_shell = false` and `[sandbox_workspace_write]` with `network_access = true` to the file the link points to by hand',
    });
  }
  const text = readFileSync(file, 'utf8');
  const parsed = parseToml(text, file);
  if (!parsed.ok) {
    throw new UserError(`${file}:${parsed.issue.line}:${parsed.issue.column}: ${parsed.issue.message}; it was left unchanged.`, {
      hint: 'fix the file, then run `dot-agent-deck hooks install --agent codex` again',
    });
  }
  return { text, data: parsed.value };
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let at: unknown = data;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

const holds = (data: Record<string, unknown>, setting: Setting) => valueAt(data, setting.path) === setting.value;

/** Adds the settings; a line saying what happened. */
export function allowCodexSocket(env: NodeJS.ProcessEnv): string {
  const file = codexConfigFile(env);
  const { text, data } = read(file);
  const missing = SETTINGS.filter((setting) => !holds(data, setting));
  if (missing.length === 0) return `codex: the sandbox already lets work-done reach the deck (${file})`;
  let edited = text;
  let current = data;
  for (const setting of missing) {
    edited = setTomlValue(edited, current, setting.path, setting.value).text;
    const parsed = parseToml(edited, file);
    if (!parsed.ok) throw new Error(`editing ${file} produced TOML that does not parse: ${parsed.issue.message}`);
    current = parsed.value;
  }
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) copyFileSync(file, `${file}${BACKUP_SUFFIX}`);
  writeFileAtomicSync(file, edited.endsWith('\n') ? edited : `${edited}\n`);
  const backup = text === '' ? '' : ` (backup: ${file}${BACKUP_SUFFIX})`;
  return `codex: set ${missing.map((s) => s.text).join(' and ')} in ${file}, so a sandboxed worker can run work-done${backup}`;
}

/** Uninstall leaves the settings: they may be the user's own. */
export function codexSocketNote(env: NodeJS.ProcessEnv): string | null {
  const file = codexConfigFile(env);
  try {
    const { data } = read(file);
    const left = SETTINGS.filter((setting) => holds(data, setting));
    return left.length > 0 ? `codex: left ${left.map((s) => s.text).join(' and ')} in ${file} (remove them by hand if the deck put them there)` : null;
  } catch {
    return null;
  }
}
