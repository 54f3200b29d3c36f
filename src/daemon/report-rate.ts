// How often one pane may report its own status (`agent-event`): a token bucket, so a burst of a
// few quick reports passes and a loop that reports thousands of times a second is refused
// without costing the daemon more than a comparison each.

/** 20 at once, refilled at 10 a second: a program reporting every tool call stays far below it. */
export const REPORT_BURST = 20;
export const REPORTS_PER_SECOND = 10;

export class ReportRate {
  private tokens = REPORT_BURST;
  private last: number;

  constructor(now: number) {
    this.last = now;
  }

  /** True (and one report spent) when a report at `now` is within the rate. */
  take(now: number): boolean {
    this.tokens = Math.min(REPORT_BURST, this.tokens + (Math.max(0, now - this.last) * REPORTS_PER_SECOND) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
