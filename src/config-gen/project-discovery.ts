// Reads the bounded snapshot of a project directory that project-facts.ts turns into facts for
// the config generator, and finds the agent CLIs on PATH. Every read is capped (entries, files,
// bytes) so a huge or hostile directory costs the same as a small one; nothing is executed.
import { constants } from 'node:fs';
import { access, open, opendir, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { AGENT_CLIS, type AgentCli } from './agent-clis.js';
import type { Env } from '../config/paths.js';
import { dirsToList, factsFromSnapshot, filesToRead, type ProjectFacts } from './project-facts.js';

export interface DiscoveryLimits {
  /** Entries read from each directory listed. */
  entriesPerDir: number;
  /** Files whose text is read. */
  files: number;
  /** Bytes read from each file; the rest is ignored. */
  bytesPerFile: number;
  /** PATH entries searched for agent CLIs. */
  pathEntries: number;
}

// A real project's top level has tens of entries and its scripts are a few KB; these bounds
// leave room for that and keep a run over a node_modules-sized directory to milliseconds.
export const DEFAULT_DISCOVERY_LIMITS: DiscoveryLimits = { entriesPerDir: 300, files: 24, bytesPerFile: 64 * 1024, pathEntries: 64 };

export interface DiscoveryOptions {
  /** PATH is taken from here (default process.env). */
  env?: Env;
  limits?: Partial<DiscoveryLimits>;
}

export async function discoverProject(dir: string, options: DiscoveryOptions = {}): Promise<ProjectFacts> {
  const limits = { ...DEFAULT_DISCOVERY_LIMITS, ...options.limits };
  const omitted: string[] = [];
  const topLevel = await listDir(dir, '', limits.entriesPerDir, omitted);
  const paths = [...topLevel];
  // One directory at a time, so `omitted` reads in a stable order.
  for (const sub of dirsToList(topLevel)) paths.push(...(await listDir(join(dir, sub), sub, limits.entriesPerDir, omitted)));

  const wanted = filesToRead(paths);
  if (wanted.length > limits.files) omitted.push(`${wanted.length - limits.files} more files not read: ${wanted.slice(limits.files).join(', ')}`);
  const files: Record<string, string> = {};
  for (const path of wanted.slice(0, limits.files)) {
    const text = await readHead(join(dir, path), limits.bytesPerFile);
    if (text === undefined) continue;
    if (text.truncated) omitted.push(`${path}: only its first ${limits.bytesPerFile} bytes were read`);
    files[path] = text.text;
  }
  const agentsOnPath = await findAgentsOnPath(options.env ?? process.env, limits.pathEntries);
  return factsFromSnapshot({ paths, files, agentsOnPath, omitted });
}

/** Entry names of one directory, `prefix`ed, directories ending in `/`; symlinks are skipped. */
async function listDir(dir: string, prefix: string, max: number, omitted: string[]): Promise<string[]> {
  const names: string[] = [];
  let seen = 0;
  let handle;
  try {
    handle = await opendir(dir);
  } catch {
    return names;
  }
  try {
    // opendir streams entries, so a directory with a million files is never read in full.
    for await (const entry of handle) {
      // Counts skipped entries too: a directory of a million symlinks costs no more than `max`.
      if (seen++ === max) {
        omitted.push(`${prefix || 'the project directory'}: only the first ${max} entries were looked at`);
        break;
      }
      if (entry.isDirectory()) names.push(`${prefix}${entry.name}/`);
      else if (entry.isFile()) names.push(`${prefix}${entry.name}`);
    }
  } finally {
    // Breaking out of the loop closes the handle; closing again would throw.
    await handle.close().catch(() => undefined);
  }
  return names.sort();
}

async function readHead(file: string, max: number): Promise<{ text: string; truncated: boolean } | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(max + 1);
    const { bytesRead } = await handle.read(buffer, 0, max + 1, 0);
    return { text: buffer.subarray(0, Math.min(bytesRead, max)).toString('utf8'), truncated: bytesRead > max };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Agent CLIs that are an executable file in some PATH entry; found with fs, no shell spawned. */
export async function findAgentsOnPath(env: Env, maxEntries: number = DEFAULT_DISCOVERY_LIMITS.pathEntries): Promise<AgentCli[]> {
  const entries = (env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '')
    .slice(0, maxEntries);
  const found = await Promise.all(AGENT_CLIS.map(async (agent) => ((await anyExecutable(entries.map((entry) => join(entry, agent)))) ? [agent] : [])));
  return found.flat();
}

async function anyExecutable(candidates: readonly string[]): Promise<boolean> {
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) return true;
    } catch {
      // Not here; try the next PATH entry.
    }
  }
  return false;
}
