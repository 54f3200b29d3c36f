// The Codex setting `hooks install --agent codex` adds to $CODEX_HOME/config.toml: Codex's default
// workspace-write sandbox refuses every socket connect (`connect EPERM …/daemon.sock`), so a
// sandboxed worker could never run `work-done`. `[sandbox_workspace_write] network_access = true`
// lets commands the agent runs connect (the deck's daemon socket among them); files stay confined
// to the workspace. Edited in place (comments kept), with a backup, refused on a parse error.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../../common/errors.js';
import { writeFileAtomicSync } from '../../common/fs-atomic.js';
import { setTomlValue } from '../../config/toml-edit.js';
import { parseToml } from '../../config/toml-parse.js';

const PATH = ['sandbox_workspace_write', 'network_access'] as const;
const BACKUP_SUFFIX = '.dot-agent-deck.bak';

export function codexConfigFile(env: NodeJS.ProcessEnv): string {
  return join(env.CODEX_HOME || join(env.HOME ?? homedir(), '.codex'), 'config.toml');
}

function read(file: string): { text: string; data: Record<string, unknown> } {
  if (!existsSync(file)) return { text: '', data: {} };
  if (lstatSync(file).isSymbolicLink()) {
    throw new UserError(`${file} is a symbolic link; the deck does not edit files through links.`, {
      hint: 'add `[sandbox_workspace_write]` with `network_access = true` to the file the link points to by hand',
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

function allowed(data: Record<string, unknown>): boolean {
  const table = data[PATH[0]];
  return typeof table === 'object' && table !== null && (table as Record<string, unknown>)[PATH[1]] === true;
}

/** Adds the setting; a line saying what happened. */
export function allowCodexSocket(env: NodeJS.ProcessEnv): string {
  const file = codexConfigFile(env);
  const { text, data } = read(file);
  if (allowed(data)) return `codex: the sandbox already lets work-done reach the deck (${file})`;
  const edit = setTomlValue(text, data, PATH, true);
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) copyFileSync(file, `${file}${BACKUP_SUFFIX}`);
  writeFileAtomicSync(file, edit.text.endsWith('\n') ? edit.text : `${edit.text}\n`);
  const backup = text === '' ? '' : ` (backup: ${file}${BACKUP_SUFFIX})`;
  return `codex: set [sandbox_workspace_write] network_access = true in ${file}, so a sandboxed worker can run work-done${backup}`;
}

/** Uninstall leaves the setting: it may be the user's own. */
export function codexSocketNote(env: NodeJS.ProcessEnv): string | null {
  const file = codexConfigFile(env);
  try {
    return allowed(read(file).data)
      ? `codex: left [sandbox_workspace_write] network_access = true in ${file} (remove it by hand if the deck put it there)`
      : null;
  } catch {
    return null;
  }
}
