// `work-done --outcome` with simulated agents in real panes: four workers end their tasks done,
// blocked, failed and needs-human. The orchestrator hears each by name, the journal and `log`
// keep the outcome, the needs-human pane carries it (what the cards and the bell read), and
// `report` puts the three that are not done where a person looks first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, panesByRole, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const workers = [
  { name: 'builder', outcome: 'done', report: 'Built it.' },
  { name: 'tester', outcome: 'blocked', report: 'The staging database is down.' },
  { name: 'porter', outcome: 'failed', report: 'The API has no such endpoint.' },
  { name: 'signer', outcome: 'needs-human', report: 'Only a person may sign the release.' },
] as const;

describe('work-done outcomes', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      simOrchestrator([
        {
          after: ['orchestrator-context'],
          actions: [{ run: ['dot-agent-deck', 'delegate', ...workers.flatMap((w) => ['--to', w.name]), '--task', 'Do your part of the release.'] }],
        },
      ]),
      ...workers.map((w) => ({ name: w.name, description: w.name, script: { startDelayMs: 100, workMs: 50, report: w.report, outcome: w.outcome } })),
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('tells the orchestrator each outcome, keeps it in the journal and the pane, and reports what is not done', async () => {
    await h.ok(['up', '-p', project]);
    const told = () => journal(project).filter((e) => e.event === 'notice-delivered' && e.commission !== undefined);
    await waitFor('the orchestrator heard all four workers', () => told().length === 4, {
      timeoutMs: 30_000,
      describe: () =>
        journal(project)
          .map((e) => `${e.event} ${e.role ?? ''} ${e.outcome ?? ''} ${e.detail ?? ''}`)
          .join('\n'),
    });
    const completed = new Map(journal(project).flatMap((e) => (e.event === 'completed' ? [[e.role!, e.outcome ?? 'done']] : [])));
    expect(Object.fromEntries(completed)).toEqual(Object.fromEntries(workers.map((w) => [w.name, w.outcome])));

    const panes = await panesByRole(h);
    const screen = await h.capture(panes.get('orchestrator')!.id);
    expect(screen).toContain('Worker builder has completed their task.');
    expect(screen).toContain('Worker tester stopped its task as BLOCKED: it is not done.');
    expect(screen).toContain('Worker porter reports its task FAILED: it is not done.');
    expect(screen).toContain('Worker signer stopped its task because it NEEDS A PERSON: it is not done.');
    // The pane says how its task ended: the card and the bell read it from here.
    expect(panes.get('signer')!.outcome).toMatchObject({ outcome: 'needs-human', file: '.dot-agent-deck/dev/work-done-signer.md' });
    expect(panes.get('builder')!.outcome).toMatchObject({ outcome: 'done' });

    const log = await h.ok(['log', '-p', project]);
    expect(log).toMatch(/tester → orchestrator {2}reported BLOCKED after /);
    expect(log).toMatch(/signer → orchestrator {2}reported NEEDS-HUMAN after /);
    expect(log).toMatch(/builder → orchestrator {2}completed after /);

    const report = await h.ok(['report', '-p', project]);
    const top = report.split('\n').slice(report.split('\n').indexOf('What waits for you now (since when)') + 1);
    expect(top.join('\n')).toMatch(/needs you +\d\d:\d\d {2}dev\/signer: stopped: it needs a person, see its report$/m);
    expect(top.join('\n')).toMatch(/blocked +\d\d:\d\d {2}dev\/tester: stopped: blocked, see its report$/m);
    expect(top.join('\n')).toMatch(/failed +\d\d:\d\d {2}dev\/porter: reported its task failed$/m);
    expect(report).toMatch(/porter +\[FAILED\] porter report$/m);
    expect(report).toMatch(/ {2}builder +1 +1 +0 /); // one task, one done
  }, 45_000);
});
