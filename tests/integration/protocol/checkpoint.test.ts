// A crash mid-task with simulated agents in real panes: the coder saves a checkpoint, then its
// process dies before work-done. The orchestrator hears it exited and delegates the same task
// again; the fresh agent's task file points at the checkpoint (carried into the new task's
// directory) and the worker continues from it instead of starting over.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, readProjectFile, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const task = ['dot-agent-deck', 'delegate', '--to', 'coder', '--task', 'Write the parser and the printer.'];

describe('checkpoints', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      simOrchestrator([
        { after: ['orchestrator-context'], actions: [{ run: task }] },
        { after: ['^Worker coder exited before running work-done'], actions: [{ run: task }] },
        { after: ['Worker coder has completed'], actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'Done.'] }] },
      ]),
      {
        name: 'coder',
        description: 'writes code',
        script: { startDelayMs: 100, workMs: 50, checkpoint: 'Parser written; next: the printer.', crashAfterCheckpoint: true, report: 'Both written.' },
      },
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('hands the checkpoint to the fresh agent, which continues from it', async () => {
    await h.ok(['up', '-p', project]);
    await waitFor('the run finished', () => journal(project).some((e) => e.event === 'done'), {
      timeoutMs: 40_000,
      describe: () =>
        journal(project)
          .map((e) => `${e.event} ${e.role ?? ''} ${e.watch ?? ''} ${e.file ?? ''} ${e.detail ?? ''}`)
          .join('\n'),
    });
    const entries = journal(project);
    const coder = entries.filter((e) => e.role === 'coder');
    const [first, second] = coder.filter((e) => e.event === 'delegate').map((e) => e.commission!);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(coder.find((e) => e.event === 'checkpoint')).toMatchObject({ commission: first, file: `.dot-agent-deck/dev/tasks/${first}/checkpoint.md` });
    expect(coder.some((e) => e.event === 'watch' && e.watch === 'exited' && e.commission === first)).toBe(true);
    expect(coder.find((e) => e.event === 'completed')).toMatchObject({ commission: second });

    const carried = `.dot-agent-deck/dev/tasks/${second}/checkpoint.md`;
    expect(readProjectFile(project, carried)).toContain('~~~text\nParser written; next: the printer.\n~~~');
    expect(readProjectFile(project, '.dot-agent-deck/dev/task-coder.md')).toContain(
      `An earlier agent worked on this task and left a checkpoint: read \`${carried}\` first, continue from where it stopped`,
    );
    expect(readProjectFile(project, '.dot-agent-deck/dev/work-done-coder.md')).toContain('resumed-from: Parser written; next: the printer.');
    expect(await h.ok(['log', '-p', project])).toMatch(/coder {2}saved a checkpoint \(\.dot-agent-deck\/dev\/tasks\/c-[0-9a-f]+\/checkpoint\.md\)/);
  }, 60_000);
});
