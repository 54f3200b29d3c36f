// Where the installed package lives, so commands can read files shipped beside the code
// (templates/, schema/). Both src/common/ (tests) and dist/common/ (build) sit two levels down.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** A path inside the package, e.g. `packagePath('templates', 'init.toml')`. */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
