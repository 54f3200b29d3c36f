// `dispatch` on real git repositories with the real daemon: a fresh base fetched from a bare
// remote, `.worktreeinclude` copying gitignored files, the task handed to the start role, and
// every refusal (not a repository, a dirty base, a branch that exists, a bad NAME or base) one
// sentence that changes nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseMap } from '../../../src/protocol/messages.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { addBareRemote, commit, createRepo, gitIn, gitState } from '../../helpers/git-repo.js';
import { SIM_AGENT } from '../../helpers/orchestration-project.js';

const SOLO = `node ${SIM_AGENT} --role solo`;

describe('dispatch', () => {
  let h: DaemonHarness;
  let n = 0;
  /** A fresh parent directory per test: dispatch worktrees go beside the repository. */
  const place = () => {
    const dir = join(h.deck.root, `t${++n}`);
    mkdirSync(dir);
    return dir;
  };

  beforeAll(() => {
    h = createDaemonHarness();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('bases the worktree on the fetched remote head, copies .worktreeinclude files and hands the task to the agent', async () => {
    const dir = place();
    const repo = createRepo(join(dir, 'app'), {
      'README.md': '# app\n',
      '.gitignore': '.env\nsecrets/\nbuild/\n',
      '.worktreeinclude': '.env\nsecrets/\n',
    });
    writeFileSync(join(repo, '.env'), 'TOKEN=local\n');
    mkdirSync(join(repo, 'secrets'));
    writeFileSync(join(repo, 'secrets', 'key.pem'), 'key\n');
    mkdirSync(join(repo, 'build'));
    writeFileSync(join(repo, 'build', 'out.js'), 'ignored, not listed\n');
    addBareRemote(repo, join(dir, 'origin.git'));
    // Someone else pushed to origin since this checkout last pulled.
    const other = join(dir, 'other');
    gitIn(dir, 'clone', '--quiet', join(dir, 'origin.git'), other);
    const pushed = commit(other, { 'upstream.txt': 'from a teammate\n' }, 'teammate');
    gitIn(other, 'push', '--quiet', 'origin', 'main');

    const result = JSON.parse(
      await h.ok(['dispatch', 'fix-login', '--single', SOLO, '--task', 'Fix the login page.', '-p', repo, '--json']),
    ) as ResponseMap['dispatch'];
    const path = join(dir, 'app-dispatch-fix-login');
    expect(result).toMatchObject({
      name: 'fix-login',
      path,
      branch: 'agent/dispatch-fix-login',
      base: pushed,
      baseNote: 'fetched origin; based on origin/main',
      tab: 'dispatch-fix-login',
    });
    expect(result.copied.sort()).toEqual(['.env', 'secrets/key.pem']);
    expect(readFileSync(join(path, 'upstream.txt'), 'utf8')).toBe('from a teammate\n');
    expect(readFileSync(join(path, '.env'), 'utf8')).toBe('TOKEN=local\n');
    expect(existsSync(join(path, 'build'))).toBe(false);
    expect(gitIn(path, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('agent/dispatch-fix-login');
    expect(readFileSync(join(path, '.dot-agent-deck', 'dispatch-task.md'), 'utf8')).toBe('Fix the login page.');
    const [pane] = result.panes;
    expect(pane).toMatchObject({ cwd: path, tab: 'dispatch-fix-login', name: 'fix-login' });
    await h.waitForScreen(
      pane!.id,
      'the agent is told where its task is',
      /» Read \.dot-agent-deck\/dispatch-task\.md for your task and carry it out\./,
      15_000,
    );
    await h.ok(['kill', pane!.id]);
  });

  it('falls back to local HEAD when the remote cannot be fetched, and says so', async () => {
    const dir = place();
    const repo = createRepo(join(dir, 'app'));
    gitIn(repo, 'remote', 'add', 'origin', join(dir, 'gone.git'));
    const head = gitIn(repo, 'rev-parse', 'HEAD');
    const result = JSON.parse(await h.ok(['dispatch', 'offline', '--single', 'true', '--task', 'x', '-p', repo, '--json'])) as ResponseMap['dispatch'];
    expect(result.base).toBe(head);
    expect(result.baseNote).toMatch(/^could not fetch origin \(.+\); based on local main$/);
  });

  it('lists the orchestrations it can dispatch', async () => {
    const dir = place();
    const repo = createRepo(join(dir, 'app'), {
      '.dot-agent-deck.toml':
        '[[orchestrations]]\nname = "dev"\n[[orchestrations.roles]]\nname = "lead"\ncommand = "true"\nstart = true\n[[orchestrations.roles]]\nname = "coder"\ncommand = "true"\n',
    });
    expect(await h.ok(['dispatch', '--list-targets', '-p', repo])).toBe(
      '--orchestration dev: lead, coder\n--single [COMMAND]: one agent (default: your shell)\n',
    );
  });

  type Setup = (repo: string, dir: string) => Promise<void> | void;
  it.each<[string, string[], Setup, RegExp]>([
    [
      'a directory that is not a repository',
      ['--single', 'true', '--task', 'x'],
      () => undefined,
      /^error: \/.+\/plain is not inside a git repository\.\nhint: /,
    ],
    [
      'a dirty base',
      ['--single', 'true', '--task', 'x'],
      (repo) => writeFileSync(join(repo, 'README.md'), 'edited\n'),
      /^error: \/.+\/app has 1 uncommitted change \(README\.md\) that a dispatch from HEAD would not include\.\nhint: commit or stash them, or pass --base REF to choose the base\n$/,
    ],
    [
      'a branch that exists',
      ['--single', 'true', '--task', 'x'],
      (repo) => void gitIn(repo, 'branch', 'agent/dispatch-job'),
      /^error: Branch agent\/dispatch-job already exists in \/.+\/app, so dispatch "job" ran before\.\nhint: .*worktree reclaim job/,
    ],
    ['a base that is no commit', ['--single', 'true', '--task', 'x', '--base', 'nope'], () => undefined, /^error: --base "nope" does not name a commit in /],
    [
      'an orchestration the project lacks',
      ['--orchestration', 'dev', '--task', 'x'],
      () => undefined,
      /^error: \/.+\/\.dot-agent-deck\.toml does not exist, so there is no orchestration to dispatch\.\nhint: /,
    ],
    [
      'both targets',
      ['--orchestration', '--single', '--task', 'x'],
      () => undefined,
      /^error: dispatch needs exactly one of --orchestration \[NAME\] and --single \[COMMAND\]\.\n/,
    ],
    ['no task', ['--single', 'true'], () => undefined, /^error: dispatch needs exactly one of --task TEXT and --task-file FILE\.\n/],
  ])('refuses %s with one sentence and changes nothing', async (what, args, setup, message) => {
    const dir = place();
    const repo = what.includes('not a repository') ? join(dir, 'plain') : createRepo(join(dir, 'app'));
    mkdirSync(repo, { recursive: true });
    await setup(repo, dir);
    const before = what.includes('not a repository') ? null : gitState(repo);
    const result = await h.cli(['dispatch', 'job', ...args, '-p', repo]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error:'))).toHaveLength(1);
    if (before) expect(gitState(repo)).toEqual(before);
    expect(existsSync(join(dir, `${what.includes('not a repository') ? 'plain' : 'app'}-dispatch-job`))).toBe(false);
  });

  it.each([
    ['a/b', /^error: The dispatch name "a\/b" contains "\/"/],
    ['x..y', /^error: The dispatch name "x\.\.y" contains "\.\."; git refuses that in a branch name\.\n/],
    ['job.lock', /^error: The dispatch name "job\.lock" ends in "\.lock"/],
    ['fix login', /^error: The dispatch name "fix login" contains a space; /],
  ])('refuses the NAME %j with one sentence and exit 2', async (name, message) => {
    const repo = createRepo(join(place(), 'app'));
    const before = gitState(repo);
    const result = await h.cli(['dispatch', '--single', 'true', '--task', 'x', '-p', repo, '--', name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(gitState(repo)).toEqual(before);
  });
});

describe('dispatch without git', () => {
  it('says git is missing in one sentence', async () => {
    const empty = createDaemonHarness();
    try {
      const bin = join(empty.deck.root, 'nogit-bin');
      mkdirSync(bin);
      const repo = join(empty.deck.root, 'app');
      mkdirSync(repo);
      empty.deck.env.PATH = bin;
      const result = await empty.cli(['dispatch', 'job', '--single', 'true', '--task', 'x', '-p', repo]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'error: git was not found on the PATH the deck daemon runs with.\nhint: install git, then run `dot-agent-deck daemon restart` so the daemon sees it\n',
      );
    } finally {
      empty.deck.env.PATH = process.env.PATH;
      await empty.dispose();
    }
  });
});
