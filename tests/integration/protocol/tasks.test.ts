// A directory per task with simulated agents in real panes: two tasks for the coder (the second
// queued behind the first), and a reviewer whose question gets no reply. `tasks --json` lists
// every task with its state and files, `--open` only the reviewer's, and the files are there.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskListing } from '../../../src/orchestration/task-list.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, readProjectFile, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const delegate = (role: string, task: string) => ({ run: ['dot-agent-deck', 'delegate', '--to', role, '--task', task] });

describe('task directories', () => {
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
          actions: [delegate('coder', 'Write the parser.'), delegate('coder', 'Write the printer.'), delegate('reviewer', 'Review.')],
        },
      ]),
      { name: 'coder', description: 'writes code', script: { startDelayMs: 100, workMs: 300, report: 'Written.' } },
      { name: 'reviewer', description: 'reviews', script: { startDelayMs: 100, workMs: 50, ask: 'Review against which branch?' } },
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('keeps task.md, status, questions and report.md per task, and lists them', async () => {
    await h.ok(['up', '-p', project]);
    await waitFor(
      'both coder tasks completed and the reviewer asked',
      () => {
        const entries = journal(project);
        return entries.filter((e) => e.event === 'completed').length === 2 && entries.some((e) => e.event === 'question');
      },
      {
        timeoutMs: 30_000,
        describe: () =>
          journal(project)
            .map((e) => `${e.event} ${e.role ?? ''}`)
            .join('\n'),
      },
    );
    const tasks = JSON.parse(await h.ok(['tasks', '-p', project, '--json'])) as TaskListing[];
    const coder = tasks.filter((t) => t.role === 'coder');
    expect(coder.map((t) => [t.state, t.outcome, t.open])).toEqual([
      ['ended', 'done', false],
      ['ended', 'done', false],
    ]);
    for (const task of coder) {
      expect(task.dir).toBe(`.dot-agent-deck/dev/tasks/${task.id}`);
      expect(task.files).toMatchObject({ task: `${task.dir}/task.md`, report: `${task.dir}/report.md`, checkpoint: null, questions: [] });
      expect(readProjectFile(project, `${task.dir}/report.md`)).toContain('Everything inside the fence below was written by the worker agent.');
    }
    expect(coder.map((t) => readProjectFile(project, t.files.task!)).sort()).toEqual(['Write the parser.', 'Write the printer.']);
    // The second coder task was queued first: the journal says so, and it ran after the first.
    expect(
      journal(project)
        .filter((e) => e.event === 'queued')
        .map((e) => e.role),
    ).toEqual(['coder']);

    const open = JSON.parse(await h.ok(['tasks', '-p', project, '--json', '--open'])) as TaskListing[];
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ role: 'reviewer', state: 'question', open: true, files: { questions: [`${open[0]!.dir}/question-1.md`], replies: [] } });
    expect(JSON.parse(readProjectFile(project, `${open[0]!.dir}/status`))).toMatchObject({
      id: open[0]!.id,
      group: 'dev',
      role: 'reviewer',
      state: 'question',
    });

    const text = await h.ok(['tasks', '-p', project, '--open']);
    expect(text).toMatch(/^c-[0-9a-f]+ {2}dev\/reviewer {2}question {2}\S+ {2}\.dot-agent-deck\/dev\/tasks\/c-[0-9a-f]+\/ {2}\(1 question\(s\)\)\n$/);
    expect(readProjectFile(project, '.dot-agent-deck/dev/orchestrator-context.md')).toContain('run `dot-agent-deck tasks --open`');
  }, 45_000);
});
