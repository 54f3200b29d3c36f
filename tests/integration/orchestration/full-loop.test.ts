// The whole loop with simulated agents in real panes of a real daemon: orchestrator → coder →
// reviewer and auditor in parallel → a finding back to coder → release twice with clear = false
// (keeping its session) → done. Asserts the journal, the coordination files and `log`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, readProjectFile, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const delegateTo = (file: string, ...roles: string[]) => ['dot-agent-deck', 'delegate', ...roles.flatMap((role) => ['--to', role]), '--task-file', file];

const orchestratorScript = {
  startDelayMs: 300,
  workMs: 50,
  turns: [
    {
      after: ['orchestrator-context'],
      actions: [{ write: '.dot-agent-deck/implement.md', text: 'Implement the login form.' }, { run: delegateTo('.dot-agent-deck/implement.md', 'coder') }],
    },
    {
      after: ['Worker coder has completed'],
      actions: [{ write: '.dot-agent-deck/check.md', text: 'Check the login form.' }, { run: delegateTo('.dot-agent-deck/check.md', 'reviewer', 'auditor') }],
    },
    {
      after: ['Worker reviewer has completed', 'Worker auditor has completed'],
      actions: [
        { write: '.dot-agent-deck/fix.md', text: 'Fix the reviewer finding: missing null check.' },
        { run: delegateTo('.dot-agent-deck/fix.md', 'coder') },
      ],
    },
    {
      after: ['Worker coder has completed'],
      actions: [{ write: '.dot-agent-deck/release.md', text: 'Prepare the release notes.' }, { run: delegateTo('.dot-agent-deck/release.md', 'release') }],
    },
    {
      after: ['Worker release has completed'],
      actions: [{ write: '.dot-agent-deck/publish.md', text: 'Open the pull request.' }, { run: delegateTo('.dot-agent-deck/publish.md', 'release') }],
    },
    { after: ['Worker release has completed'], actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'Shipped.'] }] },
  ],
};

describe('orchestration full loop', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      { name: 'orchestrator', start: true, script: orchestratorScript },
      { name: 'coder', description: 'writes code', script: { startDelayMs: 400, workMs: 100, report: 'Changed login.ts.' } },
      { name: 'reviewer', script: { startDelayMs: 500, workMs: 200, report: 'Finding: missing null check.' } },
      { name: 'auditor', script: { startDelayMs: 300, workMs: 200, report: 'No security issues.' } },
      { name: 'release', clear: false, script: { startDelayMs: 200, workMs: 100, report: 'Release step done.' } },
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('runs every step once, in order, and leaves the journal and files that say so', async () => {
    const out = await h.ok(['up', '-p', project]);
    expect(out).toMatch(/^Opened dev as tab dev: orchestrator p\d+, coder p\d+, reviewer p\d+, auditor p\d+, release p\d+\n$/);
    // An attached deck hears that the run finished (for its bell and desktop alert).
    const watcher = await h.connect('tui');
    const finishedPanes: string[] = [];
    watcher.onFinished((paneId) => finishedPanes.push(paneId));
    await waitFor('the orchestrator finished the run', () => journal(project).some((entry) => entry.event === 'done'), {
      timeoutMs: 50_000,
      describe: () =>
        journal(project)
          .map((entry) => `${entry.event} ${entry.role ?? ''} ${entry.detail ?? ''}`)
          .join('\n'),
    });
    const orchestratorId = /orchestrator (p\d+)/.exec(out)![1]!;
    await waitFor('the deck is told the run finished', () => finishedPanes.length > 0);
    expect(finishedPanes).toEqual([orchestratorId]);

    const entries = journal(project);
    const steps = (event: string) => entries.filter((entry) => entry.event === event).map((entry) => entry.role);
    expect(steps('delegate')).toEqual(['coder', expect.any(String), expect.any(String), 'coder', 'release', 'release']);
    expect(steps('delegate').slice(1, 3).sort()).toEqual(['auditor', 'reviewer']);
    expect(steps('delivered')).toHaveLength(6);
    expect(steps('completed')).toHaveLength(6);
    expect(steps('notice-delivered')).toHaveLength(7); // the opening line and six completions
    expect([...steps('delivery-failed'), ...steps('unsolicited'), ...steps('watch')]).toEqual([]);
    // reviewer and auditor worked in parallel: both were delegated before either completed.
    const index = (event: string, role: string) => entries.findIndex((entry) => entry.event === event && entry.role === role);
    expect(Math.max(index('delegate', 'reviewer'), index('delegate', 'auditor'))).toBeLessThan(
      Math.min(index('completed', 'reviewer'), index('completed', 'auditor')),
    );
    expect(entries.every((entry) => !JSON.stringify(entry).includes('login form'))).toBe(true); // task text stays in files

    expect(readProjectFile(project, '.dot-agent-deck/dev/orchestrator-context.md')).toContain('- `coder`: writes code');
    const coderTask = readProjectFile(project, '.dot-agent-deck/dev/task-coder.md');
    expect(coderTask).toContain('## Task\n\nFix the reviewer finding: missing null check.\n');
    expect(coderTask).toContain('`dot-agent-deck work-done --task-file .dot-agent-deck/dev/report-coder.md`');
    expect(readProjectFile(project, '.dot-agent-deck/dev/work-done-reviewer.md')).toContain('Finding: missing null check.');
    // coder (clear = true) was restarted for its second task; release (clear = false) kept its session.
    expect(readProjectFile(project, '.dot-agent-deck/dev/work-done-coder.md')).toContain('session-tasks: 1');
    expect(readProjectFile(project, '.dot-agent-deck/dev/work-done-release.md')).toContain('session-tasks: 2');
    const releaseAgents = new Set(entries.filter((entry) => entry.event === 'delegate' && entry.role === 'release').map((entry) => entry.agentId));
    expect(releaseAgents.size).toBe(1);
    const coderAgents = new Set(entries.filter((entry) => entry.event === 'delegate' && entry.role === 'coder').map((entry) => entry.agentId));
    expect(coderAgents.size).toBe(2);

    const log = await h.ok(['log', '-p', project]);
    expect(log).toMatch(/^\d\d:\d\d orchestrator → coder {2}delivered in \d+\.\d s$/m);
    expect(log).toMatch(/^\d\d:\d\d reviewer → orchestrator {2}completed after /m);
    expect(log).toMatch(/orchestrator {2}finished the run$/m);
    expect(log).not.toContain('open:');

    // The TUI's timeline (the `t` key) asks the daemon for the same lines, for this tab only.
    const connection = await h.connect();
    const timeline = await connection.request({ kind: 'timeline', tab: 'dev' });
    expect(timeline.lines).toEqual(log.trimEnd().split('\n'));
  }, 60_000);
});
