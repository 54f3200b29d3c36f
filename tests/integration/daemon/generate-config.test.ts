// The `generate-config` request (what ctrl+d g sends): the prompt lands in the pane's project,
// the pointer line is typed through the delegation delivery path, and a pane with no agent
// running is refused with a reason.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_GEN_POINTER_LINE } from '../../../src/config-gen/config-gen-prompt.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { SIM_AGENT } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

describe('generate-config', () => {
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

  it('writes the prompt into the project and delivers the pointer line once', async () => {
    const id = (await h.ok(['new', '-n', 'agent', '-p', project, '--', 'node', SIM_AGENT, '--role', 'agent'])).trim();
    await h.waitForScreen(id, 'the agent is ready', /sim-agent agent ready\n❯/);
    const connection = await h.connect('cli');
    const result = await connection.request({ kind: 'generate-config', pane: 'agent' });
    expect(result).toMatchObject({ paneId: id, promptFile: join(project, '.dot-agent-deck', 'config-gen-prompt.md') });
    expect(readFileSync(result.promptFile, 'utf8')).toContain('dot-agent-deck validate');
    const screen = await h.waitForScreen(id, 'the agent received the line', /^» Read /m);
    expect(screen.replace(/\n/g, '')).toContain(`» ${CONFIG_GEN_POINTER_LINE}`);
    expect(screen.match(/^» /gm)).toHaveLength(1);
  }, 30_000);

  it('refuses a pane whose program has ended, before writing anything', async () => {
    const id = (await h.ok(['new', '-n', 'done', '-p', project, '--', 'true'])).trim();
    await waitFor('the program ends', async () => (await h.panes()).some((pane) => pane.id === id && pane.state === 'exited'));
    const connection = await h.connect('cli');
    await expect(connection.request({ kind: 'generate-config', pane: id })).rejects.toThrow(`Pane ${id} (done) is exited; no agent runs there to ask.`);
    expect(existsSync(join(project, '.dot-agent-deck'))).toBe(false);
  });
});
