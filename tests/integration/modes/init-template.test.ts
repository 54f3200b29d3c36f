// The mode `init` writes works on a fresh project: its Git status pane shows the branch, and a
// `git log` the agent runs is re-run beside it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { preToolPayload } from '../../helpers/mode-project.js';
import { paneEnv } from '../../helpers/orchestration-project.js';
import { waitForValue } from '../../helpers/wait.js';

describe("the init template's mode", () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'fresh');
    mkdirSync(project);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Deck Test', '-c', 'user.email=deck@example.com', ...args], { cwd: project, env: h.deck.env });
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'first commit');
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('shows the branch and re-runs the git log the agent runs', async () => {
    await h.ok(['init', '-p', project]);
    const opened = JSON.parse(await h.ok(['up', '--mode', 'dev', '--command', 'bash', '-p', project, '--json'])) as { panes: PaneInfo[] };
    expect(opened.panes.map((pane) => pane.name)).toEqual(['dev', 'Git status']);
    const [agent, status] = opened.panes as [PaneInfo, PaneInfo];
    await h.waitForScreen(
      status.id,
      'the Git status pane shows the branch, the time and the exit',
      /every 10 s: git status --short --branch[\s\S]*## main[\s\S]*exit 0/,
    );

    const hook = await runCli(['hook', '--agent', 'claude-code'], {
      env: paneEnv(h, agent),
      input: JSON.stringify(preToolPayload('claude-code', 'git log --oneline')),
    });
    expect(hook.code).toBe(0);
    const reactive = await waitForValue('a reactive pane for git log', async () => (await h.panes()).find((pane) => pane.mode?.part === 'reactive'));
    await h.waitForScreen(reactive.id, 'it shows the log', /first commit/);
  });
});
