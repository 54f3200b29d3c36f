// Resolves the `-p, --project DIR` option shared by project commands, with a usage error
// (exit 2) when the directory is not there.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../common/errors.js';

export interface ProjectTarget {
  /** Absolute path. */
  path: string;
  isFile: boolean;
}

/** `allowFile`: the project file itself may be named instead of its directory. */
export async function resolveProjectTarget(option: string, cwd: string, allowFile: boolean): Promise<ProjectTarget> {
  const path = resolve(cwd, option);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return { path, isFile: false };
  if (info?.isFile() && allowFile) return { path, isFile: true };
  if (info) {
    throw new UserError(`${option} is not a directory`, { exitCode: ExitCode.usage, hint: 'Pass the project directory with -p, --project DIR' });
  }
  throw new UserError(`No such directory: ${option}`, { exitCode: ExitCode.usage, hint: 'Pass an existing project directory with -p, --project DIR' });
}
