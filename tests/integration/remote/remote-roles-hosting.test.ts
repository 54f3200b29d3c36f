// The far side of a role on another host, against a real daemon without ssh: `role-host` and
// `role-deliver` as the holding daemon sends them, what the hosted pane itself may do, and a
// report made while no holder is connected reaching the next one.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Connection, type RoleReport } from '../../../src/protocol/connection.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { paneProcessEnv } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const hostRequest = (projectDir: string, pane?: string) => ({
  kind: 'role-host' as const,
  group: 'dev',
  role: 'coder',
  projectDir,
  command: 'bash --norc --noprofile',
  ...(pane ? { pane } : {}),
});

describe('hosting a role for another deck', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(async () => {
    h = createDaemonHarness({ PS1: 'deck$ ' });
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    await h.ok(['daemon', 'start']);
  });
  afterEach(async () => h.dispose());

  it('opens the pane, holds it for one connection, and refuses names that are not names', async () => {
    const holder = await h.connect('cli');
    const { pane, adopted } = await holder.request(hostRequest(project));
    expect(adopted).toBe(false);
    expect(pane).toMatchObject({ tab: 'dev', role: 'coder', cwd: project, state: 'running' });

    const other = await h.connect('cli');
    await expect(other.request({ kind: 'role-deliver', pane: pane.id, purpose: 'task', task: 'x', fresh: false })).rejects.toThrow(
      /held by another connection/,
    );
    await expect(holder.request({ ...hostRequest(project), group: '../etc' })).rejects.toThrow(/group "\.\.\/etc" is not a name/);

    // The task file lands where this daemon puts it, under the project it was given.
    const answer = await holder.request({ kind: 'role-deliver', pane: pane.id, purpose: 'task', task: 'Do the thing.\n', fresh: false });
    expect(readFileSync(join(project, '.dot-agent-deck/dev/task-coder.md'), 'utf8')).toBe('Do the thing.\n');
    expect(answer.agentId).toBe(pane.agentId);
    await h.waitForScreen(pane.id, 'the task line typed into the pane', /Read \.dot-agent-deck\/dev\/task-coder\.md for your task\./);
  }, 60_000);

  it('lets the hosted pane act on itself only, and keeps its report for the next holder', async () => {
    const first = await h.connect('cli');
    const { pane } = await first.request(hostRequest(project));
    const env = paneProcessEnv(pane);
    const credential = { paneId: env.DOT_AGENT_DECK_PANE_ID!, token: env.DOT_AGENT_DECK_TOKEN! };
    const inside = await Connection.connect({ socketPath: h.deck.socket, client: 'cli', version: 'test', pane: credential });
    try {
      await expect(inside.request(hostRequest(project))).rejects.toThrow(/may not host roles for another deck/);
      const stranger = (await h.ok(['new', '--', 'bash', '--norc', '--noprofile'])).trim();
      await expect(inside.request({ kind: 'kill', pane: stranger })).rejects.toThrow(/may act only on its own pane/);

      // The holder went away (the link dropped): the report waits for the next one.
      first.dispose();
      // `inside` and the status command itself are the clients left.
      await waitFor(
        'the daemon saw the holder leave',
        async () => (JSON.parse(await h.ok(['daemon', 'status', '--json'])) as { clients: number }).clients <= 2,
      );
      expect(await inside.request({ kind: 'work-done', report: 'Done over there.', done: false })).toEqual({
        recorded: 'completion',
        file: '.dot-agent-deck/dev/work-done-coder.md',
      });
    } finally {
      inside.dispose();
    }
    const next = await h.connect('cli');
    const reports: RoleReport[] = [];
    next.onRoleReport((report) => reports.push(report));
    const again = await next.request(hostRequest(project, pane.id));
    expect(again).toMatchObject({ adopted: true, pane: { id: pane.id } });
    await waitFor('the waiting report reached the new holder', () => reports.length === 1);
    expect(reports[0]).toMatchObject({ paneId: pane.id, agentId: pane.agentId, report: 'Done over there.', outcome: 'done' });
  }, 60_000);
});
