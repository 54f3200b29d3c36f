// Remembers the project directories where the user answered "Never" to "Ask this agent to
// write .dot-agent-deck.toml?", in $XDG_STATE_HOME/dot-agent-deck/config-gen-never.json, so
// the deck stops offering it there. A missing, unreadable or corrupt file means "no directory
// yet" and is replaced on the next write: a lost preference must never stop the deck.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { errorMessage, UserError } from '../common/errors.js';
import { writeFileAtomic } from '../common/fs-atomic.js';
import { stateDir, type Env } from '../config/paths.js';

/** Far more projects than one person opens; the oldest answer is dropped first past it. */
export const MAX_NEVER_DIRECTORIES = 500;
/** PATH_MAX on Linux; a longer entry cannot be a directory the deck was opened in. */
const MAX_DIRECTORY_CHARS = 4096;
/** 500 × 4096 characters, JSON-escaped, with room to spare; anything bigger is not ours. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export const NeverFile = z.strictObject({
  version: z.literal(1),
  directories: z.array(z.string().min(1).max(MAX_DIRECTORY_CHARS)).max(MAX_NEVER_DIRECTORIES),
});
export type NeverFile = z.infer<typeof NeverFile>;

export function configGenNeverFile(env: Env = process.env): string {
  return join(stateDir(env), 'config-gen-never.json');
}

/** The remembered directories in `text`, or none when it is not a file we wrote. */
export function parseNeverFile(text: string): string[] {
  try {
    const parsed = NeverFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.directories : [];
  } catch {
    return [];
  }
}

/** `list` with `dir` as its newest entry (moved there if already present), oldest dropped past `max`. */
export function withDirectory(list: readonly string[], dir: string, max: number = MAX_NEVER_DIRECTORIES): string[] {
  return [...list.filter((entry) => entry !== dir), dir].slice(-max);
}

export class ConfigGenMemory {
  // Serialises this process's read-modify-write cycles; two deck processes answering "Never"
  // in the same instant may lose one answer, which costs one more question, nothing else.
  private pending: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string = configGenNeverFile()) {}

  /** True when the user chose "Never" for `dir` (compared as an absolute path). */
  async isNever(dir: string): Promise<boolean> {
    return (await this.directories()).includes(resolve(dir));
  }

  async directories(): Promise<string[]> {
    try {
      if ((await stat(this.file)).size > MAX_FILE_BYTES) return [];
      return parseNeverFile(await readFile(this.file, 'utf8'));
    } catch {
      return [];
    }
  }

  /** Remembers "Never" for `dir`. Throws a UserError when the state dir cannot be written. */
  rememberNever(dir: string): Promise<void> {
    const next = this.pending.then(() => this.write(resolve(dir)));
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async write(dir: string): Promise<void> {
    const body: NeverFile = { version: 1, directories: withDirectory(await this.directories(), dir) };
    try {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      // 0600: the list names the user's projects, which is nobody else's business.
      await writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      throw new UserError(`Cannot remember "Never" for ${dir}: ${errorMessage(error)}`, {
        hint: `Make ${dirname(this.file)} writable, or set DOT_AGENT_DECK_STATE_DIR to a directory you can write`,
        cause: error,
      });
    }
  }
}
