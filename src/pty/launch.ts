// Turns a pane's command, directory and base environment into exactly what node-pty will exec,
// and refuses with a sentence a person can act on when it cannot start. It starts nothing.
import { statSync } from 'node:fs';
import { UserError, errorMessage } from '../common/errors.js';
import { parseCommandLine } from './command-line.js';
import { buildPaneEnv, type PaneIdentity } from './pane-env.js';
import { findProgram } from './program-path.js';

export interface LaunchRequest extends PaneIdentity {
  command: string;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Launch {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

// glibc's execvp searches this when PATH is unset (confstr(_CS_PATH)).
const DEFAULT_PATH = '/bin:/usr/bin';
const FALLBACK_SHELL = '/bin/sh';

function checkDirectory(cwd: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError(missing ? `Cannot start the pane in ${cwd}: the directory does not exist` : `Cannot start the pane in ${cwd}: ${errorMessage(error)}`, {
      hint: "Check the pane's working directory (cwd) in your configuration.",
      cause: error,
    });
  }
  if (!isDirectory) {
    throw new UserError(`Cannot start the pane in ${cwd}: it is not a directory`, {
      hint: "Check the pane's working directory (cwd) in your configuration.",
    });
  }
}

export function prepareLaunch(request: LaunchRequest): Launch {
  checkDirectory(request.cwd);
  const env = buildPaneEnv(request.env, request);
  const where = { cwd: request.cwd, path: env.PATH ?? DEFAULT_PATH };
  const line = parseCommandLine(request.command);

  if (line.kind === 'argv') {
    const [program, ...args] = line.argv;
    if (findProgram(program, where) === undefined) {
      throw new UserError(
        program.includes('/') ? `Cannot start "${program}": it is not an executable file` : `Cannot start "${program}": no such program on PATH`,
        { hint: `Install it, or give its full path in the pane's command ("${request.command}").` },
      );
    }
    // node-pty execs with execvp in the child, which searches the same PATH we just searched.
    return { file: program, args, cwd: request.cwd, env };
  }

  const shell = env.SHELL || FALLBACK_SHELL;
  if (findProgram(shell, where) === undefined) {
    throw new UserError(`Cannot start the shell "${shell}" (from $SHELL) to run: ${request.command}`, {
      hint: 'Set SHELL to an installed shell, or write the command without shell syntax.',
    });
  }
  return { file: shell, args: ['-c', request.command], cwd: request.cwd, env };
}
