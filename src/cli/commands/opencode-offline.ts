// What `hooks install --agent opencode` adds beside its plugin so opencode starts offline: at
// every start opencode runs `npm install @opencode-ai/plugin` into each config dir that lacks
// it, and with no registry that blocks its start for ~70 s (docs/AGENT-NOTES.md). The deck's
// plugin imports no package, so the deck lists the package in the dir's package-lock.json and
// makes sure `node_modules/` exists, which is what opencode checks (src/agents/opencode-lock.ts).
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { lockWithoutPlugin, lockWithPlugin, OPENCODE_PLUGIN_PACKAGE, unlistedDependencies } from '../../agents/opencode-lock.js';
import { UserError, errorMessage } from '../../common/errors.js';
import { writeFileAtomicSync } from '../../common/fs-atomic.js';

const BACKUP_SUFFIX = '.dot-agent-deck.bak';
type Json = Record<string, unknown>;

/** opencode's global config dir (where the deck's plugin goes), and OPENCODE_CONFIG_DIR when set. */
export function opencodeConfigDirs(env: NodeJS.ProcessEnv): string[] {
  const global = join(env.XDG_CONFIG_HOME || join(env.HOME ?? homedir(), '.config'), 'opencode');
  const extra = env.OPENCODE_CONFIG_DIR;
  return extra && extra !== global ? [global, extra] : [global];
}

function readJson(file: string): Json | null {
  if (!existsSync(file)) return null;
  if (lstatSync(file).isSymbolicLink()) {
    throw new UserError(`${file} is a symbolic link; the deck does not edit files through links.`, {
      hint: `list "${OPENCODE_PLUGIN_PACKAGE}" under packages[""].dependencies in the file the link points to by hand`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${errorMessage(error)}); it was left unchanged.`, {
      hint: 'fix or remove the file, then run `dot-agent-deck hooks install --agent opencode` again',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`${file} does not hold a JSON object; it was left unchanged.`, { hint: 'fix or remove the file, then run the command again' });
  }
  return parsed as Json;
}

function oneDir(dir: string): string {
  const lockFile = join(dir, 'package-lock.json');
  const lock = readJson(lockFile);
  const manifest = readJson(join(dir, 'package.json'));
  const next = lockWithPlugin(lock);
  const modules = join(dir, 'node_modules');
  const hadModules = existsSync(modules);
  const others = unlistedDependencies(manifest, next ?? lock).filter((name) => name !== OPENCODE_PLUGIN_PACKAGE);
  const still =
    others.length > 0
      ? `\n  opencode still installs at start: ${others.join(', ')} in ${join(dir, 'package.json')} ${others.length === 1 ? 'is' : 'are'} not in its lock; run \`npm install\` in ${dir} once while online`
      : '';
  if (next === null && hadModules) return `opencode: starts without the npm registry already (${lockFile})${still}`;
  mkdirSync(modules, { recursive: true });
  if (next !== null) {
    if (lock !== null) copyFileSync(lockFile, `${lockFile}${BACKUP_SUFFIX}`);
    writeFileAtomicSync(lockFile, `${JSON.stringify(next, null, 2)}\n`);
  }
  const changed = [next === null ? null : `listed ${OPENCODE_PLUGIN_PACKAGE} in ${lockFile}`, hadModules ? null : `created ${modules}`]
    .filter((part) => part !== null)
    .join(' and ');
  const backup = next !== null && lock !== null ? ` (backup: ${lockFile}${BACKUP_SUFFIX})` : '';
  return `opencode: ${changed}${backup}, so opencode starts without the npm registry (the deck's plugin imports no package)${still}`;
}

/** Install: one line per config dir saying what changed. */
export function letOpencodeStartOffline(env: NodeJS.ProcessEnv): string {
  return opencodeConfigDirs(env).map(oneDir).join('\n');
}

/**
 * Uninstall: drops the lock entry only while the package is not really installed (then it is
 * the deck's placeholder, not opencode's record), and the files the deck created if now empty.
 */
export function undoOpencodeOffline(env: NodeJS.ProcessEnv): string | null {
  const lines: string[] = [];
  for (const dir of opencodeConfigDirs(env)) {
    if (existsSync(join(dir, 'node_modules', OPENCODE_PLUGIN_PACKAGE))) continue;
    const lockFile = join(dir, 'package-lock.json');
    const next = lockWithoutPlugin(readJson(lockFile));
    if (next === null) continue;
    if (next === 'delete') unlinkSync(lockFile);
    else writeFileAtomicSync(lockFile, `${JSON.stringify(next, null, 2)}\n`);
    const modules = join(dir, 'node_modules');
    const emptyModules = existsSync(modules) && readdirSync(modules).length === 0;
    if (emptyModules) rmdirSync(modules);
    lines.push(
      `opencode: ${next === 'delete' ? `removed ${lockFile}` : `removed ${OPENCODE_PLUGIN_PACKAGE} from ${lockFile}`}${emptyModules ? ` and the empty ${modules}` : ''}`,
    );
  }
  return lines.length === 0 ? null : lines.join('\n');
}
