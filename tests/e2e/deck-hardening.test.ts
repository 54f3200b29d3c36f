// Issue 11 as a person at the deck sees it: the status bar says when the panes came from the
// previous session file (item 8) and while an orchestration's journal cannot be written (item 7).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { isProcessAlive } from '../../src/common/process-alive.js';
import { runCli } from '../helpers/cli.js';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { journal, paneEnv, panesByRole, writeSimProject } from '../helpers/orchestration-project.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('the deck tells what the daemon could not keep', () => {
  it('item 8: shows on the status bar that the session was restored from the previous file', async () => {
    session = await openDeckSession({ cols: 200 });
    await session.newPane('alpha');
    await session.newPane('beta');
    const { harness } = session;
    const file = join(harness.deck.stateDir, 'session.json');
    await waitFor('both panes are saved', () => {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { panes: unknown[] }).panes.length === 2;
      } catch {
        return false;
      }
    });
    session.deck.dispose();
    const pid = harness.daemonPid()!;
    process.kill(pid, 'SIGKILL'); // the daemon this test started
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));

    const deck = await session.reopen({ cols: 200 });
    await deck.waitForScreen(
      'the notice on the status bar',
      /Restored \d panes? from the previous session file; the newest was unreadable and kept as \S+session\.json\.broken-/,
    );
    await deck.waitForScreen('the restored alpha card', /alpha\s+running/);
  }, 60_000);

  it('item 7: warns on the status bar while the journal cannot be written, and stops once it can', async () => {
    session = await openDeckSession({ cols: 200 });
    const { harness } = session;
    const project = session.dir('project');
    writeSimProject(project, 'dev', [
      { name: 'orchestrator', start: true, script: { startDelayMs: 0, workMs: 10 } },
      { name: 'coder', script: { startDelayMs: 0, workMs: 10, question: 'Proceed? [y/n]' } },
    ]);
    await harness.ok(['up', '-p', project]);
    await waitFor('the opening line reached the orchestrator', () => journal(project).some((entry) => entry.event === 'notice-delivered'), {
      timeoutMs: 15_000,
    });
    const journalFile = join(project, '.dot-agent-deck', 'journal.jsonl');
    rmSync(journalFile);
    mkdirSync(journalFile);
    const orchestrator = (await panesByRole(harness)).get('orchestrator')!;
    const delegated = await runCli(['delegate', '--to', 'coder', '--task', 'Refactor the parser.'], { env: paneEnv(harness, orchestrator), cwd: project });
    if (delegated.code !== 0) throw new Error(delegated.stderr);
    const { deck } = session;
    await deck.waitForScreen(
      'the journal warning on the status bar',
      /journal not written: \.dot-agent-deck\/journal\.jsonl is a directory, not a journal file — `dot-agent-deck log` will miss events/,
    );

    rmSync(journalFile, { recursive: true });
    const coder = (await panesByRole(harness)).get('coder')!;
    await runCli(['work-done', '--task', 'Refactored.'], { env: paneEnv(harness, coder), cwd: project });
    await deck.waitForScreen('the warning is gone', (screen) => !/journal not written/.test(screen));
  }, 60_000);
});
