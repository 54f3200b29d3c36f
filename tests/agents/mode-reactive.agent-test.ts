// Real Claude Code as a workspace mode's agent, against the mock model, with the deck's own hooks
// installed: the mode's seed prompt asks it to run `npm test` through its Bash tool, and the
// mode's rule re-runs the same command in a reactive pane beside it.
// Run with `npm run test:agents`; the CLI is installed into ~/.cache/dot-agent-deck-agents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../src/protocol/messages.js';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { waitForValue } from '../helpers/wait.js';
import { createSandbox, ensureAgent, type Sandbox } from './agent-sandbox.js';

describe('Claude Code as the agent of a workspace mode', () => {
  let h: DaemonHarness | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await h?.dispose();
    await sandbox?.dispose();
  });

  it('re-runs the npm test its Bash tool runs in a reactive pane', async (ctx) => {
    const found = await ensureAgent('claude-code');
    if ('skip' in found) {
      console.warn(`SKIPPED: ${found.skip}`);
      ctx.skip(found.skip);
      return;
    }
    sandbox = await createSandbox('claude-code', found.bin, { askPermissions: false });
    const config = sandbox.env.CLAUDE_CONFIG_DIR!;
    mkdirSync(config, { recursive: true });
    // Bash allowed up front: this test is about the reactive pane, not the permission dialog.
    writeFileSync(join(config, 'settings.json'), `${JSON.stringify({ permissions: { allow: ['Bash'] } }, null, 2)}\n`);
    const project = sandbox.project;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'demo', private: true, scripts: { test: 'echo tests-ran-in-$npm_lifecycle_event' } }));
    writeFileSync(
      join(project, '.dot-agent-deck.toml'),
      ['[[modes]]', 'name = "dev"', 'seed_prompt = "TASK: RUN: npm test"', '[[modes.rules]]', 'pattern = "^npm (run )?test"', ''].join('\n'),
    );
    h = createDaemonHarness({ ...sandbox.env });
    expect(await h.ok(['hooks', 'install', '--agent', 'claude-code'])).toContain('installed deck hooks');

    const opened = JSON.parse(await h.ok(['up', '--mode', 'dev', '--command', sandbox.argv.join(' '), '-p', project, '--json'])) as { agent: string };
    await h.waitForScreen(opened.agent, 'Claude Code got the seed prompt and ran the command', /MOCK-DONE: the command ran/, 120_000);
    const reactive = await waitForValue(
      'a reactive pane for npm test',
      async () => (await h!.panes()).find((pane: PaneInfo) => pane.mode?.part === 'reactive'),
      { timeoutMs: 30_000 },
    );
    expect(reactive.mode?.rule).toBe('^npm (run )?test');
    expect(reactive.name).toMatch(/^npm test · \d\d:\d\d:\d\d$/);
    await h.waitForScreen(reactive.id, 'the reactive pane shows the same run', /tests-ran-in-test/, 30_000);
  });
});
