// Facts about the repository a dispatch starts from: its main checkout, its remote's default
// branch, and whether a checkout has uncommitted changes. Each failure is a sentence.
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../common/errors.js';
import { PROJECT_STATE_DIR } from '../config/paths.js';
import { firstLine, git, runGit } from './git.js';

/** The main checkout of the repository `dir` is in (also when `dir` is one of its worktrees). */
export async function mainCheckout(dir: string): Promise<string> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UserError(`${dir} is not a directory.`, { hint: 'pass the repository with -p DIR' });
  const top = await runGit(dir, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  if (!top.ok) {
    throw new UserError(`${dir} is not inside a git repository.`, { hint: 'run this in a git checkout, or pass one with -p DIR (git init makes one)' });
  }
  const common = resolve(dir, top.stdout.trim());
  if (basename(common) !== '.git') throw new UserError(`${dir} belongs to a bare repository (${common}), which has no checkout to dispatch from.`);
  return dirname(common);
}

export interface BaseChoice {
  sha: string;
  /** What "behind" and "merged" are measured against later: `origin/main`, `main`, or a sha. */
  ref: string;
  /** How the base was chosen, for the person: `fetched origin; based on origin/main`. */
  note: string;
}

/** `--base REF` when given; else the remote's default branch after a fetch; else local HEAD
 *  (refused when the checkout has changes the dispatch would silently leave behind). */
export async function chooseBase(root: string, wanted: string | undefined): Promise<BaseChoice> {
  if (wanted !== undefined) {
    const sha = await resolveCommit(root, wanted);
    if (!sha)
      throw new UserError(`--base ${JSON.stringify(wanted)} does not name a commit in ${root}.`, {
        hint: 'pass a branch, tag or commit that `git log REF` shows',
      });
    return { sha, ref: wanted, note: `based on ${wanted}` };
  }
  const remotes = (await git(root, ['remote'], 'Could not list the remotes')).split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  let fellBack = '';
  if (remote) {
    const fetched = await runGit(root, ['fetch', '--quiet', '--prune', remote]);
    if (fetched.ok) {
      const ref = await remoteDefault(root, remote);
      const sha = ref ? await resolveCommit(root, ref) : null;
      if (ref && sha) return { sha, ref, note: `fetched ${remote}; based on ${ref}` };
      fellBack = `${remote} has no default branch`;
    } else fellBack = `could not fetch ${remote} (${firstLine(fetched.stderr) || 'no reason given'})`;
  }
  const sha = await resolveCommit(root, 'HEAD');
  if (!sha) throw new UserError(`${root} has no commits yet, so there is nothing to dispatch from.`, { hint: 'make a first commit' });
  const dirty = await changedFiles(root);
  if (dirty.length > 0) {
    throw new UserError(
      `${root} has ${dirty.length} uncommitted change${dirty.length === 1 ? '' : 's'} (${preview(dirty)}) that a dispatch from HEAD would not include.`,
      { hint: 'commit or stash them, or pass --base REF to choose the base' },
    );
  }
  const branch = await runGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const ref = branch.ok ? branch.stdout.trim() : sha;
  return { sha, ref, note: `${fellBack ? `${fellBack}; ` : ''}based on local ${ref === sha ? 'HEAD' : ref}` };
}

/** `origin/main`: the remote's HEAD as last fetched, else as the remote says it now. */
async function remoteDefault(root: string, remote: string): Promise<string | null> {
  const local = await runGit(root, ['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`]);
  if (local.ok && local.stdout.trim()) return local.stdout.trim();
  const asked = await runGit(root, ['ls-remote', '--symref', remote, 'HEAD']);
  const match = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(asked.stdout);
  return match ? `${remote}/${match[1]}` : null;
}

export async function resolveCommit(root: string, ref: string): Promise<string | null> {
  if (ref.startsWith('-')) return null;
  const result = await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return result.ok ? result.stdout.trim() : null;
}

/** Files with uncommitted changes (untracked ones too), the deck's own directory aside. */
export async function changedFiles(dir: string): Promise<string[]> {
  const result = await git(
    dir,
    ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.', `:(exclude)${PROJECT_STATE_DIR}`],
    `Could not read the status of ${dir}`,
  );
  return result
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}

/** `a.ts, b.ts and 3 more`. */
export function preview(items: readonly string[], shown = 3): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}
