// A worker that hits a usage limit stating its reset time, in a real pane of a real daemon: a
// stand-in agent started as `claude` (so Claude Code's screen rules read it) shows the limit a
// few seconds ahead. The card shows blocked with the reset time, the orchestrator is told once,
// and with resume_after_limit = true the continue line is typed after the reset and journaled.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, panesByRole, standIn, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const LIMIT = "You've hit your limit · try again in 6 seconds";

describe('a worker blocked on a usage limit', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    // No jitter: the continue line goes at the reset time itself, so the test does not wait a minute.
    h = createDaemonHarness({ DOT_AGENT_DECK_RESUME_JITTER_MS: '0' });
    project = join(h.deck.root, 'project');
    mkdirSync(project);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('is told once, and continued after the reset time when resume_after_limit is on', async () => {
    writeSimProject(
      project,
      'dev',
      [
        simOrchestrator([
          {
            after: ['^Read \\S+orchestrator-context'],
            actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'coder', '--task', 'Refactor the parser.'] }],
          },
        ]),
        { name: 'coder', program: standIn(project, 'claude'), script: { startDelayMs: 100, workMs: 50, limit: LIMIT, report: 'Parser refactored.' } },
      ],
      ['resume_after_limit = true'],
    );
    await h.ok(['up', '-p', project]);

    let coder: PaneInfo | undefined;
    await waitFor(
      'the coder card says blocked with the reset time',
      async () => {
        coder = (await panesByRole(h)).get('coder');
        return coder?.status?.kind === 'blocked' && coder.status.until !== undefined;
      },
      { timeoutMs: 20_000, describe: () => JSON.stringify(coder?.status) },
    );
    const status = coder!.status!;
    expect(status.rule).toBe('usage-limit');
    expect(status.reason).toMatch(/^usage limit · resets \d\d:\d\d$/);
    const until = Date.parse(status.until!);

    await waitFor('the coder finishes its task after the reset', () => journal(project).some((e) => e.event === 'completed' && e.role === 'coder'), {
      timeoutMs: 30_000,
      describe: () =>
        journal(project)
          .map((e) => `${e.at} ${e.event} ${e.role ?? ''} ${e.detail ?? ''}`)
          .join('\n'),
    });
    const entries = journal(project);
    const blocked = entries.filter((e) => e.event === 'watch' && e.watch === 'blocked');
    expect(blocked).toEqual([expect.objectContaining({ role: 'coder', until: status.until })]);
    const resumes = entries.filter((e) => e.event === 'resume');
    expect(resumes).toEqual([expect.objectContaining({ role: 'coder', detail: 'attempt 1 of 3' })]);
    expect(Date.parse(resumes[0]!.at)).toBeGreaterThanOrEqual(until);
    const order = entries.map((e) => e.event);
    expect(order.indexOf('resume')).toBeLessThan(order.indexOf('completed'));
    expect(entries.filter((e) => e.event === 'error')).toEqual([]);

    // The worker got the continue line; the orchestrator heard of the block once.
    const coderScreen = await h.capture('coder');
    expect(coderScreen).toMatch(/» Your usage limit has reset\. Continue the task in \.dot-agent-deck\/dev\/task-coder\.md/);
    const orchestratorScreen = await h.waitForScreen('orchestrator', 'the orchestrator hears of the completion', /Worker coder has completed/);
    expect(orchestratorScreen.match(/» Worker coder is blocked/g)).toHaveLength(1);
    expect(orchestratorScreen).toMatch(/Worker coder is blocked: usage limit, resets at \S+Z\. The deck will continue it then\./);
  });
});
