// Whether the deck offers ctrl+d g for a directory: it has no project file and the user has not
// answered "Never" there. Read by the deck itself, like the new-pane form's directory checks.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigGenMemory } from '../../config-gen/config-gen-memory.js';
import { PROJECT_FILE } from '../../config/paths.js';

/** `auto`: config.toml's `auto_config_prompt`; off, the deck never offers, and ctrl+d g still works. */
export async function offersConfigGen(dir: string, memory: ConfigGenMemory, auto = true): Promise<boolean> {
  if (!auto) return false;
  const hasProjectFile = await access(join(dir, PROJECT_FILE)).then(
    () => true,
    () => false,
  );
  return !hasProjectFile && !(await memory.isNever(dir));
}
