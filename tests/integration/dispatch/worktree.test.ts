// `worktree list` and `worktree reclaim` on real repositories: reclaim removes only what loses
// nothing (clean, and merged or without commits of its own), refuses under a live pane, and
// says exactly what would be lost; `--force` keeps the branch unless `--delete-branch`. Also:
// two dispatches of one orchestration side by side, each task delivered only in its own tab.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaneInfo, ResponseMap } from '../../../src/protocol/messages.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { commit, createRepo, gitIn } from '../../helpers/git-repo.js';
import { journal, paneEnv, SIM_AGENT } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

describe('worktree list and reclaim', () => {
  let h: DaemonHarness;
  let repo: string;
  const at = (name: string) => join(h.deck.root, `app-dispatch-${name}`);
  const dispatch = (name: string, command = 'true') => h.ok(['dispatch', name, '--single', command, '--task', `task ${name}`, '-p', repo]);
  const list = async () => (JSON.parse(await h.ok(['worktree', 'list', '-p', repo, '--json'])) as ResponseMap['worktree-list']).worktrees;
  const branches = () => gitIn(repo, 'branch', '--list', '--format=%(refname:short)').split('\n');

  beforeAll(async () => {
    h = createDaemonHarness();
    repo = createRepo(join(h.deck.root, 'app'), { 'README.md': '# app\n', '.gitignore': '.dot-agent-deck/\n' });
    for (const name of ['clean', 'dirty', 'unmerged', 'merged', 'forced', 'busy']) await dispatch(name);
    writeFileSync(join(at('dirty'), 'notes.txt'), 'half done\n');
    commit(at('unmerged'), { 'feature.ts': 'export {};\n' }, 'add the feature');
    commit(at('forced'), { 'spike.ts': 'export {};\n' }, 'a spike');
    commit(at('merged'), { 'done.ts': 'export {};\n' }, 'finished work');
    gitIn(repo, 'merge', '--quiet', '--ff-only', 'agent/dispatch-merged');
    commit(repo, { 'later.md': 'main moved on\n' }, 'main moves on');
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('lists every deck worktree with ahead, behind, dirty files, merged and live panes', async () => {
    const busy = (await h.ok(['new', '-p', at('busy'), '--', 'bash', '--norc', '--noprofile'])).trim();
    const rows = await list();
    const entry = (name: string) => rows.find((w) => w.name === name)!;
    expect(rows.map((w) => w.name).sort()).toEqual(['busy', 'clean', 'dirty', 'forced', 'merged', 'unmerged']);
    expect(entry('clean')).toMatchObject({ branch: 'agent/dispatch-clean', base: 'main', ahead: 0, behind: 2, dirty: [], merged: 'no-commits', livePanes: [] });
    expect(entry('dirty')).toMatchObject({ ahead: 0, dirty: ['notes.txt'], merged: 'no-commits' });
    expect(entry('unmerged')).toMatchObject({
      ahead: 1,
      behind: 2,
      merged: 'unmerged',
      unmergedCommits: [expect.stringMatching(/^[0-9a-f]+ add the feature$/)],
    });
    expect(entry('merged')).toMatchObject({ ahead: 0, behind: 1, merged: 'merged' });
    expect(entry('busy').livePanes).toEqual([busy]);
    expect(entry('clean').lastActivityAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const table = await h.ok(['worktree', 'list', '-p', repo]);
    expect(table).toMatch(/^NAME\s+BRANCH\s+AHEAD\s+BEHIND\s+DIRTY\s+MERGED\s+PANES\s+LAST ACTIVE\s+PATH\n/);
    expect(table).toMatch(new RegExp(`busy\\s+agent/dispatch-busy\\s+0\\s+2\\s+0\\s+no commits\\s+${busy}\\s`));
  });

  it.each<[string, string[], RegExp]>([
    ['dirty', [], /^error: Reclaiming \/.+\/app-dispatch-dirty would lose 1 uncommitted file \(notes\.txt\); nothing was removed\.\nhint: .*--force/],
    ['unmerged', [], /^error: Reclaiming \/.+\/app-dispatch-unmerged would lose 1 commit not in main \([0-9a-f]+ add the feature\); nothing was removed\.\n/],
    ['busy', ['--force'], /^error: Pane p\d+ still runs in \/.+\/app-dispatch-busy; a worktree is never reclaimed under a live pane\.\nhint: close it first/],
    ['nobody', [], /^error: No deck worktree named "nobody" in \/.+\/app\.\nhint: names: /],
  ])('refuses to reclaim %s and keeps everything', async (name, flags, message) => {
    const result = await h.cli(['worktree', 'reclaim', name, '-p', repo, ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    if (name !== 'nobody') {
      expect(existsSync(at(name))).toBe(true);
      expect(branches()).toContain(`agent/dispatch-${name}`);
    }
  });

  it.each([
    ['clean', 'no commits of its own'],
    ['merged', 'merged into main'],
  ])('reclaims %s (%s): checkout and branch removed', async (name) => {
    expect(await h.ok(['worktree', 'reclaim', name, '-p', repo])).toBe(`Removed ${at(name)}; deleted branch agent/dispatch-${name}\n`);
    expect(existsSync(at(name))).toBe(false);
    expect(branches()).not.toContain(`agent/dispatch-${name}`);
  });

  it('with --force removes the checkout and keeps the branch, and deletes it only with --delete-branch', async () => {
    expect(await h.ok(['worktree', 'reclaim', 'forced', '--force', '-p', repo])).toBe(`Removed ${at('forced')}; kept branch agent/dispatch-forced\n`);
    expect(existsSync(at('forced'))).toBe(false);
    expect(gitIn(repo, 'log', '-1', '--format=%s', 'agent/dispatch-forced')).toBe('a spike');
    expect(await h.ok(['worktree', 'reclaim', 'dirty', '--force', '--delete-branch', '-p', repo])).toBe(
      `Removed ${at('dirty')}; deleted branch agent/dispatch-dirty\n`,
    );
    expect(branches()).not.toContain('agent/dispatch-dirty');
  });
});

describe('two dispatches of one orchestration', () => {
  let h: DaemonHarness;
  beforeAll(() => {
    h = createDaemonHarness();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('run side by side in their own worktrees, and each task reaches only its own coder', { timeout: 90_000 }, async () => {
    const toml = [
      '[[orchestrations]]',
      'name = "dev"',
      '[[orchestrations.roles]]',
      'name = "orchestrator"',
      `command = "node ${SIM_AGENT} --role orchestrator --script orchestrator.json"`,
      'start = true',
      '[[orchestrations.roles]]',
      'name = "coder"',
      `command = "node ${SIM_AGENT} --role coder --script coder.json"`,
    ].join('\n');
    const repo = createRepo(join(h.deck.root, 'app'), {
      '.dot-agent-deck.toml': `${toml}\n`,
      'orchestrator.json': JSON.stringify({ startDelayMs: 0, workMs: 10 }),
      'coder.json': JSON.stringify({ startDelayMs: 0, workMs: 10, report: 'done here' }),
      '.gitignore': '.dot-agent-deck/\n',
    });
    const opened: ResponseMap['dispatch'][] = [];
    for (const name of ['a', 'b']) {
      opened.push(JSON.parse(await h.ok(['dispatch', name, '--orchestration', '--task', `Goal of ${name}.`, '-p', repo, '--json'])) as ResponseMap['dispatch']);
    }
    const [a, b] = opened as [ResponseMap['dispatch'], ResponseMap['dispatch']];
    expect([a.tab, b.tab]).toEqual(['dev', 'dev-2']);
    expect(readFileSync(join(a.path, '.dot-agent-deck', 'dev', 'orchestrator-context.md'), 'utf8')).toMatch(/Goal of a\.\n$/);
    expect(readFileSync(join(b.path, '.dot-agent-deck', 'dev-2', 'orchestrator-context.md'), 'utf8')).toMatch(/Goal of b\.\n$/);

    const orchestrator = async (result: ResponseMap['dispatch']) => {
      const { panes } = JSON.parse(await h.ok(['ls', '--json'])) as { panes: PaneInfo[] };
      return panes.find((pane) => pane.tab === result.tab && pane.role === 'orchestrator')!;
    };
    for (const [result, task] of [
      [a, 'Task for worktree a.'],
      [b, 'Task for worktree b.'],
    ] as const) {
      const from = await orchestrator(result);
      await h.waitForScreen(from.id, `${result.tab} orchestrator is up`, /❯/, 20_000);
      const sent = await runCli(['delegate', '--to', 'coder', '--task', task], { env: paneEnv(h, from), cwd: result.path });
      expect(sent.code, sent.stderr).toBe(0);
    }
    for (const result of [a, b]) {
      const from = await orchestrator(result);
      await h.waitForScreen(from.id, `${result.tab} orchestrator hears its coder finished`, /Worker coder has completed/, 30_000);
    }
    const taskOf = (result: ResponseMap['dispatch']) => readFileSync(join(result.path, '.dot-agent-deck', result.tab, 'task-coder.md'), 'utf8');
    expect(taskOf(a)).toContain('Task for worktree a.');
    expect(taskOf(a)).not.toContain('worktree b');
    expect(taskOf(b)).toContain('Task for worktree b.');
    expect(taskOf(b)).not.toContain('worktree a');
    await waitFor('both journals record the completions', () => [a, b].every((result) => journal(result.path).some((entry) => entry.event === 'completed')));
    expect(new Set(journal(a.path).map((entry) => entry.group))).toEqual(new Set(['dev']));
    expect(new Set(journal(b.path).map((entry) => entry.group))).toEqual(new Set(['dev-2']));
    expect(existsSync(join(repo, '.dot-agent-deck'))).toBe(false);

    // From the main checkout, log and report gather every worktree's journal.
    const log = await h.ok(['log', '--worktrees', '-p', repo]);
    expect(log).toContain(`== ${repo}\nno orchestration has run here yet\n`);
    expect(log).toMatch(new RegExp(`== dispatch a \\(${a.path}\\)\n[^=]*orchestrator → coder {2}delegated \\(\\.dot-agent-deck/dev/`));
    expect(log).toMatch(new RegExp(`== dispatch b \\(${b.path}\\)\n[^=]*orchestrator → coder {2}delegated \\(\\.dot-agent-deck/dev-2/`));
    const report = JSON.parse(await h.ok(['report', '--worktrees', '--json', '-p', repo])) as { worktrees: { name: string; path: string }[] };
    expect(report.worktrees.map((w) => [w.name, w.path])).toEqual([
      ['a', a.path],
      ['b', b.path],
    ]);
  });
});
