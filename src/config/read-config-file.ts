// Reads a config file for validation: undefined when it does not exist, a sentence when it
// cannot be read. Size-capped, so pointing the deck at a huge file cannot exhaust memory.
import { readFile, stat } from 'node:fs/promises';
import { UserError, errorMessage } from '../common/errors.js';

/** Config files are a few KB; a 1,000-role project file is about 150 KB. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export async function readConfigFile(file: string, label: string = file): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (info.size > MAX_CONFIG_BYTES) {
      throw new UserError(`${label} is ${info.size} bytes, more than a config file can be (${MAX_CONFIG_BYTES} bytes)`, {
        hint: 'Check that it is the right file',
      });
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`Cannot read ${label}: ${errorMessage(error)}`, { cause: error });
  }
}
