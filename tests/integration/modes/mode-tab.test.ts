// A workspace mode opened with `up --mode` on the real daemon: its agent and persistent panes,
// the reactive pool fed by each agent CLI's pre-tool hook through `dot-agent-deck hook`, `explain`
// naming the rule, and the tab coming back whole after the daemon is killed.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { preToolPayload, writeModeProject, type ShellAgent } from '../../helpers/mode-project.js';
import { paneEnv } from '../../helpers/orchestration-project.js';
import { waitFor, waitForValue } from '../../helpers/wait.js';

describe('a workspace mode on the daemon', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeModeProject(project);
  });
  afterEach(async () => {
    await h.dispose();
  });

  const modePanes = async () => (await h.panes()).filter((pane) => pane.tab === 'dev');
  const reactive = async () => (await modePanes()).filter((pane) => pane.mode?.part === 'reactive').sort((a, b) => (a.mode?.slot ?? 0) - (b.mode?.slot ?? 0));
  const hook = async (agentPane: PaneInfo, agent: ShellAgent, script: string) => {
    const result = await runCli(['hook', '--agent', agent], { env: paneEnv(h, agentPane), input: JSON.stringify(preToolPayload(agent, script)) });
    expect(result.code).toBe(0);
  };

  it('opens the agent and persistent panes, re-runs matching agent commands in a pool of two, and restores it all', async () => {
    const opened = JSON.parse(await h.ok(['up', '--mode', 'dev', '--command', 'bash', '-p', project, '--json'])) as {
      tab: string;
      agent: string;
      panes: PaneInfo[];
    };
    expect(opened.tab).toBe('dev');
    expect(opened.panes.map((pane) => [pane.name, pane.mode?.part])).toEqual([
      ['dev', 'agent'],
      ['ticks', 'persistent'],
      ['once', 'persistent'],
    ]);
    const [agent, ticks, once] = opened.panes as [PaneInfo, PaneInfo, PaneInfo];
    expect(ticks.command).toBe('dot-agent-deck watch --interval 10 -- echo persistent-watched');
    await h.waitForScreen(ticks.id, 'the watched pane shows its run and exit', /persistent-watched[\s\S]*exit 0/);
    await h.waitForScreen(once.id, 'the streaming pane shows its output', /streamed-once/);

    // Each CLI's payload; a command outside the rule is not re-run.
    await hook(agent, 'claude-code', 'ls -la');
    await hook(agent, 'claude-code', `printf '%s\\n' "claude $((40+2))"`);
    await waitForValue('a reactive pane for the claude command', async () => ((await reactive()).length === 1 ? true : null));
    let pool = await reactive();
    await h.waitForScreen(pool[0]!.id, 'the shell ran the command exactly', /claude 42/);
    expect(pool[0]!.name).toMatch(/^printf '%s\\n' "claude \$\(\(40\+2\)\)" · \d\d:\d\d:\d\d$/);

    await hook(agent, 'codex', `printf 'codex %s\\n' "$0"`);
    await waitForValue('a second reactive pane', async () => ((await reactive()).length === 2 ? true : null));
    pool = await reactive();
    await h.waitForScreen(pool[1]!.id, 'the codex argv ran as given (bash -lc)', /codex bash/);

    // The pool is full: the oldest slot (the claude one) is reused, then the next oldest.
    await hook(agent, 'gemini', "printf 'gemini %s\\n' ok");
    await h.waitForScreen(pool[0]!.id, 'slot 1 now shows the gemini command', /gemini ok/);
    await hook(agent, 'opencode', "printf 'opencode %s\\n' ok");
    await h.waitForScreen(pool[1]!.id, 'slot 2 now shows the opencode command', /opencode ok/);
    pool = await reactive();
    expect(pool.map((pane) => [pane.mode?.slot, pane.name.split(' · ')[0]])).toEqual([
      [0, "printf 'gemini %s\\n' ok"],
      [1, "printf 'opencode %s\\n' ok"],
    ]);

    const explain = await h.ok(['explain', pool[1]!.id]);
    expect(explain).toContain('mode:       dev, reactive slot 2');
    expect(explain).toContain('started by: rule "^printf "');

    // The daemon dies; the next one brings the tab back with its layout and pool.
    await waitFor('the session file holds the five mode panes', () => {
      try {
        const saved = JSON.parse(readFileSync(join(h.deck.stateDir, 'session.json'), 'utf8')) as { panes: Array<{ mode?: { part: string } }> };
        return saved.panes.filter((pane) => pane.mode).length === 5;
      } catch {
        return false;
      }
    });
    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    const restored = await modePanes();
    expect(restored.map((pane) => [pane.id, pane.mode?.part, pane.mode?.slot, pane.restored])).toEqual([
      [agent.id, 'agent', 0, true],
      [ticks.id, 'persistent', 0, true],
      [once.id, 'persistent', 1, true],
      [pool[0]!.id, 'reactive', 0, true],
      [pool[1]!.id, 'reactive', 1, true],
    ]);
    await h.waitForScreen(ticks.id, 'the watched pane runs again', /persistent-watched/);
    // The restored agent still feeds the pool: the oldest slot takes the next command.
    const newAgent = (await modePanes()).find((pane) => pane.mode?.part === 'agent')!;
    await hook(newAgent, 'claude-code', "printf 'after %s\\n' restart");
    await h.waitForScreen(pool[0]!.id, 'the restored pool reuses its oldest slot', /after restart/);
  });

  it('refuses an unknown mode with the modes it has, and opens nothing', async () => {
    const result = await h.cli(['up', '--mode', 'deev', '--command', 'bash', '-p', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No mode "deev"');
    expect(result.stderr).toContain('modes: dev');
    expect(await modePanes()).toEqual([]);
  });
});
