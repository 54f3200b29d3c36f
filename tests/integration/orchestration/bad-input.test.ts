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
    {
      name: 'an unknown role, listing the valid ones',
      args: ['--to', 'reviwer', '--task-file', 'task.md'],
      error: /No role "reviwer" in orchestration "dev"\.\nhint: roles you can delegate to: coder, spare/,
    },
    { name: 'a path as role', args: ['--to', '../x', '--task-file', 'task.md'], error: /--to "\.\.\/x" is not a role name: .*starts with "\."/ },
    {
      name: 'control characters in the role name',
      args: ['--to', 'cod\u0001er', '--task-file', 'task.md'],
      error: /--to "cod\\u0001er" is not a role name: .*control character \(U\+0001\)/,
    },
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
    expect(result.stderr).toMatch(/The task file huge\.md is 100\.0 MiB, over the 1 MiB limit\./);
    unchanged();
  });

  // Issue 11, small ones: a large task on standard input was reported as "1.0 MiB".
  it('says a task on standard input is over 1 MiB rather than a made-up size', async () => {
    const result = await runCli(['delegate', '--to', 'coder', '--task-file', '-'], {
      env: paneEnv(h, roles.get('orchestrator')!),
      cwd: project,
      input: 'x'.repeat(3 * 1024 * 1024),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: The task on standard input is over the 1 MiB limit \(reading stopped there\)\./m);
    expect(result.stderr).not.toMatch(/1\.0 MiB/);
    unchanged();
  });

  it('names a task file of one byte over the limit in bytes, not as "1.0 MiB"', async () => {
    writeFileSync(join(project, 'edge.md'), 'x'.repeat(1024 * 1024 + 1));
    const result = await asRole('orchestrator', ['delegate', '--to', 'coder', '--task-file', 'edge.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The task file edge\.md is 1,048,577 bytes, over the 1 MiB limit\./);
    unchanged();
  });

  // Issue 11, small ones: binary and NUL-containing task files were accepted without a word.
  it.each([
    {
      name: 'a NUL byte',
      bytes: Buffer.concat([Buffer.from('Fix the bug.'), Buffer.from([0]), Buffer.from('more')]),
      found: /has a NUL byte at byte offset 12, so it was not sent: a task must be text\./,
    },
    { name: 'Latin-1 text', bytes: Buffer.from('Caf\xe9 au lait', 'latin1'), found: /has a byte that is not UTF-8 text at byte offset 3, so it was not sent/ },
    { name: 'a PNG image', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), found: /at byte offset 0,/ },
  ])('refuses a task file with $name, naming the file and the offset', async ({ bytes, found }) => {
    writeFileSync(join(project, 'binary.md'), bytes);
    const result = await asRole('orchestrator', ['delegate', '--to', 'coder', '--task-file', 'binary.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The task in binary\.md has /);
    expect(result.stderr).toMatch(found);
    unchanged();
  });

  it('refuses a NUL byte on standard input, and a binary report from a worker', async () => {
    const piped = await runCli(['delegate', '--to', 'coder', '--task-file', '-'], {
      env: paneEnv(h, roles.get('orchestrator')!),
      cwd: project,
      input: Buffer.from([0x61, 0x00]),
    });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toMatch(/The task on standard input has a NUL byte at byte offset 1, so it was not sent/);
    writeFileSync(join(project, 'report.bin'), Buffer.from([0x4f, 0x4b, 0xff, 0xfe]));
    const report = await asRole('coder', ['work-done', '--task-file', 'report.bin']);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/The report in report\.bin has a byte that is not UTF-8 text at byte offset 2, so it was not sent: a report must be text\./);
    expect(existsSync(join(project, '.dot-agent-deck', 'dev', 'work-done-coder.md'))).toBe(false);
    unchanged();
  });

  it('refuses delegate from a worker', async () => {
    const result = await asRole('coder', ['delegate', '--to', 'spare', '--task-file', 'task.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Only the orchestrator \(orchestrator\) can delegate in tab "dev"; this pane is the coder\.\nhint: report your result with `dot-agent-deck work-done/,
    );
    unchanged();
  });

  it('refuses delegate and work-done outside a deck pane, without starting a daemon', async () => {
    for (const verb of [
      ['delegate', '--to', 'coder', '--task', 'x'],
      ['work-done', '--task', 'x'],
    ]) {
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
    writeSimProject(two, 'first', [
      { name: 'lead', start: true, script: {} },
      { name: 'coder', script: {} },
    ]);
    appendFileSync(
      join(two, '.dot-agent-deck.toml'),
      '[[orchestrations]]\nname = "second"\n[[orchestrations.roles]]\nname = "lead"\ncommand = "x"\nstart = true\n[[orchestrations.roles]]\nname = "w"\ncommand = "x"\n',
    );
    const before = (await panesByRole(h)).size;
    const result = await h.cli(['up', '-p', two]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /defines 2 orchestrations and none has `default = true`; say which one\.\nhint: --orchestration first \| second, or mark one with default = true/,
    );
    expect((await panesByRole(h)).size).toBe(before);
    expect(existsSync(join(two, '.dot-agent-deck'))).toBe(false);
  });

  it('opens the orchestration marked default = true when the file defines several (as the original does)', async () => {
    const two = join(h.deck.root, 'two');
    writeSimProject(two, 'first', [
      { name: 'lead', start: true, script: {} },
      { name: 'coder', script: {} },
    ]);
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
