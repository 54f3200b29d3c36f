// Shared rules with the built CLI and simulated agents: `validate` refuses a rules_file that is
// not there with the file, line and key; with the file in place, the orchestrator's context and
// every worker's task point at it (and the inline shared_prompt) before their own templates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, readProjectFile, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

describe('shared rules', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      simOrchestrator([{ after: ['orchestrator-context'], actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'coder', '--task', 'Fix it.'] }] }], {
        promptTemplate: 'You lead the team.',
      }),
      { name: 'coder', description: 'writes code', promptTemplate: 'You write code.', script: { startDelayMs: 100, workMs: 20 } },
    ]);
    // The orchestration's settings go right under its [[orchestrations]] header.
    const file = join(project, '.dot-agent-deck.toml');
    const text = readProjectFile(project, '.dot-agent-deck.toml').replace(
      'name = "dev"\n',
      'name = "dev"\nrules_file = "docs/agents.md"\nshared_prompt = "Never push to main."\n',
    );
    writeFileSync(file, text);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('validate names the missing rules file by line and key', async () => {
    const result = await h.cli(['validate', '-p', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^\S*\.dot-agent-deck\.toml:3:1 orchestrations\[0\]\.rules_file: names "docs\/agents\.md", which is not a file in the project directory: create it, or fix the path/m,
    );
    expect((await h.cli(['up', '-p', project])).code).not.toBe(0);
  });

  it('points the orchestrator and every worker at the rules before their own templates', async () => {
    mkdirSync(join(project, 'docs'));
    writeFileSync(join(project, 'docs', 'agents.md'), '# Team rules\n');
    expect((await h.cli(['validate', '-p', project])).code).toBe(0);
    await h.ok(['up', '-p', project]);
    await waitFor('the coder completed', () => journal(project).some((e) => e.event === 'completed'), { timeoutMs: 20_000 });
    const rules = '## Shared rules\n\nBefore anything else, read `docs/agents.md`: the rules every agent of this team follows.';
    const context = readProjectFile(project, '.dot-agent-deck/dev/orchestrator-context.md');
    expect(context).toContain(rules);
    expect(context.indexOf(rules)).toBeLessThan(context.indexOf('You lead the team.'));
    expect(context).toContain('Never push to main.');
    const task = readProjectFile(project, '.dot-agent-deck/dev/task-coder.md');
    expect(task.startsWith(rules)).toBe(true);
    expect(task.indexOf('Never push to main.')).toBeLessThan(task.indexOf('You write code.'));
  }, 30_000);
});
