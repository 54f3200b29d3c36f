// `dot-agent-deck report` after a short simulated run, with the built CLI: with the daemon up it
// names the pane that waits for a person; with the daemon gone it says so, reports from the
// journal alone, and does not start a daemon to find out. Every line fits 80 columns.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import type { MorningReport } from '../../../src/orchestration/morning-report.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, panesByRole, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const delegate = (role: string, task: string) => ({ run: ['dot-agent-deck', 'delegate', '--to', role, '--task', task] });

describe('dot-agent-deck report', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      simOrchestrator([
        { after: ['^Read \\S+orchestrator-context'], actions: [delegate('coder', 'Refactor the parser.')] },
        { after: ['Worker coder has completed'], actions: [delegate('reviewer', 'Review the parser.')] },
      ]),
      { name: 'coder', script: { startDelayMs: 100, workMs: 50, report: 'Parser refactored.' } },
      // The reviewer asks and waits for an answer no one gives: it waits for a person.
      { name: 'reviewer', script: { startDelayMs: 100, workMs: 50, question: 'Run the slow tests too? [y/n]' } },
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('reads the night from the journal and what waits now from the daemon', async () => {
    await h.ok(['up', '-p', project]);
    await waitFor('the reviewer waits for a person', async () => (await panesByRole(h)).get('reviewer')?.status.kind === 'needs-input', {
      timeoutMs: 20_000,
      describe: () =>
        journal(project)
          .map((e) => `${e.event} ${e.role ?? ''} ${e.detail ?? ''}`)
          .join('\n'),
    });

    const live = await h.ok(['report', '-p', project]);
    const lines = live.trimEnd().split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    // A night that crossed midnight names the day it began ("2 Dec 20:35 → 08:35").
    expect(lines[0]).toMatch(/^Morning report · .*project · (\d{1,2} [A-Z][a-z]{2} )?\d\d:\d\d → \d\d:\d\d$/);
    expect(live).not.toContain('No deck daemon is running');
    const top = lines.slice(lines.indexOf('What waits for you now (since when)') + 1);
    expect(top[0]).toMatch(/^ {2}needs you {3}\d\d:\d\d {2}dev\/reviewer: question$/);
    expect(live).toMatch(/\n {2}coder {14}1 {4}1 {4}0 {5}0 {5}0 {4}0 +\S+ +0s +- *\n/);
    expect(live).toMatch(/\n {2}reviewer {11}1 {4}0 {4}1 {5}0 {5}0 {4}0 /);
    expect(live).toMatch(/\n {4}\d\d:\d\d coder {10}coder report\n/);

    const report = JSON.parse(await h.ok(['report', '-p', project, '--json', '--since', '30m'])) as MorningReport;
    expect(report.live).toBe(true);
    expect(report.waiting).toEqual([expect.objectContaining({ kind: 'needs-input', group: 'dev', role: 'reviewer' })]);
    expect(report.groups).toEqual([expect.objectContaining({ group: 'dev', orchestration: 'dev', orchestrator: 'orchestrator' })]);

    // The daemon dies in the night (kill -9: nothing more is journaled). The report then reads
    // the journal alone, and starts no daemon to ask.
    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    const offline = await h.ok(['report', '-p', project]);
    expect(offline).toContain('No deck daemon is running: this report is from the journal alone.');
    expect(offline).toMatch(/\n {2}unfinished {2}\d\d:\d\d {2}dev\/reviewer: open, delivered; nothing continues it\n/);
    expect(offline).toMatch(/\n {4}\d\d:\d\d coder {10}coder report\n/);
    expect(await h.cli(['daemon', 'status'])).toMatchObject({ code: 1, stdout: 'daemon not running\n' });
  });

  it.each(['5x', '12', '0h', '-1d'])('refuses --since %s with a sentence and exit 2', async (since) => {
    const result = await h.cli(['report', '-p', project, '--since', since]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--since takes a span in minutes, hours or days, like 30m, 12h or 2d; got "${since}".`);
    expect(result.stdout).toBe('');
  });

  it('says so when nothing ran in the directory', async () => {
    const result = await h.cli(['report', '-p', project]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No orchestration ran in this time.');
    expect(existsSync(h.deck.socket)).toBe(false);
  });
});
