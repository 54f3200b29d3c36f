// Finds the executable a command names, the way execvp will (PATH of the pane's environment,
// relative paths against the pane's cwd). node-pty reports a program that cannot be executed only
// as exit code 1 after the fork (its child prints perror and _exits), so the deck checks first and
// can say what is wrong.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path that would be executed for `program`, or undefined when there is none. */
export function findProgram(program: string, where: { cwd: string; path: string | undefined }): string | undefined {
  if (program === '') return undefined;
  if (program.includes('/')) {
    const candidate = isAbsolute(program) ? program : resolve(where.cwd, program);
    return isExecutableFile(candidate) ? candidate : undefined;
  }
  for (const dir of (where.path ?? '').split(delimiter)) {
    // An empty PATH entry means the current directory (POSIX).
    const candidate = join(dir === '' ? where.cwd : resolve(where.cwd, dir), program);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
