// `schedule` through the built CLI and the real daemon: schedules persist in the state dir,
// fire (run-now, and one real cron minute end to end), are journaled in their directory and
// appear in `log` and `report`; every bad input is one sentence and changes nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseMap } from '../../../src/protocol/messages.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { journal, writeSimProject } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';

describe('schedule', () => {
  let h: DaemonHarness;
  let project: string;
  const file = () => join(h.deck.stateDir, 'schedules.json');
  const list = async () => JSON.parse(await h.ok(['schedule', 'list', '--json'])) as ResponseMap['schedule-list'];

  beforeAll(() => {
    h = createDaemonHarness();
    project = join(h.deck.root, 'project');
    writeSimProject(project, 'dev', [
      { name: 'orchestrator', start: true, script: { startDelayMs: 0, workMs: 10 } },
      { name: 'coder', script: { startDelayMs: 0, workMs: 10 } },
    ]);
    writeFileSync(join(project, 'nightly.md'), 'Update the dependencies.\n');
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('adds, lists, changes, fires, journals, reports and removes a schedule, and keeps it across a daemon restart', { timeout: 90_000 }, async () => {
    const added = await h.ok(['schedule', 'add', 'nightly', '--cron', '0 3 * * *', '--orchestration', '--task-file', 'nightly.md', '-d', project]);
    expect(added).toMatch(new RegExp(`^Added schedule nightly: orchestration \\(default\\) < nightly\\.md in ${project}, next \\d{4}-\\d\\d-\\d\\d 03:00\\n$`));
    const stored = JSON.parse(readFileSync(file(), 'utf8')) as { version: number; schedules: { name: string; cron: string; enabled: boolean }[] };
    expect(stored).toMatchObject({ version: 1, schedules: [{ name: 'nightly', cron: '0 3 * * *', enabled: true, overlap: 'skip' }] });

    expect(await h.ok(['schedule', 'disable', 'nightly'])).toBe('Disabled schedule nightly\n');
    expect((await list()).schedules[0]).toMatchObject({ enabled: false, nextFireAt: null });
    expect(await h.ok(['schedule', 'enable', 'nightly'])).toMatch(/^Enabled schedule nightly: next \d{4}-\d\d-\d\d 03:00\n$/);
    await h.ok(['schedule', 'update', 'nightly', '--cron', '30 4 * * 1-5']);
    expect((await list()).schedules[0]).toMatchObject({ cron: '30 4 * * 1-5', nextFireAt: expect.stringMatching(/T\d\d:30:00\.000Z$/) });

    // The daemon restarts: the schedule is read back from the state directory.
    await h.ok(['daemon', 'stop', '--force']);
    expect((await list()).schedules.map((s) => s.name)).toEqual(['nightly']);

    expect(await h.ok(['schedule', 'run-now', 'nightly'])).toBe('Schedule nightly started: opened dev in tab dev\n');
    await waitFor('the orchestration runs', async () => (await h.panes()).filter((pane) => pane.tab === 'dev' && pane.state === 'running').length === 2);
    expect(readFileSync(join(project, '.dot-agent-deck', 'dev', 'orchestrator-context.md'), 'utf8')).toContain('Update the dependencies.');
    // Its run still lives: overlap = skip leaves it alone.
    expect(await h.ok(['schedule', 'run-now', 'nightly'])).toMatch(/^Schedule nightly skipped: the run of .+ \(tab dev\) still runs\n$/);
    expect((await list()).schedules[0]).toMatchObject({ live: true, lastRun: { result: 'skipped', tab: 'dev' } });

    const fired = journal(project).filter((entry) => entry.event === 'scheduled');
    expect(fired.map((entry) => [entry.from, entry.detail])).toEqual([
      ['nightly', 'started: opened dev in tab dev'],
      ['nightly', expect.stringMatching(/^skipped: the run of /)],
    ]);
    expect(await h.ok(['log', '-p', project])).toMatch(/\d\d:\d\d (\[dev\] )?schedule nightly {2}started: opened dev in tab dev\n/);
    expect(await h.ok(['report', '-p', project])).toMatch(
      /\nScheduled runs\n {2}nightly {2}30 4 \* \* 1-5 {2}next \d{4}-\d\d-\d\d \d\d:30 {2}last .+ skipped: the run of /,
    );

    expect(await h.ok(['schedule', 'remove', 'nightly'])).toBe('Removed schedule nightly\n');
    expect((JSON.parse(readFileSync(file(), 'utf8')) as { schedules: unknown[] }).schedules).toEqual([]);
    // What its run started stays: removing a schedule deletes nothing.
    expect((await h.panes()).filter((pane) => pane.tab === 'dev')).toHaveLength(2);
  });

  it.each<[string, string[], RegExp, number]>([
    [
      'a bad cron',
      ['add', 'bad', '--cron', '61 * * * *', '--command', 'true'],
      /^error: The schedule "61 \* \* \* \*" is not a schedule croner accepts \(Invalid value for minute: 61\)\.\nhint: five fields/,
      2,
    ],
    ['a bad name', ['add', 'two words', '--cron', '0 3 * * *', '--command', 'true'], /^error: The schedule name "two words" contains a space; /, 2],
    [
      'no action',
      ['add', 'idle', '--cron', '0 3 * * *'],
      /^error: schedule add needs what to start: --orchestration \[NAME\], --dispatch \[NAME\] or --command CMD\.\n/,
      2,
    ],
    ['two actions', ['add', 'both', '--cron', '0 3 * * *', '--command', 'true', '--orchestration'], /^error: A schedule starts one thing: /, 2],
    [
      'a missing task file',
      ['add', 'lost', '--cron', '0 3 * * *', '--orchestration', '--task-file', 'gone.md'],
      /^error: The task file \/.+\/gone\.md does not exist\.\n/,
      1,
    ],
    [
      'an orchestration the project lacks',
      ['add', 'other', '--cron', '0 3 * * *', '--orchestration', 'nope'],
      /^error: No orchestration "nope" in \/.+\/\.dot-agent-deck\.toml\.\nhint: orchestrations: dev\n$/,
      1,
    ],
    [
      'a dispatch outside a repository',
      ['add', 'disp', '--cron', '0 3 * * *', '--dispatch', '--task-file', 'nightly.md'],
      /^error: \/.+\/project is not inside a git repository\.\n/,
      1,
    ],
    ['an unknown schedule', ['run-now', 'nobody'], /^error: No schedule named "nobody"\.\n/, 1],
  ])('refuses %s with one sentence and changes nothing', async (_name, args, message, code) => {
    const before = existsSync(file()) ? readFileSync(file(), 'utf8') : null;
    const result = await h.cli(['schedule', ...args, ...(args[0] === 'add' ? ['-d', project] : [])]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(existsSync(file()) ? readFileSync(file(), 'utf8') : null).toBe(before);
  });

  // REAL-MINUTE TEST: waits for the wall clock's next minute (up to 60 s), so the daemon's own
  // timer, not run-now, fires the schedule end to end.
  it('fires a "* * * * *" schedule when the real minute turns', { timeout: 80_000 }, async () => {
    const dir = join(h.deck.root, 'minute');
    mkdirSync(dir);
    await h.ok(['schedule', 'add', 'tick', '--cron', '* * * * *', '--command', "sh -c 'echo fired > fired.txt'", '-d', dir]);
    await waitFor('the schedule fires at the next minute', () => existsSync(join(dir, 'fired.txt')), { timeoutMs: 70_000, intervalMs: 250 });
    expect(readFileSync(join(dir, 'fired.txt'), 'utf8')).toBe('fired\n');
    await h.ok(['schedule', 'remove', 'tick']);
    expect(journal(dir).map((entry) => [entry.event, entry.from, entry.detail])).toEqual([
      ['scheduled', 'tick', expect.stringMatching(/^started: started p\d+ in tab schedule-tick$/)],
    ]);
  });
});
