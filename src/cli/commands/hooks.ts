// `hooks install|uninstall|status [--agent …]`: the deck's hook entries in each agent's settings.
// Edits are safe by construction: parse first and refuse (file untouched) on a parse error or a
// symlink, merge only the deck's own entries, keep a backup, write atomically with the original
// permissions, and write nothing when nothing changes.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ADAPTERS } from '../../agents/adapters.js';
import { HOOK_PLANS, installHooks, installedEvents, SettingsShapeError, uninstallHooks, type HookedAgent } from '../../agents/hook-settings.js';
import { OPENCODE_PLUGIN_FILE, OPENCODE_PLUGIN_HEADER, opencodePluginSource } from '../../agents/opencode-plugin.js';
import { PI_EXTENSION_FILE, PI_EXTENSION_HEADER, piExtensionSource } from '../../agents/pi-extension.js';
import { UserError, errorMessage } from '../../common/errors.js';
import { writeFileAtomicSync } from '../../common/fs-atomic.js';
import { packagePath } from '../../common/package-root.js';
import { stateDir } from '../../config/paths.js';
import { findProgram } from '../../pty/program-path.js';
import type { CommandRegistrar } from '../program.js';
import { allowCodexSocket, codexSocketNote } from './codex-sandbox.js';
import { letOpencodeStartOffline, undoOpencodeOffline } from './opencode-offline.js';

const AGENTS = ['claude-code', 'codex', 'gemini', 'opencode', 'pi'] as const;
type Agent = (typeof AGENTS)[number];
type Env = NodeJS.ProcessEnv;

export const BACKUP_SUFFIX = '.dot-agent-deck.bak';
const CODEX_TRUST =
  'Codex runs hooks only once trusted: accept its "trust these hooks?" dialog at the next start, or start it with --dangerously-bypass-hook-trust.';

/** Where each agent keeps the file the deck edits. */
export function hookFile(agent: Agent, env: Env): string {
  const home = env.HOME ?? homedir();
  switch (agent) {
    case 'claude-code':
      return join(env.CLAUDE_CONFIG_DIR || join(home, '.claude'), 'settings.json');
    case 'codex':
      return join(env.CODEX_HOME || join(home, '.codex'), 'hooks.json');
    case 'gemini':
      return join(home, '.gemini', 'settings.json');
    case 'opencode':
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'opencode', 'plugin', OPENCODE_PLUGIN_FILE);
    case 'pi':
      return join(env.PI_CODING_AGENT_DIR || join(home, '.pi', 'agent'), 'extensions', PI_EXTENSION_FILE);
  }
}

/** Agents whose status feed is a script file of the deck's own (a plugin, an extension). */
const SCRIPTS = {
  opencode: { header: OPENCODE_PLUGIN_HEADER, what: 'plugin', source: opencodePluginSource },
  pi: { header: PI_EXTENSION_HEADER, what: 'extension', source: piExtensionSource },
} as const;
type ScriptAgent = keyof typeof SCRIPTS;

function isScriptAgent(agent: Agent): agent is ScriptAgent {
  return Object.hasOwn(SCRIPTS, agent);
}

function refuseSymlink(file: string): void {
  if (existsSync(file) && lstatSync(file).isSymbolicLink()) {
    throw new UserError(`${file} is a symbolic link; the deck does not edit files through links.`, {
      hint: 'add the hooks to the file the link points to by hand, or replace the link with a regular file',
    });
  }
}

function readSettings(file: string): Record<string, unknown> | null {
  refuseSymlink(file);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${errorMessage(error)}); it was left unchanged.`, {
      hint: 'fix the file (a trailing comma is the usual cause), then run the command again',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`${file} does not hold a JSON object; it was left unchanged.`, { hint: 'fix the file, then run the command again' });
  }
  return parsed as Record<string, unknown>;
}

function writeWithBackup(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) {
    copyFileSync(file, `${file}${BACKUP_SUFFIX}`);
  }
  writeFileAtomicSync(file, text); // an existing file keeps its permission bits
}

function shapeError(file: string, error: unknown): never {
  if (error instanceof SettingsShapeError) {
    throw new UserError(`${file}: ${error.message}; it was left unchanged.`, { hint: 'fix the file, then run the command again' });
  }
  throw error;
}

/** One agent: returns a line saying what happened. */
function apply(action: 'install' | 'uninstall', agent: Agent, env: Env, bin: string): string {
  const file = hookFile(agent, env);
  if (isScriptAgent(agent)) return applyScript(action, agent, file, bin);
  const settings = readSettings(file);
  if (action === 'uninstall' && settings === null) return `${agent}: nothing to remove (${file} does not exist)`;
  let next: Record<string, unknown>;
  try {
    next = action === 'install' ? installHooks(settings ?? {}, agent, bin) : uninstallHooks(settings ?? {});
  } catch (error) {
    shapeError(file, error);
  }
  if (settings !== null && JSON.stringify(next) === JSON.stringify(settings)) {
    return `${agent}: ${action === 'install' ? 'already installed' : 'no deck hooks'} in ${file}`;
  }
  writeWithBackup(file, `${JSON.stringify(next, null, 2)}\n`);
  const backup = settings === null ? '' : ` (backup: ${file}${BACKUP_SUFFIX})`;
  const trust = agent === 'codex' && action === 'install' ? `\n  ${CODEX_TRUST}` : '';
  return `${agent}: ${action === 'install' ? 'installed' : 'removed'} deck hooks in ${file}${backup}${trust}`;
}

function applyScript(action: 'install' | 'uninstall', agent: ScriptAgent, file: string, bin: string): string {
  const { header, what, source: sourceFor } = SCRIPTS[agent];
  refuseSymlink(file);
  const exists = existsSync(file);
  const ours = exists && readFileSync(file, 'utf8').startsWith(header);
  if (exists && !ours) {
    throw new UserError(`${file} exists and was not written by the deck; it was left unchanged.`, { hint: 'move it away if the deck may replace it' });
  }
  if (action === 'uninstall') {
    if (!exists) return `${agent}: nothing to remove (${file} does not exist)`;
    unlinkSync(file);
    return `${agent}: removed the deck ${what} ${file}`;
  }
  const source = sourceFor(bin);
  if (exists && readFileSync(file, 'utf8') === source) return `${agent}: already installed in ${file}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, source);
  return `${agent}: installed the deck ${what} ${file}`;
}

function statusLine(agent: Agent, env: Env): string {
  const file = hookFile(agent, env);
  try {
    if (isScriptAgent(agent)) {
      const ours = existsSync(file) && !lstatSync(file).isSymbolicLink() && readFileSync(file, 'utf8').startsWith(SCRIPTS[agent].header);
      return `${agent}: ${ours ? 'installed' : 'not installed'} (${file})`;
    }
    const settings = readSettings(file);
    const events = settings === null ? [] : installedEvents(settings, agent as HookedAgent);
    const all = HOOK_PLANS[agent as HookedAgent].events;
    const state =
      events.length === all.length
        ? 'installed'
        : events.length === 0
          ? 'not installed'
          : `partly installed (${events.length}/${all.length} events; run \`hooks install\`)`;
    return `${agent}: ${state} (${file})${agent === 'codex' && events.length > 0 ? `\n  ${CODEX_TRUST}` : ''}`;
  } catch (error) {
    return `${agent}: cannot read ${file}: ${errorMessage(error)}`;
  }
}

function selected(agent: string | undefined): Agent[] {
  if (agent === undefined) return [...AGENTS];
  if (!(AGENTS as readonly string[]).includes(agent)) {
    throw new UserError(`Unknown agent "${agent}".`, { hint: `agents: ${AGENTS.join(', ')}`, exitCode: 2 });
  }
  return [agent as Agent];
}

/** What an agent needs besides its hooks: Codex's sandbox lets work-done out; opencode starts offline. */
function companion(action: 'install' | 'uninstall', agent: Agent, env: Env): string | null {
  if (agent === 'codex') return action === 'install' ? allowCodexSocket(env) : codexSocketNote(env);
  if (agent === 'opencode') return action === 'install' ? letOpencodeStartOffline(env) : undoOpencodeOffline(env);
  return null;
}

export const registerHooks: CommandRegistrar = (program, ctx) => {
  const hooks = program.command('hooks').description("install, remove or check the deck's hooks in the agents' settings");
  const bin = () => packagePath('bin', 'dot-agent-deck.js');
  for (const action of ['install', 'uninstall'] as const) {
    hooks
      .command(action)
      .description(action === 'install' ? 'add the deck hooks (merging with yours; a backup is kept)' : 'remove only the deck hooks')
      .option('--agent <name>', `one of ${AGENTS.join(', ')} (default: all)`)
      .action((options: { agent?: string }) => {
        for (const agent of selected(options.agent)) {
          ctx.io.stdout(`${apply(action, agent, ctx.io.env, bin())}\n`);
          const extra = companion(action, agent, ctx.io.env);
          if (extra !== null) ctx.io.stdout(`${extra}\n`);
        }
      });
  }
  hooks
    .command('status')
    .description('show which agents have the deck hooks')
    .option('--agent <name>', `one of ${AGENTS.join(', ')} (default: all)`)
    .action((options: { agent?: string }) => {
      for (const agent of selected(options.agent)) ctx.io.stdout(`${statusLine(agent, ctx.io.env)}\n`);
    });
};

/** Agents on PATH without the deck's hooks (claude-code, codex, gemini; opencode's plugin). */
function agentsWithoutHooks(env: Env): Agent[] {
  return AGENTS.filter((agent) => {
    const program = ADAPTERS[agent].programs[0];
    if (program === undefined || findProgram(program, { cwd: env.HOME ?? '/', path: env.PATH }) === undefined) return false;
    return /: (not installed|partly installed)/.test(statusLine(agent, env));
  });
}

/**
 * What the deck says on its first start when agents on PATH lack the deck's hooks: the command
 * that installs them. It never installs anything itself, and names each agent once (remembered
 * in the state directory), so it is an offer, not a nag.
 */
export function hooksOffer(env: Env): string | null {
  const memo = join(stateDir(env), 'hooks-offered.json');
  let offered: string[] = [];
  try {
    offered = (JSON.parse(readFileSync(memo, 'utf8')) as { agents?: string[] }).agents ?? [];
  } catch {
    // Never offered yet (or an unreadable memo): offer.
  }
  const fresh = agentsWithoutHooks(env).filter((agent) => !offered.includes(agent));
  if (fresh.length === 0) return null;
  try {
    mkdirSync(dirname(memo), { recursive: true, mode: 0o700 });
    writeFileAtomicSync(memo, `${JSON.stringify({ agents: [...offered, ...fresh] })}\n`, { mode: 0o600 });
  } catch {
    // Without the memo the offer comes again next time; that is all.
  }
  const names = fresh.join(', ');
  return `For exact status of ${names}, run: dot-agent-deck hooks install${fresh.length === 1 ? ` --agent ${names}` : ''} (merges with your hooks, keeps a backup)`;
}
