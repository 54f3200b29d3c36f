// A worker whose agent draws nothing after a start (opencode's concurrent start that sits idle),
// in a real daemon: the roles run a stand-in named `opencode` (so opencode's start policy
// applies) whose scripted start of the coder stays silent. The deck starts it again once —
// journaled and logged, before anything is typed —, fresh starts of opencode roles take turns,
// and each task is delivered once and completed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daemonLogFile } from '../../../src/config/paths.js';
import type { JournalEntry } from '../../../src/orchestration/journal-entry.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, SIM_AGENT, simOrchestrator, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

/** `./opencode`: the coder's start number `silent` (1 = the one `up` makes) sleeps without a
 *  byte of output; every other start shows opencode's box hint and runs the sim agent. */
function opencodeStandIn(dir: string, silent: number): string {
  writeFileSync(
    join(dir, 'opencode'),
    [
      '#!/bin/sh',
      'if [ "$2" = coder ]; then echo start >> coder-starts; fi',
      `if [ "$2" = coder ] && [ "$(wc -l < coder-starts)" -eq ${silent} ]; then exec sleep 120; fi`,
      "printf 'Ask anything\\r\\n'",
      `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(SIM_AGENT)} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return './opencode';
}

const story = (entries: JournalEntry[]) => entries.map((e) => `${e.at} ${e.event} ${e.role ?? ''} ${e.detail ?? ''}`).join('\n');

describe('a worker agent that draws nothing after its start', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness({ DOT_AGENT_DECK_SILENT_START_MS: '3000' });
    project = join(h.deck.root, 'project');
    mkdirSync(project);
  });
  afterEach(async () => {
    await h.dispose();
  });

  async function run(silent: number, clear: boolean): Promise<JournalEntry[]> {
    const program = opencodeStandIn(project, silent);
    const worker = { startDelayMs: 200, workMs: 50, report: 'Done.' };
    writeSimProject(project, 'dev', [
      simOrchestrator([
        {
          after: ['^Read \\S+orchestrator-context'],
          // One delegate to both: the two deliveries run side by side.
          actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'coder', '--to', 'reviewer', '--task', 'Do your part.'] }],
        },
        {
          after: ['^Worker coder has completed', '^Worker reviewer has completed'],
          actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'All done.'] }],
        },
      ]),
      { name: 'coder', program, clear, script: worker },
      { name: 'reviewer', program, clear, script: worker },
    ]);
    await h.ok(['up', '-p', project]);
    await waitFor('the orchestrator ends the run', () => journal(project).some((e) => e.event === 'done'), {
      timeoutMs: 45_000,
      describe: () => story(journal(project)),
    });
    const entries = journal(project);
    const of = (role: string, event: string) => entries.filter((e) => e.role === role && e.event === event);
    expect(of('coder', 'start-retry'), story(entries)).toEqual([
      expect.objectContaining({ detail: 'opencode drew nothing in the 3 s after its start, so the deck started it again (once per start)' }),
    ]);
    expect(of('reviewer', 'start-retry')).toEqual([]);
    for (const role of ['coder', 'reviewer']) {
      expect(of(role, 'delivered'), story(entries)).toHaveLength(1);
      expect(of(role, 'delivery-failed'), story(entries)).toHaveLength(0);
      expect(of(role, 'completed'), story(entries)).toHaveLength(1);
    }
    // Restarted before anything was typed into the coder.
    const events = entries.map((e) => `${e.event} ${e.role ?? ''}`);
    expect(events.indexOf('start-retry coder')).toBeLessThan(events.lastIndexOf('delivery-attempt coder'));
    expect(readFileSync(join(project, 'coder-starts'), 'utf8').trim().split('\n')).toHaveLength(clear ? 3 : 2);
    expect(readFileSync(daemonLogFile(h.deck.env), 'utf8')).toMatch(/silent agent start restarted.*"label":"coder"/);
    return entries;
  }

  it('started by up (clear = false): it is started again once, then gets its task', async () => {
    await run(1, false);
  }, 60_000);

  it('started for its task (clear = true): its sibling waits its turn, and the silent one is started again once', async () => {
    await run(2, true);
    // The coder's fresh start held the reviewer's until the coder was at its box.
    expect(readFileSync(daemonLogFile(h.deck.env), 'utf8')).toMatch(/agent start waits for a sibling.*"label":"reviewer"/);
  }, 60_000);
});
