// Agent status end to end with real PTYs: hook events sent by the built `hook` command move a
// pane's status, `ls --json` and `explain` show it, `answer` types the agent's keys, and a hook
// never fails or waits when the daemon is gone or the payload is garbage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { paneProcessEnv } from '../../helpers/orchestration-project.js';
import { waitForValue } from '../../helpers/wait.js';

describe('pane status', () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness({ PS1: '$ ' });
  });
  afterEach(async () => {
    await h.dispose();
  });

  async function newPane(command: string[]): Promise<PaneInfo> {
    const id = (await h.ok(['new', '-p', h.deck.home, '--', ...command])).trim();
    return (await h.panes()).find((pane) => pane.id === id)!;
  }

  function hook(pane: PaneInfo, payload: unknown, agentId = pane.agentId, tokenOverride: Record<string, string> = {}) {
    return runCli(['hook', '--agent', 'claude-code'], {
      env: { ...h.deck.env, ...paneProcessEnv(pane), DOT_AGENT_DECK_AGENT_ID: agentId, DOT_AGENT_DECK_SOCKET: h.deck.socket, ...tokenOverride },
      input: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  }

  async function statusOf(id: string, what: string, test: (pane: PaneInfo) => boolean): Promise<PaneInfo> {
    return waitForValue(what, async () => (await h.panes()).find((pane) => pane.id === id && test(pane)));
  }

  it('follows hook events and explains the rule that decided', async () => {
    const pane = await newPane(['bash', '--norc', '--noprofile']);
    expect(pane.agentType).toBeNull();
    const sent = await hook(pane, { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'npm test' }, session_id: 's' });
    expect(sent).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const working = await statusOf(pane.id, 'the pane turns working', (p) => p.status.kind === 'working');
    expect(working.status).toMatchObject({ tool: 'Bash', detail: 'npm test', layer: 'hook', rule: 'hook:PreToolUse' });
    expect(working.agentType).toBe('claude-code');

    await hook(pane, { hook_event_name: 'PermissionRequest', tool_name: 'Bash' });
    await statusOf(pane.id, 'the pane needs input', (p) => p.status.kind === 'needs-input');
    const explained = await h.ok(['explain', pane.id]);
    expect(explained).toContain(`${pane.id} (${pane.name}): needs-input — Bash · permission`);
    expect(explained).toContain('decided by: hook layer, rule hook:PermissionRequest');
    expect(explained).toMatch(/hook\s+PreToolUse Bash npm test/);
  });

  it('ignores a hook of an earlier agent and garbage, and answers a prompt with the agent keys', async () => {
    const pane = await newPane(['bash', '--norc', '--noprofile']);
    expect(await hook(pane, { hook_event_name: 'PreToolUse' }, 'a-stale')).toMatchObject({ code: 0 });
    expect(await hook(pane, '{"hook_event_name": "Stop",')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await hook(pane, '\u0000\u0001 not json')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // Another pane's process (or one that lost its credential) cannot move this pane's status.
    expect(await hook(pane, { hook_event_name: 'PreToolUse', tool_name: 'Bash' }, pane.agentId, { DOT_AGENT_DECK_TOKEN: 'forged' })).toMatchObject({ code: 0 });
    const explained = await h.ok(['explain', pane.id]);
    expect(explained).toContain('ignored PreToolUse from earlier agent a-stale');
    expect(explained).not.toContain('PreToolUse Bash');
    expect(explained).not.toContain('hook layer');
    expect(explained).toContain('last hook:  none received');

    const refused = await h.cli(['explain', 'nope']);
    expect(refused.code).toBe(1);

    await hook(pane, { hook_event_name: 'Notification', notification_type: 'permission_prompt' });
    await statusOf(pane.id, 'the pane needs input', (p) => p.status.kind === 'needs-input');
    const connection = await h.connect('cli');
    await connection.request({ kind: 'answer', pane: pane.id, answer: 'yes' });
    // Claude Code's "yes" is the key 1: bash echoes it at its prompt.
    await h.waitForScreen(pane.id, 'the answer key reaches the pane', /\$ 1$/m);
  });

  it('exits 0 at once when no daemon runs', async () => {
    const env = {
      ...h.deck.env,
      DOT_AGENT_DECK_PANE_ID: 'p1',
      DOT_AGENT_DECK_AGENT_ID: 'a-1',
      DOT_AGENT_DECK_TOKEN: 'f00',
      DOT_AGENT_DECK_SOCKET: `${h.deck.runtimeDir}/none.sock`,
    };
    const result = await runCli(['hook', '--agent', 'claude-code'], { env, input: '{"hook_event_name":"Stop"}', timeoutMs: 5000 });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(h.daemonPid()).toBeNull();
  });
});
