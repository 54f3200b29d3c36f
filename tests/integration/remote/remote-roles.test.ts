// A role on another host over a real sshd on loopback: the local daemon holds the link (ssh +
// `daemon bridge`) to a second deck world standing in for the remote user, opens the coder's pane
// there in the remote's `dir`, delegates with the task text, and the coder's `work-done` comes
// back to the orchestrator. A host whose deck is missing at delegation time is one delivery
// failure told to the orchestrator; `validate` locates an unknown host.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

/** The ssh clients a process started (its links), from /proc: only children of `pid`. */
function sshChildren(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
  return children.filter((child) => {
    try {
      return readFileSync(`/proc/${child}/comm`, 'utf8').trim() === 'ssh';
    } catch {
      return false;
    }
  });
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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
    sshd.addLogin('old', { env: { DOT_AGENT_DECK_TEST_PROTOCOL_VERSION: '0' } });
    expect((await local(['remote', 'add', 'old', 'old'])).code).toBe(0);
    // A port nothing listens on: what a host whose sshd was stopped answers.
    expect((await local(['remote', 'add', 'down', '127.0.0.1', '--port', String(await closedPort())])).code).toBe(0);
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
    expect((await local(['report', '-p', project])).stdout).toMatch(/coder@box/);

    // Closing the tab closes the role's pane over there, and the link with it.
    expect((await local(['kill', near.panes[0]!.id])).code).toBe(0);
    await waitFor(
      'the remote coder pane closed with the tab',
      async () => (JSON.parse((await local(['ls', '--remote', 'box', '--json'])).stdout) as { panes: PaneInfo[] }).panes.every((pane) => pane.tab !== 'dev'),
      { timeoutMs: 30_000 },
    );
  }, 150_000);

  it('takes the same remote pane back after the ssh link was cut, and the next task completes', async () => {
    const project = join(sshd.local.root, 'project-again');
    const delegate = (file: string) => ['dot-agent-deck', 'delegate', '--to', 'coder', '--task-file', file];
    writeSimProject(project, 'again', [
      simOrchestrator([
        { after: ['orchestrator-context'], actions: [{ write: '.dot-agent-deck/one.md', text: 'First task.' }, { run: delegate('.dot-agent-deck/one.md') }] },
        { after: ['Worker coder has completed'], actions: [{ write: '.dot-agent-deck/heard.md', text: 'heard' }] },
        { after: ['go again'], actions: [{ write: '.dot-agent-deck/two.md', text: 'Second task.' }, { run: delegate('.dot-agent-deck/two.md') }] },
        { after: ['Worker coder has completed'], actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'Both done.'] }] },
      ]),
      { name: 'coder', description: 'writes code', host: 'box', script: coderScript },
    ]);
    const up = await local(['up', '-p', project]);
    expect(up.code, up.stderr).toBe(0);
    const orchestrator = /orchestrator (p\d+)/.exec(up.stdout)![1]!;
    await waitFor('the orchestrator heard the first completion', () => existsSync(join(project, '.dot-agent-deck/heard.md')), {
      timeoutMs: 60_000,
      describe: () => describeJournal(project),
    });
    const coderPanes = async () =>
      (JSON.parse((await local(['ls', '--remote', 'box', '--json'])).stdout) as { panes: PaneInfo[] }).panes.filter((pane) => pane.tab === 'again');
    const before = await coderPanes();
    expect(before).toHaveLength(1);

    // Cut the link the way a sleeping laptop would: the local daemon's ssh client dies.
    const links = sshChildren(Number.parseInt(readFileSync(join(sshd.local.runtimeDir, 'daemon.sock.pid'), 'utf8'), 10));
    expect(links.length).toBeGreaterThan(0);
    for (const pid of links) process.kill(pid, 'SIGKILL');
    expect((await local(['send', orchestrator, 'go again'])).code).toBe(0);

    await waitFor('the second task completed over a new link', () => journal(project).some((entry) => entry.event === 'done'), {
      timeoutMs: 90_000,
      describe: () => describeJournal(project),
    });
    const completed = journal(project).filter((entry) => entry.event === 'completed' && entry.role === 'coder');
    expect(completed).toHaveLength(2);
    expect(journal(project).filter((entry) => entry.event === 'delivery-failed')).toEqual([]);
    // The same pane on the remote, not a second one.
    expect((await coderPanes()).map((pane) => pane.id)).toEqual(before.map((pane) => pane.id));
  }, 180_000);

  it.each([
    ['has no deck', 'bare', /dot-agent-deck is not installed on remote "bare"/],
    ['accepts no ssh connection (sshd stopped)', 'down', /Nothing accepts ssh connections at remote "down"/],
    ['runs a deck of another protocol', 'old', /the deck on remote "old" speaks another protocol .*remote upgrade old/],
  ])(
    'tells the orchestrator once, without hanging, when the role host %s at delegation time',
    async (_what, host, reason) => {
      const project = join(sshd.local.root, `project-${host}`);
      writeSimProject(project, `${host}-team`, team(host));
      const up = await local(['up', '-p', project]);
      expect(up.code, up.stderr).toBe(0);
      await waitFor('the orchestrator heard of the failed delivery and finished', () => journal(project).some((entry) => entry.event === 'done'), {
        timeoutMs: 90_000,
        describe: () => describeJournal(project),
      });
      const failed = journal(project).filter((entry) => entry.event === 'delivery-failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ role: 'coder', host });
      expect(failed[0]!.detail).toMatch(reason);
      const notices = journal(project).filter((entry) => entry.event === 'notice-delivered');
      expect(notices).toHaveLength(2); // the opening line and the failure
    },
    150_000,
  );

  it('validate locates a host that is not a remote of config.toml', async () => {
    const project = join(sshd.local.root, 'project-typo');
    writeSimProject(project, 'typo', team('bxo'));
    const result = await local(['validate', '-p', project]);
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toMatch(/\.dot-agent-deck\.toml:\d+.*host "bxo" is not a remote of .*config\.toml.*did you mean box\?/s);
  }, 30_000);
});
