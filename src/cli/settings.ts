// What `dot-agent-deck config list|get|set` do with config.toml. `set` validates the new value
// and the whole resulting file before writing, edits the one line in place so comments
// survive, and writes atomically. Registered (and loaded on use) by commands/config.ts.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExitCode, UserError } from '../common/errors.js';
import { writeFileAtomic } from '../common/fs-atomic.js';
import { formatPath } from '../config/config-issue.js';
import { GlobalConfig, loadGlobalConfig, validateGlobalConfigText } from '../config/global-config.js';
import { SETTING_KEYS, checkSettingKey, parseSettingValue } from '../config/setting-value.js';
import { setIn, setTomlValue, type TomlScalar } from '../config/toml-edit.js';
import { TomlLocations } from '../config/toml-locations.js';
import { parseToml } from '../config/toml-parse.js';
import { valueAt, zodIssuesToPathIssues } from '../config/zod-issues.js';
import { printIssues } from './print-issues.js';
import type { CommandContext } from './program.js';

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The effective settings, or a failure that lists the file's problems. */
async function effectiveConfig(ctx: CommandContext): Promise<GlobalConfig> {
  const loaded = await loadGlobalConfig(ctx.io.env);
  if (loaded.config) return loaded.config;
  printIssues(ctx.io, loaded.errors);
  throw new UserError(`${loaded.file} has errors`, { hint: 'Fix the lines above; `dot-agent-deck schema config` describes every setting' });
}

/** A sentence about `value` when the schema rejects it for `path`, e.g. a number out of range. */
function valueProblem(path: string[], value: TomlScalar): string | undefined {
  const candidate = setIn({}, path, value);
  const result = GlobalConfig.safeParse(candidate);
  if (result.success) return undefined;
  const locations = () => TomlLocations.scan('');
  const issue = zodIssuesToPathIssues(result.error.issues, { input: candidate, schema: GlobalConfig, locations })[0];
  return issue ? `${formatPath(issue.path)}: ${issue.message}` : undefined;
}

export async function listSettings(ctx: CommandContext): Promise<void> {
  const effective = await effectiveConfig(ctx);
  for (const key of SETTING_KEYS) {
    const value = valueAt(effective, key.split('.'));
    ctx.io.stdout(value === undefined ? `# ${key} is not set\n` : `${key} = ${show(value)}\n`);
  }
}

export async function getSetting(ctx: CommandContext, key: string): Promise<void> {
  const checked = checkSettingKey(key);
  if (!checked.ok) throw new UserError(checked.message, checked.hint ? { hint: checked.hint } : {});
  const value = valueAt(await effectiveConfig(ctx), checked.path);
  if (value === undefined) {
    // Like `git config`: an unset key prints nothing and fails, so scripts can test for it.
    ctx.io.stderr(`${key} is not set\n`);
    ctx.setExit(ExitCode.failure);
    return;
  }
  ctx.io.stdout(`${typeof value === 'string' ? value : String(value)}\n`);
}

export async function setSetting(ctx: CommandContext, key: string, raw: string): Promise<void> {
  const { io } = ctx;
  const parsed = parseSettingValue(key, raw);
  if (!parsed.ok) throw new UserError(parsed.message, parsed.hint ? { hint: parsed.hint } : {});
  const problem = valueProblem(parsed.path, parsed.value);
  if (problem) throw new UserError(problem);

  const loaded = await loadGlobalConfig(io.env);
  const current = parseToml(loaded.text, loaded.file);
  if (!current.ok) {
    printIssues(io, [current.issue]);
    throw new UserError(`${loaded.file} is not valid TOML, so it was left unchanged`, { hint: 'Fix the line above, then run the command again' });
  }
  const edit = setTomlValue(loaded.text, current.value, parsed.path, parsed.value);
  const check = validateGlobalConfigText(edit.text, loaded.file);
  if (check.errors.length > 0) {
    // The new value passed on its own, so what is left was already wrong in the file.
    printIssues(io, loaded.errors.length > 0 ? loaded.errors : check.errors);
    throw new UserError(`${loaded.file} has other errors, so it was left unchanged`, { hint: 'Fix the lines above, then run the command again' });
  }
  await mkdir(dirname(loaded.file), { recursive: true });
  await writeFileAtomic(loaded.file, edit.text);
  if (!edit.preservedLayout) io.stderr(`note: ${loaded.file} was rewritten in full; its comments could not be kept\n`);
  io.stdout(`${key} = ${show(parsed.value)}\n`);
}
