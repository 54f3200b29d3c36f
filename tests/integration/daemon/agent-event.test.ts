// `agent-event` end to end with real PTYs: a plain command reports its own status from inside its
// pane through the built CLI; the card's status follows, `explain` names the report, and bad input,
// a forged credential or a flood of reports are refused with a sentence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Connection } from '../../../src/protocol/connection.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { REPORT_BURST } from '../../../src/daemon/report-rate.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { paneProcessEnv } from '../../helpers/orchestration-project.js';
import { waitForValue } from '../../helpers/wait.js';

describe('agent-event', () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness({ PS1: '$ ' });
  });
  afterEach(async () => {
    await h.dispose();
  });

  async function newPane(): Promise<PaneInfo> {
    const id = (await h.ok(['new', '-p', h.deck.home, '--', 'bash', '--norc', '--noprofile'])).trim();
    return (await h.panes()).find((pane) => pane.id === id)!;
  }

  function report(pane: PaneInfo, args: string[], override: Record<string, string> = {}) {
    return runCli(['agent-event', ...args], { env: { ...h.deck.env, ...paneProcessEnv(pane), DOT_AGENT_DECK_SOCKET: h.deck.socket, ...override } });
  }

  async function statusOf(id: string, what: string, test: (pane: PaneInfo) => boolean): Promise<PaneInfo> {
    return waitForValue(what, async () => (await h.panes()).find((pane) => pane.id === id && test(pane)));
  }

  it('moves a plain pane through the whole life cycle and explains it', async () => {
    const pane = await newPane();
    const working = await report(pane, ['--status', 'working', '--tool', 'Bash', '--detail', 'npm test']);
    expect(working).toMatchObject({ code: 0, stderr: '' });
    expect(working.stdout).toBe(`Pane ${pane.id}: working\n`);
    const seen = await statusOf(pane.id, 'the pane reports working', (p) => p.status.kind === 'working');
    expect(seen.status).toMatchObject({ tool: 'Bash', detail: 'npm test', reason: null, layer: 'hook', rule: 'agent-event:working' });

    await report(pane, ['--status', 'needs-input', '--detail', 'Run the migration? [y/n]']);
    const asking = await statusOf(pane.id, 'the pane needs input', (p) => p.status.kind === 'needs-input');
    expect(asking.status.reason).toBe('Run the migration? [y/n]');

    for (const status of ['blocked', 'thinking', 'idle'] as const) {
      expect((await report(pane, ['--status', status])).code).toBe(0);
      await statusOf(pane.id, `the pane reports ${status}`, (p) => p.status.kind === status);
    }
    const explained = await h.ok(['explain', pane.id]);
    expect(explained).toContain('decided by: hook layer, rule agent-event:idle');
    expect(explained).toMatch(/hook\s+agent-event working Bash npm test/);
  });

  it.each([
    [['--status', 'busy'], '--status "busy" must be one of working, thinking, idle, needs-input, blocked.'],
    [['--status', 'working', '--detail', 'two\nlines'], '--detail "two\\nlines" must be 1 to 300 characters on one line'],
    [['--status', 'working', '--tool', 'x'.repeat(101)], '--tool "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" must be 1 to 100 characters'],
  ])('refuses %j with one sentence and exit 2', async (args, sentence) => {
    const pane = await newPane();
    const result = await report(pane, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(sentence);
    expect(result.stderr).not.toContain('    at ');
    expect((await h.panes()).find((p) => p.id === pane.id)!.status.layer).not.toBe('hook');
  });

  it('refuses a caller outside a pane and a credential that does not prove the pane', async () => {
    const outside = await runCli(['agent-event', '--status', 'idle'], { env: h.deck.env });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('`agent-event` must run inside a dot-agent-deck pane');

    const pane = await newPane();
    const forged = await report(pane, ['--status', 'working'], { DOT_AGENT_DECK_TOKEN: 'forged' });
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('credential of an earlier run of pane');
  });

  it('drops reports beyond the rate and keeps the last one that was accepted', async () => {
    const pane = await newPane();
    const env = paneProcessEnv(pane);
    const connection = await Connection.connect({
      socketPath: h.deck.socket,
      client: 'cli',
      version: 'test',
      pane: { paneId: env.DOT_AGENT_DECK_PANE_ID!, token: env.DOT_AGENT_DECK_TOKEN! },
    });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: REPORT_BURST + 10 }, (_, i) =>
          connection.request({ kind: 'agent-event', report: { status: 'working', tool: 'Edit', detail: `step ${i}` } }).then(
            () => 'ok',
            (error: Error) => error.message,
          ),
        ),
      );
      const refused = outcomes.filter((outcome) => outcome !== 'ok');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]).toContain(`Pane ${pane.id} reports its status more than 10 times a second; this report was dropped.`);
      const last = outcomes.lastIndexOf('ok');
      await statusOf(pane.id, 'the last accepted report shows', (p) => p.status.detail === `step ${last}`);
    } finally {
      connection.dispose();
    }
  });
});
