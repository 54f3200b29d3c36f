// Whether the deck offers ctrl+d g for a directory: it has no project file and the user has not
// answered "Never" there. Read by the deck itself, like the new-pane form's directory checks.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigGenMemory } from '../../config-gen/config-gen-memory.js';
import { PROJECT_FILE } from '../../config/paths.js';

export async function offersConfigGen(dir: string, memory: ConfigGenMemory): Promise<boolean> {
  const hasProjectFile = await access(join(dir, PROJECT_FILE)).then(() => true, () => false);
  return !hasProjectFile && !(await memory.isNever(dir));
}
