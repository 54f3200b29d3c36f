// Creates a dispatch's worktree: `../<repo>-dispatch-<NAME>` on branch `agent/dispatch-<NAME>`
// at a fresh base, with the gitignored files `.worktreeinclude` lists copied in. Everything is
// checked first; a step that fails after git made the worktree removes it again, so a refused
// dispatch leaves the repository as it was.
import { constants, copyFileSync, existsSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import { checkDispatchName, dispatchBranch, dispatchPath } from './dispatch-names.js';
import { chooseBase, mainCheckout, type BaseChoice } from './git-repo.js';
import { firstLine, git, runGit } from './git.js';

export const WORKTREE_INCLUDE = '.worktreeinclude';
/** Files and bytes copied from `.worktreeinclude`: secrets and local settings are small; a
 *  pattern that matches a dependency tree is a mistake to report, not to copy. */
export const MAX_INCLUDED_FILES = 1000;
export const MAX_INCLUDED_BYTES = 64 * 1024 * 1024;

/** Git config keys on the branch that remember what the dispatch started from. */
export const BASE_SHA_KEY = 'deckDispatchBase';
export const BASE_REF_KEY = 'deckDispatchBaseRef';

export interface CreatedWorktree {
  name: string;
  repo: string;
  path: string;
  branch: string;
  base: BaseChoice;
  copied: string[];
}

export async function createWorktree(repoDir: string, name: string, wantedBase: string | undefined): Promise<CreatedWorktree> {
  checkDispatchName(name);
  const repo = await mainCheckout(repoDir);
  const branch = dispatchBranch(name);
  const path = dispatchPath(repo, name);
  if ((await runGit(repo, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`])).ok) {
    throw new UserError(`Branch ${branch} already exists in ${repo}, so dispatch ${JSON.stringify(name)} ran before.`, {
      hint: `see it with \`dot-agent-deck worktree list\`; reclaim it with \`dot-agent-deck worktree reclaim ${name}\`, or choose another NAME`,
    });
  }
  if (existsSync(path)) throw new UserError(`${path} already exists; a dispatch needs a fresh directory.`, { hint: 'move it away or choose another NAME' });
  const base = await chooseBase(repo, wantedBase);
  const includes = await includedFiles(repo);
  const added = await runGit(repo, ['worktree', 'add', '--quiet', '-b', branch, path, base.sha]);
  if (!added.ok) throw new UserError(`git could not create the worktree ${path}: ${firstLine(added.stderr)}`);
  try {
    await git(repo, ['config', `branch.${branch}.${BASE_SHA_KEY}`, base.sha], 'Could not record the base');
    await git(repo, ['config', `branch.${branch}.${BASE_REF_KEY}`, base.ref], 'Could not record the base');
    const copied = copyIncluded(repo, path, includes);
    return { name, repo, path, branch, base, copied };
  } catch (error) {
    await removeCreated(repo, path, branch);
    throw error;
  }
}

/** Undoes createWorktree: only for a worktree this dispatch just made and nobody used. */
export async function removeCreated(repo: string, path: string, branch: string): Promise<void> {
  await runGit(repo, ['worktree', 'remove', '--force', path]);
  await runGit(repo, ['branch', '-D', branch]);
  await runGit(repo, ['config', '--remove-section', `branch.${branch}`]);
}

/** The untracked, gitignored files `.worktreeinclude` (gitignore syntax) selects; git does the
 *  pattern matching. Tracked files are in the new checkout already. */
async function includedFiles(repo: string): Promise<string[]> {
  const list = join(repo, WORKTREE_INCLUDE);
  if (!existsSync(list)) return [];
  const matched = (await git(repo, ['ls-files', '-z', '--others', '--ignored', `--exclude-from=${list}`], `Could not read ${list}`))
    .split('\0')
    .filter(Boolean);
  if (matched.length === 0) return [];
  if (matched.length > MAX_INCLUDED_FILES) {
    throw new UserError(`${list} selects ${matched.length} files; a dispatch copies at most ${MAX_INCLUDED_FILES}.`, {
      hint: 'list single files such as .env, not directories of dependencies',
    });
  }
  const ignored = await runGit(repo, ['check-ignore', '-z', '--no-index', '--stdin'], { input: matched.join('\0') });
  return ignored.stdout.split('\0').filter(Boolean);
}

function copyIncluded(repo: string, path: string, files: readonly string[]): string[] {
  let bytes = 0;
  const regular = files.filter((file) => {
    const found = lstatSync(join(repo, file));
    bytes += found.size;
    return found.isFile();
  });
  if (bytes > MAX_INCLUDED_BYTES) {
    throw new UserError(
      `The files ${WORKTREE_INCLUDE} selects hold ${Math.round(bytes / 1048576)} MiB; a dispatch copies at most ${MAX_INCLUDED_BYTES / 1048576} MiB.`,
    );
  }
  for (const file of regular) {
    try {
      mkdirSync(dirname(join(path, file)), { recursive: true });
      copyFileSync(join(repo, file), join(path, file), constants.COPYFILE_EXCL);
    } catch (error) {
      throw new UserError(`Could not copy ${file} (from ${WORKTREE_INCLUDE}) into ${path}: ${errorMessage(error)}`);
    }
  }
  return regular;
}
