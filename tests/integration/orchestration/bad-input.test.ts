// Bad input to delegate / work-done / log: refused with one actionable sentence and a non-zero
// exit, and nothing changes (no task file, no journal entry, no delivery).
import { existsSync, mkdirSync, openSync, closeSync, ftruncateSync, appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, paneEnv, panesByRole, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';
import type { PaneInfo } from '../../../src/protocol/messages.js';

describe('orchestration: bad input is refused and changes nothing', () => {
  let h: DaemonHarness;
  let project: string;
  let roles: Map<string, PaneInfo>;

  beforeAll(async () => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    mkdirSync(project);
    writeSimProject(project, 'dev', [
      { name: 'orchestrator', start: true, script: { startDelayMs: 0, workMs: 10 } },
      { name: 'coder', script: { startDelayMs: 0, workMs: 10 } },
      { name: 'spare', script: { startDelayMs: 0, workMs: 10 } },
    ]);
    writeFileSync(join(project, 'task.md'), 'Do the thing.');
    await h.ok(['up', '-p', project]);
    roles = await panesByRole(h);
    await waitFor('the opening line reached the orchestrator', () => journal(project).some((entry) => entry.event === 'notice-delivered'));
  });
  afterAll(async () => {
    await h.dispose();
  });

  const asRole = (role: string, args: string[]) => runCli(args, { env: paneEnv(h, roles.get(role)!), cwd: project });
  const unchanged = () => {
    expect(journal(project).map((entry) => entry.event)).toEqual(['open', 'delivery-attempt', 'notice-delivered']);
    expect(existsSync(join(project, '.dot-agent-deck', 'dev', 'task-coder.md'))).toBe(false);
  };

  it.each([
    { name: 'an unknown role, listing the valid ones', args: ['--to', 'reviwer', '--task-file', 'task.md'], error: /No role "reviwer" in orchestration "dev"\.\nhint: roles you can delegate to: coder, spare/ },
    { name: 'a path as role', args: ['--to', '../x', '--task-file', 'task.md'], error: /--to "\.\.\/x" is not a role name: .*starts with "\."/ },
    { name: 'control characters in the role name', args: ['--to', 'cod\u0001er', '--task-file', 'task.md'], error: /--to "cod\\u0001er" is not a role name: .*control character \(U\+0001\)/ },
    { name: 'the orchestrator as target', args: ['--to', 'orchestrator', '--task-file', 'task.md'], error: /"orchestrator" is the orchestrator itself/ },
    { name: 'a missing task file', args: ['--to', 'coder', '--task-file', 'nope.md'], error: /The task file nope\.md does not exist or cannot be read\./ },
    { name: 'no task at all', args: ['--to', 'coder'], error: /Give the task exactly once/ },
  ])('delegate refuses $name', async ({ args, error }) => {
    const result = await asRole('orchestrator', ['delegate', ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(error);
    unchanged();
  });

  it('refuses a 100 MB task file without reading it', async () => {
    const big = join(project, 'huge.md');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    const result = await asRole('orchestrator', ['delegate', '--to', 'coder', '--task-file', 'huge.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The task in huge\.md is 100\.0 MiB, over the 1 MiB limit\./);
    unchanged();
  });

  it('refuses delegate from a worker', async () => {
    const result = await asRole('coder', ['delegate', '--to', 'spare', '--task-file', 'task.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Only the orchestrator \(orchestrator\) can delegate in tab "dev"; this pane is the coder\.\nhint: report your result with `dot-agent-deck work-done/);
    unchanged();
  });

  it('refuses delegate and work-done outside a deck pane, without starting a daemon', async () => {
    for (const verb of [['delegate', '--to', 'coder', '--task', 'x'], ['work-done', '--task', 'x']]) {
      const result = await runCli(verb, { env: h.deck.env, cwd: project });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`\`${verb[0]}\` must run inside a dot-agent-deck pane`));
    }
    const gone = join(h.deck.root, 'gone.sock');
    const result = await runCli(['work-done', '--task', 'x'], { env: { ...paneEnv(h, roles.get('coder')!), DOT_AGENT_DECK_SOCKET: gone }, cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The dot-agent-deck daemon is not reachable at .*gone\.sock\./);
    expect(existsSync(gone)).toBe(false);
    unchanged();
  });

  it('refuses work-done without --done from the orchestrator', async () => {
    const result = await asRole('orchestrator', ['work-done', '--task', 'finished?']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The orchestrator finishes the run with `dot-agent-deck work-done --done`/);
    unchanged();
  });

  it('says a closed role pane is closed', async () => {
    await h.ok(['kill', roles.get('spare')!.id]);
    const result = await asRole('orchestrator', ['delegate', '--to', 'spare', '--task-file', 'task.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The spare pane \(p\d+\) of tab "dev" is closed\./);
    unchanged();
  });

  it('asks which orchestration to open when the file defines several, and opens nothing', async () => {
    const two = join(h.deck.root, 'two');
    writeSimProject(two, 'first', [{ name: 'lead', start: true, script: {} }, { name: 'coder', script: {} }]);
    appendFileSync(join(two, '.dot-agent-deck.toml'), '[[orchestrations]]\nname = "second"\n[[orchestrations.roles]]\nname = "lead"\ncommand = "x"\nstart = true\n[[orchestrations.roles]]\nname = "w"\ncommand = "x"\n');
    const before = (await panesByRole(h)).size;
    const result = await h.cli(['up', '-p', two]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/defines 2 orchestrations and none has `default = true`; say which one\.\nhint: --orchestration first \| second, or mark one with default = true/);
    expect((await panesByRole(h)).size).toBe(before);
    expect(existsSync(join(two, '.dot-agent-deck'))).toBe(false);
  });

  it('opens the orchestration marked default = true when the file defines several (as the original does)', async () => {
    const two = join(h.deck.root, 'two');
    writeSimProject(two, 'first', [{ name: 'lead', start: true, script: {} }, { name: 'coder', script: {} }]);
    const text = readFileSync(join(two, '.dot-agent-deck.toml'), 'utf8');
    const second = text.replace('name = "first"', 'name = "second"\ndefault = true');
    writeFileSync(join(two, '.dot-agent-deck.toml'), `${text}${second.slice(second.indexOf('[[orchestrations]]'))}`);
    expect((await h.cli(['validate', '-p', two])).code).toBe(0);
    const opened = JSON.parse(await h.ok(['up', '-p', two, '--json'])) as { group: string };
    expect(opened.group).toBe('second');
  });

  it('reads a journal with a corrupted line: skipped, reported, not fatal', async () => {
    appendFileSync(join(project, '.dot-agent-deck', 'journal.jsonl'), '{"torn": \n');
    const result = await runCli(['log', '-p', project], { env: h.deck.env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: skipped a corrupted journal line \(not JSON; line 4/);
    expect(result.stdout).toMatch(/opened dev with orchestrator, coder, spare/);
  });
});
