// The one fake clock: virtual time for code that takes a `Clock` (delivery). `run` drives a piece
// of work to completion, jumping from one pending sleep to the next, so minutes of simulated
// waiting cost milliseconds and no test depends on real timing.
import type { Clock } from '../../src/orchestration/delivery.js';

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeClock implements Clock {
  private time = 1_700_000_000_000;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, wake }));
  }

  /** Runs `fn` after `ms` of virtual time. */
  schedule(ms: number, fn: () => void): void {
    void this.sleep(ms).then(fn);
  }

  /** Advances virtual time until `work` settles; real I/O inside it is awaited as it happens. */
  async run<T>(work: Promise<T>, options: { realTimeoutMs?: number } = {}): Promise<T> {
    let settled = false;
    const tracked = work.finally(() => void (settled = true));
    tracked.catch(() => undefined);
    const realDeadline = Date.now() + (options.realTimeoutMs ?? 20_000);
    while (!settled) {
      await flush();
      if (settled) break;
      if (Date.now() > realDeadline) throw new Error('FakeClock.run: the work did not settle (real-time safety limit)');
      if (this.sleepers.length === 0) continue; // real I/O in flight
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      // Everything due at the same instant wakes together (simultaneous events stay simultaneous).
      const due = this.sleepers[0]!.at;
      this.time = Math.max(this.time, due);
      const woken = this.sleepers.filter((sleeper) => sleeper.at <= due);
      this.sleepers = this.sleepers.filter((sleeper) => sleeper.at > due);
      for (const sleeper of woken) sleeper.wake();
    }
    return tracked;
  }
}
