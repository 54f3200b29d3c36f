// The one way the deck runs git: execa with an argument vector (never a shell string), a
// bounded run time and output, and a sentence when git itself is missing.
import { execa } from 'execa';
import { UserError } from '../common/errors.js';

/** A fetch over a slow network is the longest step; past this the dispatch falls back to HEAD. */
const GIT_TIMEOUT_MS = 60_000;
/** `worktree list`, `status` and `ls-files` of a large repository stay far below this. */
const MAX_OUTPUT = 16 * 1024 * 1024;

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** Runs `git args…` in `cwd`; a non-zero exit is a result, not a throw. Throws only when git
 *  cannot be run at all. */
export async function runGit(cwd: string, args: readonly string[], options: { timeoutMs?: number; input?: string } = {}): Promise<GitResult> {
  const result = await execa('git', args, {
    cwd,
    reject: false,
    timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
    maxBuffer: MAX_OUTPUT,
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
    // Never wait for a password prompt or an editor: a daemon has no one to type into them.
    env: { GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', GIT_ASKPASS: '', SSH_ASKPASS: '' },
    stripFinalNewline: true,
  });
  if (result.exitCode === undefined && (result.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new UserError('git was not found on the PATH the deck daemon runs with.', {
      hint: 'install git, then run `dot-agent-deck daemon restart` so the daemon sees it',
    });
  }
  return { ok: result.exitCode === 0, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? ''), exitCode: result.exitCode ?? null };
}

/** Runs git and returns its output; a failure becomes `UserError(what: git's first line)`. */
export async function git(cwd: string, args: readonly string[], what: string): Promise<string> {
  const result = await runGit(cwd, args);
  if (!result.ok) throw new UserError(`${what}: ${firstLine(result.stderr) || `git ${args[0]} exited ${result.exitCode}`}`);
  return result.stdout;
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}
