// A role on another host over a real sshd on loopback: the local daemon holds the link (ssh +
// `daemon bridge`) to a second deck world standing in for the remote user, opens the coder's pane
// there in the remote's `dir`, delegates with the task text, and the coder's `work-done` comes
// back to the orchestrator. A host whose deck is missing at delegation time is one delivery
// failure told to the orchestrator; `validate` locates an unknown host.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/orchestration/journal-entry.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { journal, simOrchestrator, writeSimProject, type SimRole } from '../../helpers/orchestration-project.js';
import { hasSshd, startSshd, type RemoteLogin, type Sshd } from '../../helpers/sshd.js';
import { waitFor } from '../../helpers/wait.js';

let sshd: Sshd;
let box: RemoteLogin;

const local = (args: readonly string[], timeoutMs = 40_000): Promise<CliResult> => runCli(args, { env: sshd.local.env, timeoutMs });

const coderScript = { startDelayMs: 200, workMs: 100, report: 'Changed login.ts on the box.' };

/** An orchestrator that delegates once and, told anything back, finishes the run. */
function team(host: string): SimRole[] {
  return [
    simOrchestrator([
      {
        after: ['orchestrator-context'],
        actions: [
          { write: '.dot-agent-deck/implement.md', text: 'Implement the login form.' },
          { run: ['dot-agent-deck', 'delegate', '--to', 'coder', '--task-file', '.dot-agent-deck/implement.md'] },
        ],
      },
      { after: ['Worker coder has completed|could not be delivered'], actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'Finished.'] }] },
    ]),
    { name: 'coder', description: 'writes code', host, script: coderScript },
  ];
}

function describeJournal(dir: string): string {
  return journal(dir)
    .map((entry) => `${entry.event} ${entry.role ?? ''} ${entry.host ?? ''} ${entry.detail ?? ''}`)
    .join('\n');
}

describe.skipIf(!hasSshd)('roles on other hosts', () => {
  let remoteProject: string;
  beforeAll(async () => {
    sshd = await startSshd();
    box = sshd.addLogin('box');
    // The remote project: the role's own script sits there, as the code would.
    remoteProject = join(box.world.root, 'project');
    mkdirSync(remoteProject);
    writeFileSync(join(remoteProject, 'coder.json'), JSON.stringify(coderScript));
    expect((await local(['remote', 'add', 'box', 'box', '--dir', remoteProject])).code).toBe(0);
    sshd.addLogin('bare', { withDeck: false });
    expect((await local(['remote', 'add', 'bare', 'bare'])).code).toBe(0);
  }, 30_000);
  afterAll(async () => sshd?.dispose(), 30_000);

  it('runs the coder on the remote and routes its work-done back to the orchestrator', async () => {
    const project = join(sshd.local.root, 'project');
    writeSimProject(project, 'dev', team('box'));
    const up = await local(['up', '-p', project]);
    expect(up.code, up.stderr).toBe(0);

    await waitFor('the orchestrator finished after the coder reported from the box', () => journal(project).some((entry) => entry.event === 'done'), {
      timeoutMs: 90_000,
      describe: () => describeJournal(project),
    });
    const entries = journal(project);
    const coder = entries.filter((entry) => entry.role === 'coder');
    const events = coder.map((entry) => entry.event);
    expect(events).toEqual(expect.arrayContaining(['delegate', 'delivered', 'completed']));
    expect(events).not.toContain('delivery-failed');
    // Every line about the coder names its host; the orchestrator's lines name none.
    expect(coder.every((entry: JournalEntry) => entry.host === 'box')).toBe(true);
    expect(entries.filter((entry) => entry.role === 'orchestrator').some((entry) => entry.host !== undefined)).toBe(false);
    // The completion reached the orchestrator: its notice was typed and confirmed after the report.
    const completed = entries.findIndex((entry) => entry.event === 'completed' && entry.role === 'coder');
    expect(entries.slice(completed).some((entry) => entry.event === 'notice-delivered')).toBe(true);
    // The report travelled as data into the local project; the task file was written over there.
    expect(readFileSync(join(project, '.dot-agent-deck/dev/work-done-coder.md'), 'utf8')).toContain('Changed login.ts on the box.');
    expect(readFileSync(join(remoteProject, '.dot-agent-deck/dev/task-coder.md'), 'utf8')).toContain('Implement the login form.');
    expect(existsSync(join(project, '.dot-agent-deck/dev/task-coder.md'))).toBe(false);

    // The pane is the remote daemon's, in the remote's dir; no local pane runs the coder.
    const far = JSON.parse((await local(['ls', '--remote', 'box', '--json'])).stdout) as { panes: PaneInfo[] };
    expect(far.panes).toEqual([expect.objectContaining({ role: 'coder', tab: 'dev', cwd: remoteProject })]);
    const near = JSON.parse((await local(['ls', '--json'])).stdout) as { panes: PaneInfo[] };
    expect(near.panes.map((pane) => pane.role)).toEqual(['orchestrator']);

    const log = await local(['log', '-p', project]);
    expect(log.stdout).toMatch(/coder@box → orchestrator\s+completed/);
  }, 150_000);

  it('tells the orchestrator once, without hanging, when the role host has no deck at delegation time', async () => {
    const project = join(sshd.local.root, 'project-bare');
    writeSimProject(project, 'bare-team', team('bare'));
    const up = await local(['up', '-p', project]);
    expect(up.code, up.stderr).toBe(0);
    await waitFor('the orchestrator heard of the failed delivery and finished', () => journal(project).some((entry) => entry.event === 'done'), {
      timeoutMs: 90_000,
      describe: () => describeJournal(project),
    });
    const failed = journal(project).filter((entry) => entry.event === 'delivery-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ role: 'coder', host: 'bare' });
    expect(failed[0]!.detail).toMatch(/dot-agent-deck is not installed on remote "bare"/);
  }, 150_000);

  it('validate locates a host that is not a remote of config.toml', async () => {
    const project = join(sshd.local.root, 'project-typo');
    writeSimProject(project, 'typo', team('bxo'));
    const result = await local(['validate', '-p', project]);
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toMatch(/\.dot-agent-deck\.toml:\d+.*host "bxo" is not a remote of .*config\.toml.*did you mean box\?/s);
  }, 30_000);
});
