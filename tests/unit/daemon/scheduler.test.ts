// The scheduler on a fake clock: it fires at the slot, skips or reuses a run that still lives,
// fires a run missed while the machine slept once, and refuses bad input before it saves.
import { beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/common/errors.js';
import type { Schedule, ScheduleRun, ScheduleSpec } from '../../../src/config/schedule-schema.js';
import { Scheduler, type ScheduleClock, type ScheduleRunner } from '../../../src/daemon/scheduler.js';

/** Virtual time and the one pending timer the scheduler arms. */
class FakeScheduleClock implements ScheduleClock {
  time = Date.parse('2026-01-05T02:58:00Z');
  pending: { at: number; fn: () => void } | null = null;
  now = () => this.time;
  setTimer(fn: () => void, ms: number) {
    const timer = { at: this.time + ms, fn };
    this.pending = timer;
    return { dispose: () => void (this.pending === timer ? (this.pending = null) : undefined) };
  }
  /** Moves time forward, running each timer when its moment comes, as a running machine does. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    while (this.pending && this.pending.at <= end) {
      const { at, fn } = this.pending;
      this.pending = null;
      this.time = at;
      fn();
      await settle();
    }
    this.time = end;
  }
  /** The machine sleeps: time passes and no timer runs; on wake the late timer runs once. */
  async sleepAndWake(ms: number): Promise<void> {
    this.time += ms;
    const pending = this.pending;
    this.pending = null;
    pending?.fn();
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

class FakeRunner implements ScheduleRunner {
  starts: string[] = [];
  reused: string[] = [];
  journaled: ScheduleRun[] = [];
  live = new Set<string>();
  fail: string | null = null;
  private n = 0;
  async start(schedule: Schedule, slot: number) {
    if (this.fail) throw new Error(this.fail);
    const pane = `p${++this.n}`;
    this.starts.push(`${schedule.name}@${new Date(slot).toISOString().slice(11, 16)}`);
    this.live.add(pane);
    return { tab: `tab-${this.n}`, panes: [pane], detail: `started ${pane}` };
  }
  async reuse(schedule: Schedule, run: ScheduleRun) {
    this.reused.push(`${schedule.name}→${run.panes[0]}`);
    return `handed the task to ${run.panes[0]}`;
  }
  isLive(run: ScheduleRun) {
    return run.panes.some((pane) => this.live.has(pane));
  }
  journal(_schedule: Schedule, run: ScheduleRun) {
    this.journaled.push(run);
  }
}

const spec = (over: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  name: 'nightly',
  cron: '0 3 * * *',
  timezone: 'UTC',
  dir: '/src/app',
  action: { kind: 'command', command: 'npm run nightly' },
  overlap: 'skip',
  enabled: true,
  ...over,
});

describe('Scheduler', () => {
  let clock: FakeScheduleClock;
  let runner: FakeRunner;
  let saved: Schedule[][];
  let scheduler: Scheduler;
  const make = (schedules: Schedule[] = []) => {
    scheduler = new Scheduler({ schedules, save: (s) => void saved.push([...s]), runner, clock });
    scheduler.start();
    return scheduler;
  };

  beforeEach(() => {
    clock = new FakeScheduleClock();
    runner = new FakeRunner();
    saved = [];
  });

  it('fires at the slot, records the run on the schedule and journals it', async () => {
    make().add(spec());
    await clock.advance(90_000);
    expect(runner.starts).toEqual([]);
    await clock.advance(60_000);
    expect(runner.starts).toEqual(['nightly@03:00']);
    expect(scheduler.list()[0]!.lastRun).toMatchObject({ result: 'started', tab: 'tab-1', panes: ['p1'], at: '2026-01-05T03:00:00.000Z' });
    expect(saved.at(-1)![0]!.lastRun?.result).toBe('started');
    expect(runner.journaled.map((run) => run.result)).toEqual(['started']);
    expect(new Date(scheduler.nextFireAt(scheduler.list()[0]!)!).toISOString()).toBe('2026-01-06T03:00:00.000Z');
  });

  it.each<[ScheduleSpec['overlap'], string, string[], string[]]>([
    ['skip', 'skipped', ['nightly@03:00'], []],
    ['reuse', 'reused', ['nightly@03:00'], ['nightly→p1']],
  ])('with overlap %s, a run still live the next night is %s', async (overlap, result, starts, reused) => {
    make().add(spec({ overlap }));
    await clock.advance(3 * 60_000);
    await clock.advance(24 * 3_600_000);
    expect(runner.starts).toEqual(starts);
    expect(runner.reused).toEqual(reused);
    expect(scheduler.list()[0]!.lastRun).toMatchObject({ result, panes: ['p1'] });
    // Once the first run's panes are gone, the next night starts afresh.
    runner.live.clear();
    await clock.advance(24 * 3_600_000);
    expect(runner.starts).toEqual([...starts, 'nightly@03:00']);
  });

  it('fires a run missed while the machine slept once on wake, never a burst', async () => {
    make().add(spec({ name: 'hourly', cron: '0 * * * *' }));
    runner.live.clear();
    await clock.sleepAndWake(5 * 3_600_000 + 30 * 60_000);
    expect(runner.starts).toEqual(['hourly@08:00']);
    await clock.advance(29 * 60_000);
    expect(runner.starts).toEqual(['hourly@08:00']);
  });

  it('does not fire what was due before it started, while disabled, or after removal', async () => {
    const before: Schedule = { ...spec({ cron: '0 1 * * *' }), createdAt: '2026-01-01T00:00:00Z', lastRun: null };
    make([before]);
    scheduler.add(spec({ name: 'off', enabled: false }));
    scheduler.add(spec({ name: 'gone' }));
    scheduler.remove('gone');
    await clock.advance(2 * 3_600_000);
    expect(runner.starts).toEqual([]);
    // Enabled after its slot passed: counts from now, so 03:00 today does not fire late.
    scheduler.update('off', { enabled: true });
    await clock.advance(60_000);
    expect(runner.starts).toEqual([]);
    expect(scheduler.hasEnabled).toBe(true);
  });

  it('runs now on request, and records a run that could not start as failed', async () => {
    make().add(spec());
    runner.fail = 'No orchestration "dev" in /src/app/.dot-agent-deck.toml.';
    const run = await scheduler.runNow('nightly');
    expect(run).toMatchObject({ result: 'failed', detail: 'No orchestration "dev" in /src/app/.dot-agent-deck.toml.', panes: [] });
    expect(runner.journaled).toEqual([run]);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'a bad cron',
      () => scheduler.add(spec({ cron: '61 * * * *' })),
      /^The schedule "61 \* \* \* \*" in zone "UTC" is not a schedule croner accepts \(Invalid value for minute: 61\)\.$/,
    ],
    ['a zone that does not exist', () => scheduler.add(spec({ timezone: 'Mars/Base' })), /in zone "Mars\/Base"/],
    ['a name in use', () => (scheduler.add(spec()), scheduler.add(spec())), /^A schedule named "nightly" already exists\.$/],
    ['an unknown name', () => scheduler.update('nope', { cron: '0 4 * * *' }), /^No schedule named "nope"\.$/],
    ['a bad cron in an update', () => (scheduler.add(spec()), scheduler.update('nightly', { cron: '* *' })), /is not a schedule croner accepts/],
  ])('refuses %s with a sentence and saves nothing new', (_name, act, message) => {
    make();
    let error: unknown;
    try {
      act();
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(saved.length).toBeLessThanOrEqual(1);
    if (saved.length === 1) expect(saved[0]!.map((s) => s.cron)).toEqual(['0 3 * * *']);
  });
});
