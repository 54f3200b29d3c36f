// Real git repositories for dispatch and worktree tests: a repository with a first commit, a
// bare remote it pushes to, and a look at what git holds (branches, worktrees) to prove that a
// refused command changed nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const IDENTITY = ['-c', 'user.name=Deck Test', '-c', 'user.email=deck@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Writes `files` (path → text) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** `dir` as a repository on `main` with `files` in its first commit. */
export function createRepo(dir: string, files: Record<string, string> = { 'README.md': '# app\n' }): string {
  mkdirSync(dir, { recursive: true });
  gitIn(dir, 'init', '--quiet', '-b', 'main');
  writeFiles(dir, files);
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '--quiet', '-m', 'first');
  return dir;
}

export function commit(dir: string, files: Record<string, string>, message: string): string {
  writeFiles(dir, files);
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '--quiet', '-m', message);
  return gitIn(dir, 'rev-parse', 'HEAD');
}

/** A bare repository `origin` that `repo` pushes main to, with its HEAD set. */
export function addBareRemote(repo: string, bare: string): string {
  gitIn(dirname(bare), 'init', '--quiet', '--bare', '-b', 'main', bare);
  gitIn(repo, 'remote', 'add', 'origin', bare);
  gitIn(repo, 'push', '--quiet', '-u', 'origin', 'main');
  gitIn(repo, 'remote', 'set-head', 'origin', 'main');
  return bare;
}

/** What a refused command must leave as it was. */
export function gitState(repo: string): { branches: string; worktrees: string; config: string } {
  return {
    branches: gitIn(repo, 'branch', '--list', '--format=%(refname:short) %(objectname)'),
    worktrees: gitIn(repo, 'worktree', 'list', '--porcelain'),
    config: gitIn(repo, 'config', '--local', '--list'),
  };
}
