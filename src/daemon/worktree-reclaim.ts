// `worktree reclaim NAME`: removes a deck worktree and its branch only when nothing would be
// lost (clean, and merged or without commits of its own), and never while a pane lives in it.
// Otherwise it refuses and says what would be lost. `force` removes only the checkout and keeps
// the branch (and so every commit) unless `deleteBranch`. Nothing here runs on a timer.
import { UserError } from '../common/errors.js';
import type { PaneInfo, ResponseMap } from '../protocol/messages.js';
import { checkDispatchName, dispatchBranch } from './dispatch-names.js';
import { preview } from './git-repo.js';
import { firstLine, runGit } from './git.js';
import { listWorktrees } from './worktree-inspect.js';

export interface ReclaimOptions {
  force: boolean;
  deleteBranch: boolean;
}

export async function reclaimWorktree(
  repoDir: string,
  name: string,
  panes: readonly PaneInfo[],
  options: ReclaimOptions,
): Promise<ResponseMap['worktree-reclaim']> {
  checkDispatchName(name);
  const { repo, worktrees } = await listWorktrees(repoDir, panes);
  const found = worktrees.find((worktree) => worktree.name === name);
  if (!found) {
    const branchOnly = (await runGit(repo, ['show-ref', '--verify', '--quiet', `refs/heads/${dispatchBranch(name)}`])).ok;
    throw new UserError(
      branchOnly
        ? `Dispatch ${JSON.stringify(name)} has no worktree any more; only its branch ${dispatchBranch(name)} is left.`
        : `No deck worktree named ${JSON.stringify(name)} in ${repo}.`,
      {
        hint: branchOnly
          ? `delete the branch with \`git branch -D ${dispatchBranch(name)}\` once you no longer need it`
          : `names: ${worktrees.map((w) => w.name).join(', ') || 'none'}`,
      },
    );
  }
  if (found.livePanes.length > 0) {
    throw new UserError(
      `Pane${found.livePanes.length === 1 ? '' : 's'} ${found.livePanes.join(', ')} still run${found.livePanes.length === 1 ? 's' : ''} in ${found.path}; a worktree is never reclaimed under a live pane.`,
      {
        hint: `close ${found.livePanes.length === 1 ? 'it' : 'them'} first (\`dot-agent-deck kill ${found.livePanes[0]}\`)`,
      },
    );
  }
  if (!options.force) {
    const lost: string[] = [];
    if (found.dirty.length > 0) lost.push(`${found.dirty.length} uncommitted file${found.dirty.length === 1 ? '' : 's'} (${preview(found.dirty)})`);
    if (found.merged === 'unmerged') {
      lost.push(`${found.ahead} commit${found.ahead === 1 ? '' : 's'} not in ${found.base ?? 'its base'} (${preview(found.unmergedCommits, 2)})`);
    }
    if (lost.length > 0) {
      throw new UserError(`Reclaiming ${found.path} would lose ${lost.join(' and ')}; nothing was removed.`, {
        hint: `merge or commit what you want to keep; \`--force\` removes only the checkout and keeps branch ${found.branch}`,
      });
    }
  }
  const removed = await runGit(repo, ['worktree', 'remove', '--force', found.path]);
  if (!removed.ok && !found.missing) throw new UserError(`git could not remove ${found.path}: ${firstLine(removed.stderr)}`);
  if (found.missing) await runGit(repo, ['worktree', 'prune']);
  const deleteBranch = options.force ? options.deleteBranch : true;
  let deletedBranch = false;
  if (deleteBranch) {
    const deleted = await runGit(repo, ['branch', '-D', found.branch]);
    if (!deleted.ok) throw new UserError(`Removed ${found.path}, but git could not delete branch ${found.branch}: ${firstLine(deleted.stderr)}`);
    await runGit(repo, ['config', '--remove-section', `branch.${found.branch}`]);
    deletedBranch = true;
  }
  return { name, path: found.path, branch: found.branch, deletedBranch };
}
