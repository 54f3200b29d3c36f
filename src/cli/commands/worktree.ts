// `worktree list [--json]` and `worktree reclaim NAME [--force [--delete-branch]]`: the deck's
// dispatch worktrees of a repository, and the safe way to remove one (daemon/worktree-*.ts).
import { resolve } from 'node:path';
import type { WorktreeInfo } from '../../protocol/messages.js';
import { connectDaemon } from '../daemon-client.js';
import { json, table } from '../format.js';
import type { CommandRegistrar } from '../program.js';

export const registerWorktree: CommandRegistrar = (program, ctx) => {
  const worktree = program.command('worktree').description("the deck's dispatch worktrees of a repository");

  worktree
    .command('list')
    .description('every dispatch worktree: branch, ahead/behind its base, uncommitted files, merged, live panes, last activity')
    .option('-p, --project <dir>', 'the repository', '.')
    .option('--json', 'print JSON')
    .action(async (options: { project: string; json?: boolean }) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const result = await connection.request({ kind: 'worktree-list', repoDir: resolve(ctx.io.cwd, options.project) });
        if (options.json) return void ctx.io.stdout(json(result));
        if (result.worktrees.length === 0) return void ctx.io.stdout(`no dispatch worktrees in ${result.repo}\n`);
        ctx.io.stdout(table(['NAME', 'BRANCH', 'AHEAD', 'BEHIND', 'DIRTY', 'MERGED', 'PANES', 'LAST ACTIVE', 'PATH'], result.worktrees.map(row)));
      } finally {
        connection.dispose();
      }
    });

  worktree
    .command('reclaim')
    .description('remove a dispatch worktree and its branch, only when clean and merged (or without commits of its own)')
    .argument('<name>', 'the dispatch NAME')
    .option('-p, --project <dir>', 'the repository', '.')
    .option('--force', 'remove the checkout even with uncommitted or unmerged work; the branch is kept')
    .option('--delete-branch', 'with --force, delete the branch too')
    .action(async (name: string, options: { project: string; force?: boolean; deleteBranch?: boolean }) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const result = await connection.request({
          kind: 'worktree-reclaim',
          repoDir: resolve(ctx.io.cwd, options.project),
          name,
          force: options.force === true,
          deleteBranch: options.deleteBranch === true,
        });
        ctx.io.stdout(`Removed ${result.path}; ${result.deletedBranch ? `deleted branch ${result.branch}` : `kept branch ${result.branch}`}\n`);
      } finally {
        connection.dispose();
      }
    });
};

function row(w: WorktreeInfo): string[] {
  const merged = w.merged === 'no-commits' ? 'no commits' : w.merged;
  return [
    w.name,
    w.branch,
    String(w.ahead),
    String(w.behind),
    w.missing ? 'missing' : String(w.dirty.length),
    merged,
    w.livePanes.join(',') || '-',
    w.lastActivityAt ? w.lastActivityAt.slice(0, 16).replace('T', ' ') : '-',
    w.path,
  ];
}
