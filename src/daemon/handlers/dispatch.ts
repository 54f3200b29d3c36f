// `dispatch`, `dispatch-targets`, `worktree-list`, `worktree-reclaim`: a worktree per task
// (dispatch.ts) and the safe way to take one back (worktree-reclaim.ts).
import type { Handler } from '../context.js';
import { dispatch as runDispatch, dispatchTargets as targets } from '../dispatch.js';
import { listWorktrees } from '../worktree-inspect.js';
import { reclaimWorktree } from '../worktree-reclaim.js';

export const dispatch: Handler<'dispatch'> = (request, daemon) => runDispatch(daemon, request);

export const dispatchTargets: Handler<'dispatch-targets'> = (request) => targets(request.repoDir);

export const worktreeList: Handler<'worktree-list'> = (request, daemon) => listWorktrees(request.repoDir, daemon.registry.list());

export const worktreeReclaim: Handler<'worktree-reclaim'> = async (request, daemon) => {
  const result = await reclaimWorktree(request.repoDir, request.name, daemon.registry.list(), request);
  daemon.logger.info('worktree reclaimed', { ...result });
  return result;
};
