// The reliability test's small real-PTY sibling: three rounds of parallel delegation to three
// simulated workers that start slowly by a random amount (dropping early keys) and finish at
// nearly the same moment. Every task arrives once and every completion reaches the orchestrator.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, readProjectFile, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const WORKERS = ['alpha', 'beta', 'gamma'];
const ROUNDS = 3;
const delegateAll = ['dot-agent-deck', 'delegate', ...WORKERS.flatMap((role) => ['--to', role]), '--task', 'Do your part.'];
const allDone = WORKERS.map((role) => `Worker ${role} has completed`);

describe('orchestration under load in real panes', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    const turns = [
      { after: ['orchestrator-context'], actions: [{ run: delegateAll }] },
      ...Array.from({ length: ROUNDS - 1 }, () => ({ after: allDone, actions: [{ run: delegateAll }] })),
      { after: allDone, actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'All rounds done.'] }] },
    ];
    writeSimProject(project, 'load', [
      { name: 'orchestrator', start: true, script: { startDelayMs: 200, workMs: 20, turns } },
      ...WORKERS.map((name) => ({ name, script: { startDelayMs: [0, 900], workMs: 50 } })),
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it(`delivers ${ROUNDS * WORKERS.length} tasks and as many completions, none twice`, async () => {
    await h.ok(['up', '-p', project]);
    await waitFor('all rounds finished', () => journal(project).some((entry) => entry.event === 'done'), {
      timeoutMs: 40_000,
      describe: () =>
        journal(project)
          .map((entry) => `${entry.event} ${entry.role ?? ''} ${entry.detail ?? ''}`)
          .join('\n'),
    });
    const entries = journal(project);
    const count = (event: string) => entries.filter((entry) => entry.event === event).length;
    const tasks = ROUNDS * WORKERS.length;
    expect([count('delegate'), count('delivered'), count('completed'), count('notice-delivered')]).toEqual([tasks, tasks, tasks, tasks + 1]);
    expect([count('delivery-failed'), count('unsolicited'), count('superseded'), count('notice-failed'), count('watch')]).toEqual([0, 0, 0, 0, 0]);
    // clear = true: each task met a fresh agent, which saw exactly one task.
    for (const role of WORKERS) expect(readProjectFile(project, `.dot-agent-deck/load/work-done-${role}.md`)).toContain('session-tasks: 1');
    const agents = entries.filter((entry) => entry.event === 'delegate').map((entry) => entry.agentId);
    expect(new Set(agents).size).toBe(tasks);
  }, 50_000);
});
