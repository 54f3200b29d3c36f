// Stages with simulated agents in real panes: the coder is stage 1 and the reviewer stage 2. The
// orchestrator's context lists the execution order; a delegation to the reviewer while the coder
// still works is warned about and journaled, or, with enforce_stages = true, refused with a
// sentence naming the open task, and nothing is delegated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, panesByRole, readProjectFile, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const delegate = (role: string, task: string) => ({ run: ['dot-agent-deck', 'delegate', '--to', role, '--task', task] });

describe('stages', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
  });
  afterEach(async () => {
    await h.dispose();
  });

  function writeProject(enforce: boolean): void {
    writeSimProject(project, 'dev', [
      simOrchestrator([{ after: ['orchestrator-context'], actions: [delegate('coder', 'Write it.'), delegate('reviewer', 'Review it.')] }]),
      { name: 'coder', description: 'writes code', script: { startDelayMs: 100, workMs: 4000 } },
      { name: 'reviewer', description: 'reviews', script: { startDelayMs: 100, workMs: 20 } },
      { name: 'docs', description: 'writes docs', script: { startDelayMs: 100, workMs: 20 } },
    ]);
    const text = readProjectFile(project, '.dot-agent-deck.toml')
      .replace('name = "dev"\n', `name = "dev"\nenforce_stages = ${enforce}\n`)
      .replace('name = "coder"\n', 'name = "coder"\nstage = 1\n')
      .replace('name = "reviewer"\n', 'name = "reviewer"\nstage = 2\n');
    writeFileSync(join(project, '.dot-agent-deck.toml'), text);
  }

  it('lists the roles by stage and warns about a delegation that jumps ahead', async () => {
    writeProject(false);
    await h.ok(['up', '-p', project]);
    await waitFor('the reviewer was delegated to', () => journal(project).some((e) => e.event === 'delegate' && e.role === 'reviewer'), { timeoutMs: 20_000 });
    const context = readProjectFile(project, '.dot-agent-deck/dev/orchestrator-context.md');
    expect(context).toContain('## Execution order\n\n- Stage 1: `coder`\n- Stage 2: `reviewer`\n- Any time: `docs`\n');
    expect(context).toContain('the deck warns you when a delegation jumps ahead');
    expect(context).toContain('- `reviewer` (stage 2): reviews');
    const warned = journal(project).find((e) => e.event === 'out-of-order')!;
    expect(warned).toMatchObject({
      role: 'reviewer',
      from: 'orchestrator',
      detail: expect.stringMatching(/^stage 2 while earlier stages have open work: coder \(stage 1, c-[0-9a-f]+ open\)$/),
    });
    // The journal has the delegation before the orchestrator's `delegate` has printed what it said.
    const orchestrator = (await panesByRole(h)).get('orchestrator')!.id;
    let screen = '';
    await waitFor(
      'the orchestrator saw the warning',
      async () =>
        /delegate --to reviewer --task Review it\. → exit 0: warning: reviewer was delegated to in stage 2/.test((screen = await h.capture(orchestrator))),
      { describe: () => screen },
    );
    expect(await h.ok(['log', '-p', project])).toMatch(/orchestrator → reviewer {2}delegated out of stage order: stage 2/);
  }, 30_000);

  it('with enforce_stages refuses it, naming the open task, and delegates nothing', async () => {
    writeProject(true);
    await h.ok(['up', '-p', project]);
    const orchestrator = (await panesByRole(h)).get('orchestrator')!.id;
    const screen = await h.waitForScreen(orchestrator, 'the refused delegation', /delegate --to reviewer --task Review it\. → exit 1/, 20_000);
    // The sentence wraps on the screen: compared without whitespace.
    expect(screen.replace(/\s+/g, '')).toMatch(
      /Workerreviewerisinstage2,andearlierstagesstillhaveopenwork:coder\(stage1,c-[0-9a-f]+open\)\.Nothingwasdelegated/,
    );
    expect(journal(project).filter((e) => e.role === 'reviewer')).toEqual([]);
    expect(readProjectFile(project, '.dot-agent-deck/dev/orchestrator-context.md')).toContain(
      'the deck refuses a delegation that jumps ahead and names the open tasks',
    );
  }, 30_000);
});
