// `demo --headless` as CI runs it: the built binary, a private daemon world, the whole simulated
// loop. --keep leaves the project so the journal itself can be read; the TUI test covers cleanup.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { journal } from '../helpers/orchestration-project.js';

describe('dot-agent-deck demo --headless', () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness();
    h.deck.env.TMPDIR = h.deck.root; // the demo project lands inside the test's world
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('runs the whole loop, answers the question, and exits 0 with the timeline printed', async () => {
    const result = await runCli(['demo', '--headless', '--keep'], { env: h.deck.env, timeoutMs: 95_000 });
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);

    const project = /^Demo project: (.+)$/m.exec(result.stdout)?.[1];
    expect(project?.startsWith(h.deck.root)).toBe(true);
    expect(result.stdout).toMatch(/^Opened tab demo: orchestrator p\d+, coder p\d+, reviewer p\d+, auditor p\d+, release p\d+$/m);
    expect(result.stdout).toContain('(the auditor asked "Also scan the lockfile for known vulnerabilities? [y/n]"; the demo answered "y")');
    expect(result.stdout).toMatch(/orchestrator {2}finished the run\nThe demo loop completed: every step is in the journal\.\n/);
    expect(result.stdout).toContain(`Kept the demo project in ${project}`);

    const entries = journal(project!);
    const roles = (event: string) => entries.filter((entry) => entry.event === event).map((entry) => entry.role);
    expect(roles('delegate')).toEqual(['coder', expect.any(String), expect.any(String), 'coder', 'release']);
    expect(roles('delegate').slice(1, 3).sort()).toEqual(['auditor', 'reviewer']);
    expect(roles('completed')).toHaveLength(5);
    expect(entries.filter((entry) => entry.event === 'done')).toHaveLength(1);
    expect([...roles('delivery-failed'), ...roles('unsolicited')]).toEqual([]);
    // The auditor's question is a real needs-input episode: when the status engine reads the
    // screen before the demo answers (a loaded machine), the orchestrator is rightly told once.
    const watches = entries.filter((entry) => entry.event === 'watch').map((entry) => `${entry.role} ${entry.watch}`);
    expect(watches.filter((watch) => watch !== 'auditor needs-input')).toEqual([]);
    expect(watches.length).toBeLessThanOrEqual(1);
    // The parallel review: both delegated before either reported.
    const index = (event: string, role: string) => entries.findIndex((entry) => entry.event === event && entry.role === role);
    expect(Math.max(index('delegate', 'reviewer'), index('delegate', 'auditor'))).toBeLessThan(
      Math.min(index('completed', 'reviewer'), index('completed', 'auditor')),
    );
    // The fix loop: the coder's second task is the reviewer's finding, and its report says so.
    const report = (role: string) => readFileSync(join(project!, '.dot-agent-deck', 'demo', `work-done-${role}.md`), 'utf8');
    expect(readFileSync(join(project!, '.dot-agent-deck', 'demo', 'task-coder.md'), 'utf8')).toContain("Fix the reviewer's finding");
    expect(report('reviewer')).toContain('Finding (should-fix)');
    expect(report('coder')).toContain('now prints [] for an empty list');
    expect(report('auditor')).toContain('answer: y');
    expect(report('release')).toContain('Opened pull request #42');

    // --keep: the five panes are still there for inspection.
    expect((await h.panes()).filter((pane) => pane.tab === 'demo').map((pane) => pane.role)).toEqual([
      'orchestrator',
      'coder',
      'reviewer',
      'auditor',
      'release',
    ]);
    expect(existsSync(join(project!, '.dot-agent-deck.toml'))).toBe(true);
  }, 100_000);

  it('refuses to open the deck without a terminal and points at --headless', async () => {
    const result = await h.cli(['demo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The demo opens the deck, which needs a terminal.');
    expect(result.stderr).toContain('dot-agent-deck demo --headless');
    expect(await h.panes()).toEqual([]);
  });
});
