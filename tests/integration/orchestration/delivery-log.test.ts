// The daemon log's account of every typed line, with the built CLI and simulated agents: a task
// and a completion notice each leave one "line delivered" line naming the pane's role, what
// confirmed the line and how often it was typed and Entered; a task the worker never shows an
// input box for leaves one "line not delivered" line with the reason the orchestrator got.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daemonLogFile } from '../../../src/config/paths.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, simOrchestrator, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

interface LogLine {
  message: string;
  fields: Record<string, unknown>;
}

function deliveryLines(h: DaemonHarness): LogLine[] {
  const file = daemonLogFile(h.deck.env);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\S+ +\w+ +(line (?:not )?delivered) (\{.*\})$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ message: match[1]!, fields: JSON.parse(match[2]!) as Record<string, unknown> }));
}

describe('the daemon log of typed lines', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness({ DOT_AGENT_DECK_DELIVERY_DEADLINE_MS: '3000' });
    project = join(h.deck.root, 'project');
    mkdirSync(project);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('says how each delivered line was confirmed, and why a line was not delivered', async () => {
    writeSimProject(
      project,
      'dev',
      [
        simOrchestrator([
          { after: ['^Read \\S+orchestrator-context'], actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'coder', '--task', 'Refactor.'] }] },
          { after: ['Worker coder has completed'], actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'mute', '--task', 'Wait.'] }] },
        ]),
        { name: 'coder', script: { startDelayMs: 100, workMs: 50, report: 'Refactored.' } },
        // Never draws its input box: the delivery deadline passes.
        { name: 'mute', script: { startDelayMs: 600_000 } },
      ],
      [],
    );
    await h.ok(['up', '-p', project]);
    await waitFor('the task to mute failed', () => journal(project).some((e) => e.event === 'delivery-failed' && e.role === 'mute'), {
      timeoutMs: 30_000,
      describe: () =>
        journal(project)
          .map((e) => `${e.event} ${e.role ?? ''} ${e.detail ?? ''}`)
          .join('\n'),
    });
    const lines = deliveryLines(h);
    const coder = lines.filter((line) => line.fields.label === 'coder');
    expect(coder).toEqual([
      {
        message: 'line delivered',
        fields: expect.objectContaining({ textAttempts: 1, enterPresses: 0, confirmedBy: expect.stringMatching(/\S/), ms: expect.any(Number) }),
      },
    ]);
    // The orchestrator's context line and the coder's completion notice.
    expect(lines.filter((line) => line.fields.label === 'orchestrator' && line.message === 'line delivered').length).toBeGreaterThanOrEqual(2);
    const mute = lines.filter((line) => line.fields.label === 'mute');
    expect(mute).toEqual([
      { message: 'line not delivered', fields: expect.objectContaining({ textAttempts: 0, reason: expect.stringContaining('not ready') }) },
    ]);
  });
});
