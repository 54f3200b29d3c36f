// The daemon's scheduled runs: the schedules (persisted by the caller's `save`), one timer for
// the nearest slot, and what happens when a schedule fires. A previous run that still has live
// panes is skipped or handed the new task (`overlap`), and slots missed while the machine slept
// fire once on wake (schedule-due.ts). Time comes from an injected clock so tests run on a fake
// one. Nothing here deletes anything: old worktrees and panes stay until a person reclaims them.
import type { Disposable } from '../common/disposable.js';
import { UserError, errorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { MAX_SCHEDULES, type Schedule, type ScheduleRun, type ScheduleSpec } from '../config/schedule-schema.js';
import { cronProblem, dueSlot, nextFire } from './schedule-due.js';

/** Longest single wait: a wall clock that jumps (a sleep, an NTP step) is noticed within it. */
const MAX_WAIT_MS = 60_000;

export interface ScheduleClock {
  now(): number;
  setTimer(fn: () => void, ms: number): Disposable;
}

export const systemClock: ScheduleClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return { dispose: () => clearTimeout(timer) };
  },
};

/** The effects of a firing, supplied by the daemon (schedule-runner.ts) or by a test. */
export interface ScheduleRunner {
  /** Opens the run; throws (a UserError says why) when it cannot. `panes[0]` is the start role. */
  start(schedule: Schedule, slot: number): Promise<{ tab: string | null; panes: string[]; detail: string }>;
  /** Hands the schedule's task to the live run; returns what was done. */
  reuse(schedule: Schedule, run: ScheduleRun): Promise<string>;
  isLive(run: ScheduleRun): boolean;
  journal(schedule: Schedule, run: ScheduleRun): void;
}

export interface SchedulerOptions {
  schedules: Schedule[];
  save(schedules: readonly Schedule[]): void;
  runner: ScheduleRunner;
  clock?: ScheduleClock;
  logger?: Logger;
}

export type SchedulePatch = Partial<Omit<ScheduleSpec, 'name'>>;

export class Scheduler implements Disposable {
  private schedules: Schedule[];
  private readonly clock: ScheduleClock;
  /** Per schedule, the time up to which its slots were looked at. */
  private readonly checkedUntil = new Map<string, number>();
  private readonly firing = new Set<string>();
  private timer: Disposable | null = null;
  private disposed = false;
  private started = false;

  constructor(private readonly options: SchedulerOptions) {
    this.schedules = [...options.schedules];
    this.clock = options.clock ?? systemClock;
    const now = this.clock.now();
    for (const schedule of this.schedules) this.checkedUntil.set(schedule.name, now);
  }

  /** Arms the timer: schedules fire from now on (slots before the daemon started do not). */
  start(): void {
    const now = this.clock.now();
    for (const schedule of this.schedules) this.checkedUntil.set(schedule.name, now);
    this.started = true;
    this.arm();
  }

  list(): Schedule[] {
    return this.schedules.map((schedule) => ({ ...schedule }));
  }

  nextFireAt(schedule: Schedule): number | null {
    return schedule.enabled ? nextFire(schedule.cron, schedule.timezone, this.clock.now()) : null;
  }

  isLive(schedule: Schedule): boolean {
    return schedule.lastRun !== null && this.options.runner.isLive(schedule.lastRun);
  }

  get hasEnabled(): boolean {
    return this.schedules.some((schedule) => schedule.enabled);
  }

  add(spec: ScheduleSpec): Schedule {
    if (this.find(spec.name)) {
      throw new UserError(`A schedule named ${JSON.stringify(spec.name)} already exists.`, {
        hint: `change it with \`dot-agent-deck schedule update ${spec.name}\`, or choose another name`,
      });
    }
    if (this.schedules.length >= MAX_SCHEDULES) throw new UserError(`This deck already keeps ${MAX_SCHEDULES} schedules; remove one first.`);
    this.checkCron(spec.cron, spec.timezone);
    const schedule: Schedule = { ...spec, createdAt: new Date(this.clock.now()).toISOString(), lastRun: null };
    this.commit([...this.schedules, schedule]);
    this.checkedUntil.set(schedule.name, this.clock.now());
    return { ...schedule };
  }

  update(name: string, patch: SchedulePatch): Schedule {
    const current = this.require(name);
    const next: Schedule = { ...current, ...patch };
    if (patch.cron !== undefined || patch.timezone !== undefined) this.checkCron(next.cron, next.timezone);
    this.commit(this.schedules.map((schedule) => (schedule.name === name ? next : schedule)));
    // A changed time or a re-enabled schedule starts counting from now: nothing fires for the past.
    this.checkedUntil.set(name, this.clock.now());
    return { ...next };
  }

  remove(name: string): Schedule {
    const removed = this.require(name);
    this.commit(this.schedules.filter((schedule) => schedule.name !== name));
    this.checkedUntil.delete(name);
    return removed;
  }

  /** Fires the schedule now, whatever its time (and whether or not it is enabled). */
  runNow(name: string): Promise<ScheduleRun> {
    const schedule = this.require(name);
    if (this.firing.has(name)) throw new UserError(`Schedule ${JSON.stringify(name)} is starting a run right now.`);
    return this.fire(schedule, this.clock.now());
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.dispose();
    this.timer = null;
  }

  /** Looks at every enabled schedule's slots since it last looked, fires the due ones once. */
  tick(): void {
    if (this.disposed) return;
    const now = this.clock.now();
    for (const schedule of this.schedules) {
      const since = this.checkedUntil.get(schedule.name) ?? now;
      this.checkedUntil.set(schedule.name, now);
      if (!schedule.enabled || this.firing.has(schedule.name)) continue;
      const slot = dueSlot(schedule.cron, schedule.timezone, since, now);
      if (slot !== null) void this.fire(schedule, slot);
    }
    this.arm();
  }

  private async fire(schedule: Schedule, slot: number): Promise<ScheduleRun> {
    const { runner, logger } = this.options;
    this.firing.add(schedule.name);
    const at = new Date(this.clock.now()).toISOString();
    let run: ScheduleRun;
    try {
      const previous = schedule.lastRun;
      if (previous && runner.isLive(previous)) {
        run =
          schedule.overlap === 'skip'
            ? {
                at,
                result: 'skipped',
                detail: `the run of ${previous.at}${previous.tab ? ` (tab ${previous.tab})` : ''} still runs`,
                tab: previous.tab,
                panes: previous.panes,
              }
            : { at, result: 'reused', detail: await runner.reuse(schedule, previous), tab: previous.tab, panes: previous.panes };
      } else {
        const started = await runner.start(schedule, slot);
        run = { at, result: 'started', detail: started.detail, tab: started.tab, panes: started.panes.slice(0, 64) };
      }
    } catch (error) {
      run = { at, result: 'failed', detail: errorMessage(error).slice(0, 1000), tab: null, panes: [] };
    } finally {
      this.firing.delete(schedule.name);
    }
    // Recorded on the schedule as it is now: it may have been edited while the run started.
    if (this.find(schedule.name)) this.commit(this.schedules.map((s) => (s.name === schedule.name ? { ...s, lastRun: run } : s)));
    try {
      runner.journal(schedule, run);
    } catch (error) {
      logger?.warn('a schedule run was not journaled', { schedule: schedule.name, error: errorMessage(error) });
    }
    logger?.info('schedule fired', { schedule: schedule.name, result: run.result, detail: run.detail });
    return run;
  }

  private arm(): void {
    this.timer?.dispose();
    this.timer = null;
    if (this.disposed || !this.started) return;
    const now = this.clock.now();
    const next = Math.min(...this.schedules.filter((s) => s.enabled).map((s) => nextFire(s.cron, s.timezone, now) ?? Infinity));
    if (next === Infinity) return;
    this.timer = this.clock.setTimer(() => this.tick(), Math.max(0, Math.min(next - now, MAX_WAIT_MS)));
  }

  private commit(schedules: Schedule[]): void {
    this.options.save(schedules);
    this.schedules = schedules;
    this.arm();
  }

  private checkCron(cron: string, timezone: string | undefined): void {
    const problem = cronProblem(cron, timezone, this.clock.now());
    if (problem) {
      throw new UserError(`The schedule ${problem}.`, {
        hint: 'five fields: minute hour day-of-month month day-of-week, e.g. "0 3 * * 1-5" (03:00 on weekdays)',
        exitCode: 2,
      });
    }
  }

  private find(name: string): Schedule | undefined {
    return this.schedules.find((schedule) => schedule.name === name);
  }

  private require(name: string): Schedule {
    const found = this.find(name);
    if (!found) {
      throw new UserError(`No schedule named ${JSON.stringify(name)}.`, {
        hint: `schedules: ${this.schedules.map((s) => s.name).join(', ') || 'none (add one with `dot-agent-deck schedule add`)'}`,
      });
    }
    return found;
  }
}
