// Issue 11, the numbered items about an orchestration's record and its notices, each as the test
// that would have caught it, with simulated agents in real PTYs under the real daemon: a torn
// journal line (6), a journal that cannot be written (7), a clear=true respawn after a daemon
// restart (9), a killed delivery (10), and a project file nested too deep for the parser (11).
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, paneEnv, panesByRole, SIM_AGENT, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

const JOURNAL = ['.dot-agent-deck', 'journal.jsonl'];

describe('hardening: the journal and the notices (issue 11)', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness({ DOT_AGENT_DECK_DELIVERY_DEADLINE_MS: '20000' });
    project = join(h.deck.root, 'project');
    mkdirSync(project);
  });
  afterEach(async () => {
    await h.dispose();
  });

  const openTab = async (coder: Record<string, unknown> = { startDelayMs: 0, workMs: 10, question: 'Proceed? [y/n]' }) => {
    writeSimProject(project, 'dev', [
      { name: 'orchestrator', start: true, script: { startDelayMs: 0, workMs: 10 } },
      { name: 'coder', script: coder },
      { name: 'spare', script: { startDelayMs: 0, workMs: 10 } },
    ]);
    await h.ok(['up', '-p', project]);
    await waitFor('the opening line reached the orchestrator', () => journal(project).some((entry) => entry.event === 'notice-delivered'));
    return panesByRole(h);
  };
  const as = (pane: PaneInfo, args: string[], input?: string) =>
    runCli(args, { env: paneEnv(h, pane), cwd: project, ...(input !== undefined ? { input } : {}) });

  it('item 6: an append after a torn journal line starts on a fresh line, and log and the report still know the task', async () => {
    const roles = await openTab();
    // A crash mid-write: half a line, no newline.
    appendFileSync(join(project, ...JOURNAL), '{"at":"2026-12-02T03:00:00.000Z","event":"deleg');
    expect((await as(roles.get('orchestrator')!, ['delegate', '--to', 'coder', '--task', 'Refactor the parser.'])).code).toBe(0);
    expect(
      journal(project)
        .filter((entry) => entry.event === 'delegate' || entry.event === 'delivered')
        .map((entry) => [entry.event, entry.role]),
    ).toEqual([
      ['delegate', 'coder'],
      ['delivered', 'coder'],
    ]);
    const log = await h.cli(['log', '-p', project]);
    expect(log.stderr).toMatch(/warning: skipped a corrupted journal line \(not JSON; line \d+ of the part read\)/);
    expect(log.stdout).toMatch(/^open: \[dev\] coder since .* \(delivered, waiting for work-done;/m);
    expect(log.stdout).not.toMatch(/not delivered yet/);
    const coder = (await panesByRole(h)).get('coder')!;
    const report = await as(coder, ['work-done', '--task', 'Refactored.']);
    expect(report.stdout).toMatch(/^Report recorded in \.dot-agent-deck\/dev\/work-done-coder\.md/);
    expect(journal(project).some((entry) => entry.event === 'completed' && entry.role === 'coder')).toBe(true);
  }, 45_000);

  it("item 7: a journal replaced by a directory is told to delegate, ls, the deck's pane list and log, until it can be written again", async () => {
    const roles = await openTab();
    const file = join(project, ...JOURNAL);
    rmSync(file);
    mkdirSync(file);
    const delegated = await as(roles.get('orchestrator')!, ['delegate', '--to', 'coder', '--task', 'Refactor the parser.']);
    expect(delegated.code).toBe(0);
    expect(delegated.stdout).toBe('Delivered to coder.\n');
    expect(delegated.stderr).toMatch(
      /^warning: the delegation happened but is not in the journal \(The journal \S+journal\.jsonl is a directory, not a journal file\.\): `dot-agent-deck log` and a daemon restart will not know about it$/m,
    );

    // What the deck's status bar reads: every role pane of the tab carries the problem.
    const problem = '.dot-agent-deck/journal.jsonl is a directory, not a journal file';
    const tab = (await h.panes()).filter((pane) => pane.tab === 'dev');
    expect(tab.map((pane) => pane.journalProblem)).toEqual([problem, problem, problem]);
    const ls = await h.cli(['ls']);
    expect(ls.stderr).toContain(`warning: tab dev: journal not written: ${problem} — \`dot-agent-deck log\` will miss events\n`);

    const log = await h.cli(['log', '-p', project]);
    expect(log.code).toBe(1);
    expect(log.stderr).toMatch(
      /^error: The journal \S+journal\.jsonl is a directory, not a journal file\.\nhint: move it aside \(the deck starts a new journal\) or fix its permissions\n$/,
    );
    expect(log.stderr).not.toMatch(/bug/);

    // Fixed by the person: the next append lands and the warning goes.
    rmSync(file, { recursive: true });
    const again = await as(roles.get('orchestrator')!, ['delegate', '--to', 'spare', '--task', 'Write the changelog.']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    await waitFor('the warning is gone from the pane list', async () => (await h.panes()).every((pane) => !pane.journalProblem));
    expect((await h.cli(['ls'])).stderr).toBe('');
  }, 45_000);

  it('item 9: a pane re-created by a clear=true respawn is in session.json, so after a daemon restart the role still has its pane', async () => {
    const roles = await openTab();
    // The role's command changes in the file; the clear=true delegation respawns the pane with it.
    const changed = `node ${SIM_AGENT} --role coder --script coder.json --changed`;
    writeFileSync(
      join(project, '.dot-agent-deck.toml'),
      readFileSync(join(project, '.dot-agent-deck.toml'), 'utf8').replace('--role coder --script coder.json', '--role coder --script coder.json --changed'),
    );
    expect((await as(roles.get('orchestrator')!, ['delegate', '--to', 'coder', '--task', 'Refactor the parser.'])).code).toBe(0);
    const respawned = (await panesByRole(h)).get('coder')!;
    expect(respawned).toMatchObject({ id: roles.get('coder')!.id, command: changed });
    expect(respawned.agentId).not.toBe(roles.get('coder')!.agentId);
    const saved = () => {
      try {
        return (
          JSON.parse(readFileSync(join(h.deck.stateDir, 'session.json'), 'utf8')) as { panes: Array<{ id: string; role: string | null; command: string }> }
        ).panes;
      } catch {
        return [];
      }
    };
    await waitFor(
      'the session file holds the respawned coder',
      () => saved().some((pane) => pane.role === 'coder' && pane.id === respawned.id && pane.command === changed),
      {
        describe: () => JSON.stringify(saved()),
      },
    );

    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL'); // the daemon this test started
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    const after = await panesByRole(h); // starts a new daemon, which restores the session
    expect(after.get('coder')).toMatchObject({ id: respawned.id, command: changed, restored: true, tab: 'dev' });
    await waitFor('the new daemon rebuilt the tab', () => journal(project).some((entry) => entry.event === 'restored'));
    const next = await as(after.get('orchestrator')!, ['delegate', '--to', 'spare', '--task', 'Write the changelog.']);
    expect(next.stderr).not.toMatch(/was added to the configuration/);
    expect(next.code).toBe(0);
  }, 60_000);

  it('item 10: a worker killed while its task is being delivered makes exactly one notice to the orchestrator', async () => {
    // The coder never shows its prompt, so the delivery waits for it (up to the 20 s deadline).
    const roles = await openTab({ startDelayMs: 600_000 });
    const delegating = as(roles.get('orchestrator')!, ['delegate', '--to', 'coder', '--task', 'Refactor the parser.']);
    await waitFor(
      'the delivery to the respawned coder is under way',
      () => journal(project).some((entry) => entry.event === 'delivery-attempt' && entry.role === 'coder' && entry.agentId !== roles.get('coder')!.agentId),
      { timeoutMs: 15_000 },
    );
    const coder = (await panesByRole(h)).get('coder')!;
    process.kill(coder.pid!, 'SIGKILL'); // a process of this test's deck
    const result = await delegating;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The task was not delivered: coder \(.*exited/);
    // A later notice as the barrier: notices go out one at a time, in order, so any second
    // notice about the coder would have been typed before this one.
    expect((await as(roles.get('spare')!, ['work-done', '--task', 'Nothing asked, nothing done.'])).code).toBe(0);
    const orchestrator = roles.get('orchestrator')!.id;
    await h.waitForScreen(orchestrator, 'the unrequested report reached the orchestrator', /» Worker spare sent a report nobody asked for/, 15_000);
    const aboutCoder = journal(project).filter((entry) => (entry.event === 'notice-delivered' || entry.event === 'notice-failed') && entry.role === 'coder');
    expect(aboutCoder).toHaveLength(1);
    const screen = await h.capture(orchestrator);
    expect(screen).toMatch(/» The task for worker coder could not be delivered/);
    expect(screen).not.toMatch(/coder exited before running work-done/);
    expect(journal(project).filter((entry) => entry.event === 'watch' && entry.role === 'coder')).toEqual([]);
  }, 60_000);

  it('item 11: a 100 KB project file of nested arrays is refused with a located error, and the daemon keeps serving', async () => {
    await h.ok(['ls']); // a running daemon
    const pid = h.daemonPid();
    writeFileSync(join(project, '.dot-agent-deck.toml'), `[[orchestrations]]\nname = "dev"\nroles = ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    const validate = await h.cli(['validate', '-p', project]);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(
      /\.dot-agent-deck\.toml:3:71 arrays nested deeper than 64 levels; a config file never needs that many, so the file was not read/,
    );
    // The daemon's answer to `up`, located the same way.
    const up = await h.cli(['up', '-p', project]);
    expect(up.code).toBe(1);
    expect(up.stderr).toMatch(/\.dot-agent-deck\.toml has 1 error\(s\); the first: \S*\.dot-agent-deck\.toml:3:71 arrays nested deeper than 64 levels/);
    for (const result of [validate, up]) expect(result.stdout + result.stderr).not.toMatch(/call stack|bug/);
    // Nested inline tables, too.
    writeFileSync(join(project, '.dot-agent-deck.toml'), `x = ${'{a='.repeat(30_000)}1${'}'.repeat(30_000)}\n`);
    expect((await h.cli(['up', '-p', project])).stderr).toMatch(/the first: \S*\.dot-agent-deck\.toml:1:\d+ inline tables nested deeper than 64 levels/);
    expect(await h.panes()).toEqual([]);
    expect(h.daemonPid()).toBe(pid);
    expect(isProcessAlive(pid!)).toBe(true);
  }, 30_000);
});
