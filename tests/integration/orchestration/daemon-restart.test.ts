// kill -9 of the daemon in the middle of an orchestration: `log` still shows the open commission,
// the next daemon restores the tab from the session file and the journal, and a late work-done
// is routed to the orchestrator.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, paneEnv, panesByRole, writeSimProject, simOrchestrator } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

describe('orchestration across a daemon crash', () => {
  let h: DaemonHarness;
  let project: string;
  beforeEach(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      simOrchestrator([
        {
          after: ['^Read \\S+orchestrator-context'],
          actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'coder', '--task', 'Refactor the parser.'] }],
        },
      ]),
      // The coder asks a question and waits for an answer that never comes: its commission stays open.
      { name: 'coder', script: { startDelayMs: 100, workMs: 10, question: 'Run the slow tests too? [y/n]' } },
    ]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('keeps open commissions and routes a late work-done after kill -9', async () => {
    await h.ok(['up', '-p', project]);
    let roles = await panesByRole(h);
    await h.waitForScreen(roles.get('coder')!.id, 'the coder asks its question', /Run the slow tests too\? \[y\/n\]/, 15_000);
    await waitFor('the delivery to the coder is journalled', () => journal(project).some((entry) => entry.event === 'delivered' && entry.role === 'coder'));
    await waitFor('the session file holds both role panes', () => {
      try {
        const saved = JSON.parse(readFileSync(join(h.deck.stateDir, 'session.json'), 'utf8')) as { panes: Array<{ tab: string | null; role: string | null }> };
        return saved.panes.filter((pane) => pane.tab === 'dev' && pane.role).length === 2;
      } catch {
        return false;
      }
    });

    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    expect(await h.ok(['log', '-p', project])).toMatch(
      /^open: \[dev\] coder since .* \(delivered, waiting for work-done; \.dot-agent-deck\/dev\/task-coder\.md\)$/m,
    );

    roles = await panesByRole(h); // auto-starts a new daemon, which restores the panes
    expect(h.daemonPid()).not.toBe(pid);
    expect([...roles.values()].every((pane) => pane.restored && pane.tab === 'dev')).toBe(true);
    await waitFor('the new daemon rebuilt the commission', () => journal(project).some((entry) => entry.event === 'restored'));
    expect(journal(project).find((entry) => entry.event === 'restored')?.detail).toMatch(/^1 open commission/);
    // The work is handed back: the relaunched coder gets its task again, the orchestrator its context.
    await h.waitForScreen(
      roles.get('coder')!.id,
      'the relaunched coder got its task again',
      /» Read \.dot-agent-deck\/dev\/task-coder\.md for your task\./,
      15_000,
    );
    await h.waitForScreen(roles.get('orchestrator')!.id, 'the relaunched orchestrator got its context again', /» The deck restarted and so did you\./, 15_000);
    await waitFor('the re-delivery is journaled', () => journal(project).some((entry) => entry.event === 'redelivery' && entry.role === 'coder'));
    expect(readFileSync(join(project, '.dot-agent-deck', 'dev', 'task-coder.md'), 'utf8')).toContain('The deck restarted while you had this task');

    const late = await runCli(['work-done', '--task', 'Refactored; tests pass.'], { env: paneEnv(h, roles.get('coder')!), cwd: project });
    expect(late).toMatchObject({ code: 0, stdout: 'Report recorded in .dot-agent-deck/dev/work-done-coder.md; the orchestrator will be told.\n' });
    await h.waitForScreen(roles.get('orchestrator')!.id, 'the orchestrator was told', /» Worker coder has completed their task\./, 15_000);
    expect(readFileSync(join(project, '.dot-agent-deck', 'dev', 'work-done-coder.md'), 'utf8')).toContain('Refactored; tests pass.');
    expect(await h.ok(['log', '-p', project])).not.toMatch(/^open:/m);
  }, 45_000);
});
