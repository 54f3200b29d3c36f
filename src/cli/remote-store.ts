// The remotes in config.toml: read them, add one, remove one. Each edit keeps the rest of the
// file as written (toml-edit, toml-remove), is validated as a whole before anything is written,
// and is written atomically.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExitCode, UserError } from '../common/errors.js';
import { writeFileAtomic } from '../common/fs-atomic.js';
import { suggest } from '../common/suggest.js';
import { loadGlobalConfig, validateGlobalConfigText, type LoadedGlobalConfig } from '../config/global-config.js';
import { RemoteConfig, RemoteName, type Remote } from '../config/remote-config.js';
import { setTomlValue, type TomlScalar } from '../config/toml-edit.js';
import { parseToml, type TomlTable } from '../config/toml-parse.js';
import { removeTomlTable } from '../config/toml-remove.js';
import { firstIssue } from '../protocol/message-socket.js';
import type { CliIO } from './io.js';
import { printIssues } from './print-issues.js';

async function loadValid(io: CliIO): Promise<LoadedGlobalConfig & { config: NonNullable<LoadedGlobalConfig['config']> }> {
  const loaded = await loadGlobalConfig(io.env);
  if (loaded.config) return { ...loaded, config: loaded.config };
  printIssues(io, loaded.errors);
  throw new UserError(`${loaded.file} has errors`, { hint: 'fix the lines above; `dot-agent-deck schema config` describes every setting' });
}

export async function listRemotes(io: CliIO): Promise<Remote[]> {
  const { config } = await loadValid(io);
  return Object.entries(config.remotes).map(([name, remote]) => ({ name, ...remote }));
}

/** The remote called `name`, or a sentence naming the ones there are. */
export async function findRemote(io: CliIO, name: string): Promise<Remote> {
  const remotes = await listRemotes(io);
  const found = remotes.find((remote) => remote.name === name);
  if (found) return found;
  const names = remotes.map((remote) => remote.name);
  const close = suggest(name, names);
  throw new UserError(`No remote named "${name}"${close ? `: did you mean ${close}?` : '.'}`, {
    hint: names.length > 0 ? `remotes: ${names.join(', ')}` : 'add one with `dot-agent-deck remote add NAME [user@]host`',
    exitCode: ExitCode.usage,
  });
}

export type RemoteFields = Partial<Record<keyof RemoteConfig, TomlScalar>>;

export async function addRemote(io: CliIO, name: string, fields: RemoteFields): Promise<Remote> {
  const checkedName = RemoteName.safeParse(name);
  if (!checkedName.success)
    throw new UserError(`The remote name "${name}" ${checkedName.error.issues[0]?.message ?? 'is invalid'}.`, { exitCode: ExitCode.usage });
  const checked = RemoteConfig.safeParse(fields);
  if (!checked.success) throw new UserError(`remote ${name}: ${firstIssue(checked.error)}.`, { exitCode: ExitCode.usage });
  const loaded = await loadValid(io);
  if (name in loaded.config.remotes) {
    throw new UserError(`A remote named "${name}" already exists.`, { hint: `remove it first with \`dot-agent-deck remote remove ${name}\`` });
  }
  let text = loaded.text;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const data = parsed(text, loaded.file);
    text = setTomlValue(text, data, ['remotes', name, key], value).text;
  }
  await write(io, loaded.file, text);
  return { name, ...checked.data };
}

export async function removeRemote(io: CliIO, name: string): Promise<void> {
  const remote = await findRemote(io, name);
  const loaded = await loadValid(io);
  const edit = removeTomlTable(loaded.text, parsed(loaded.text, loaded.file), ['remotes', remote.name]);
  await write(io, loaded.file, edit.text);
  if (!edit.preservedLayout) io.stderr(`note: ${loaded.file} was rewritten in full; its comments could not be kept\n`);
}

function parsed(text: string, file: string): TomlTable {
  const result = parseToml(text, file);
  if (!result.ok) throw new UserError(`${file} is not valid TOML, so it was left unchanged`, { hint: 'fix it, then run the command again' });
  return result.value;
}

async function write(io: CliIO, file: string, text: string): Promise<void> {
  const check = validateGlobalConfigText(text, file);
  if (check.errors.length > 0) {
    printIssues(io, check.errors);
    throw new UserError(`${file} would not be valid after this change, so it was left unchanged`);
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
