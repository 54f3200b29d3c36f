// init_command on the real daemon: every pane of the mode starts the shell, gets init_command
// typed once the shell is ready, then its own command; the seed prompt reaches the agent only
// after that; a reactive pane and a daemon restart go through the same steps.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { preToolPayload } from '../../helpers/mode-project.js';
import { paneEnv, SIM_AGENT } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

describe('init_command', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness({ PS1: 'shell$ ' });
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'agent.json'), JSON.stringify({ startDelayMs: 100, workMs: 10 }));
    writeFileSync(
      join(project, '.dot-agent-deck.toml'),
      [
        '[[modes]]',
        'name = "box"',
        // A stand-in for `devbox shell`: it changes the shell every later command runs in.
        'init_command = "export DECK_INIT=from-init"',
        'seed_prompt = "hello agent"',
        '[[modes.panes]]',
        'name = "watched"',
        'command = "echo watch sees $DECK_INIT"',
        '[[modes.panes]]',
        'name = "once"',
        `command = "sh -c 'echo once sees $DECK_INIT'"`,
        'watch = false',
        '[[modes.rules]]',
        'pattern = "^echo "',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('types init_command before each pane command, seeds the agent after it, and again after a restart', async () => {
    const opened = JSON.parse(await h.ok(['up', '--mode', 'box', '--command', `node ${SIM_AGENT} --script agent.json`, '-p', project, '--json'])) as {
      panes: PaneInfo[];
    };
    const [agent, watched, once] = opened.panes as [PaneInfo, PaneInfo, PaneInfo];
    expect(opened.panes.map((pane) => pane.command)).toEqual(['/bin/bash', '/bin/bash', '/bin/bash']);
    expect(watched.mode?.run).toBe(`dot-agent-deck watch --interval 10 -- /bin/bash -c 'echo watch sees $DECK_INIT'`);
    await h.waitForScreen(watched.id, 'the watched command sees what init_command set', /^watch sees from-init$/m, 20_000);
    await h.waitForScreen(once.id, 'the streaming command sees it too', /^once sees from-init$/m, 20_000);
    const agentScreen = await h.waitForScreen(agent.id, 'the agent got the seed prompt once it ran', /» hello agent/, 30_000);
    expect(agentScreen.indexOf('export DECK_INIT=from-init')).toBeLessThan(agentScreen.indexOf('sim-agent agent ready'));

    // A reactive pane starts the shell too, and runs the agent's command after init_command.
    const hook = await runCli(['hook', '--agent', 'claude-code'], {
      env: paneEnv(h, agent),
      input: JSON.stringify(preToolPayload('claude-code', 'echo "reactive sees $DECK_INIT"')),
    });
    expect(hook.code).toBe(0);
    let reactive: PaneInfo | undefined;
    await waitFor('a reactive pane opens', async () => {
      reactive = (await h.panes()).find((pane) => pane.mode?.part === 'reactive');
      return reactive !== undefined;
    });
    await h.waitForScreen(reactive!.id, 'the reactive command ran in the initialised shell', /^reactive sees from-init$/m, 20_000);

    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    await h.panes(); // starts the next daemon, which restores the session
    await h.waitForScreen(watched.id, 'after the restart the watched pane is initialised again', /^watch sees from-init$/m, 20_000);
    await h.waitForScreen(reactive!.id, 'and the reactive pane too', /^reactive sees from-init$/m, 20_000);
  });
});

describe('seed_prompt', () => {
  let h: DaemonHarness;
  afterEach(async () => {
    await h.dispose();
  });

  it('puts a prompt with quotes and newlines in a file and tells the agent to read it', async () => {
    h = createDaemonHarness();
    const project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'agent.json'), JSON.stringify({ startDelayMs: 100, workMs: 10 }));
    const prompt = 'Run "npm test" (all of it);\nthen say $DONE & stop.';
    writeFileSync(join(project, '.dot-agent-deck.toml'), ['[[modes]]', 'name = "dev"', `seed_prompt = ${JSON.stringify(prompt)}`, ''].join('\n'));
    const opened = JSON.parse(await h.ok(['up', '--mode', 'dev', '--command', `node ${SIM_AGENT} --script agent.json`, '-p', project, '--json'])) as {
      agent: string;
    };
    await h.waitForScreen(
      opened.agent,
      'the agent is told where the seed prompt is',
      /» Read \.dot-agent-deck\/dev\/seed-prompt\.md and do what it says/,
      30_000,
    );
    expect(readFileSync(join(project, '.dot-agent-deck', 'dev', 'seed-prompt.md'), 'utf8')).toBe(`${prompt}\n`);
  });
});
