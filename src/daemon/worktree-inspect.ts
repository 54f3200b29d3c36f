// `worktree list`: every deck worktree of a repository (branch `agent/dispatch-*`) with what a
// person needs before reclaiming it: commits ahead of and behind its base, uncommitted files,
// merged or not, the panes that live in it and when it was last active.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_STATE_DIR } from '../config/paths.js';
import type { PaneInfo, WorktreeInfo } from '../protocol/messages.js';
import { dispatchNameOf } from './dispatch-names.js';
import { changedFiles, mainCheckout, resolveCommit } from './git-repo.js';
import { git, runGit } from './git.js';
import { BASE_REF_KEY, BASE_SHA_KEY } from './worktree-create.js';

/** A repository with more deck worktrees than this lists the first ones (each costs a few git runs). */
const MAX_LISTED = 200;

export interface DeckWorktree {
  name: string;
  path: string;
  branch: string;
}

/** The repository's main checkout and its deck worktrees (branch `agent/dispatch-*`), from git. */
export async function findDeckWorktrees(repoDir: string): Promise<{ repo: string; worktrees: DeckWorktree[] }> {
  const repo = await mainCheckout(repoDir);
  const porcelain = await git(repo, ['worktree', 'list', '--porcelain'], `Could not list the worktrees of ${repo}`);
  const worktrees: DeckWorktree[] = [];
  for (const block of porcelain.split('\n\n')) {
    const path = /^worktree (.+)$/m.exec(block)?.[1];
    const branch = /^branch (.+)$/m.exec(block)?.[1];
    const name = branch ? dispatchNameOf(branch) : null;
    if (path && branch && name) worktrees.push({ path, branch: branch.replace(/^refs\/heads\//, ''), name });
  }
  return { repo, worktrees: worktrees.slice(0, MAX_LISTED) };
}

export async function listWorktrees(repoDir: string, panes: readonly PaneInfo[]): Promise<{ repo: string; worktrees: WorktreeInfo[] }> {
  const { repo, worktrees: found } = await findDeckWorktrees(repoDir);
  const worktrees: WorktreeInfo[] = [];
  for (const entry of found) worktrees.push(await inspect(repo, entry, panes));
  return { repo, worktrees };
}

async function inspect(repo: string, entry: DeckWorktree, panes: readonly PaneInfo[]): Promise<WorktreeInfo> {
  const config = async (key: string) => {
    const result = await runGit(repo, ['config', '--get', `branch.${entry.branch}.${key}`]);
    return result.ok ? result.stdout.trim() : null;
  };
  const baseSha = await config(BASE_SHA_KEY);
  const baseRef = (await config(BASE_REF_KEY)) ?? baseSha;
  // Measured against the base branch as it is now (it moves on), else the commit it started at.
  const against = (baseRef ? await resolveCommit(repo, baseRef) : null) ?? baseSha;
  let ahead = 0;
  let behind = 0;
  let own = 0;
  let unmerged: string[] = [];
  if (against) {
    const counts = await runGit(repo, ['rev-list', '--left-right', '--count', `${against}...refs/heads/${entry.branch}`]);
    [behind, ahead] = counts.stdout.split(/\s+/).map(Number) as [number, number];
    const log = await runGit(repo, ['log', '--format=%h %s', '--max-count=20', `${against}..refs/heads/${entry.branch}`]);
    unmerged = log.stdout.split('\n').filter(Boolean);
  }
  // Commits made since the dispatch started: none means nothing of its own was ever at stake.
  if (baseSha) own = Number((await runGit(repo, ['rev-list', '--count', `${baseSha}..refs/heads/${entry.branch}`])).stdout.trim()) || 0;
  else own = ahead;
  const missing = !existsSync(entry.path);
  const dirty = missing ? [] : await changedFiles(entry.path);
  const live = panes.filter((pane) => pane.state === 'running' && (pane.cwd === entry.path || pane.cwd.startsWith(`${entry.path}/`)));
  return {
    name: entry.name,
    path: entry.path,
    branch: entry.branch,
    base: baseRef,
    ahead,
    behind,
    dirty,
    merged: own === 0 ? 'no-commits' : ahead === 0 ? 'merged' : 'unmerged',
    unmergedCommits: unmerged,
    missing,
    livePanes: live.map((pane) => pane.id),
    lastActivityAt: await lastActivity(repo, entry, live),
  };
}

/** The latest of: the branch's last commit, its journal's last write, its panes' last output. */
async function lastActivity(repo: string, entry: { path: string; branch: string }, live: readonly PaneInfo[]): Promise<string | null> {
  const times: number[] = [];
  const commit = await runGit(repo, ['log', '-1', '--format=%cI', `refs/heads/${entry.branch}`]);
  if (commit.ok && commit.stdout.trim()) times.push(Date.parse(commit.stdout.trim()));
  try {
    times.push(statSync(join(entry.path, PROJECT_STATE_DIR, 'journal.jsonl')).mtimeMs);
  } catch {
    // No journal yet: nothing ran an orchestration there.
  }
  for (const pane of live) if (pane.lastActivityAt) times.push(Date.parse(pane.lastActivityAt));
  const valid = times.filter((t) => Number.isFinite(t));
  return valid.length === 0 ? null : new Date(Math.max(...valid)).toISOString();
}
