import { describe, expect, it } from 'vitest';
import { REPORT_BURST, ReportRate } from '../../../src/daemon/report-rate.js';

describe('ReportRate', () => {
  it.each([
    ['a burst at one instant', Array.from({ length: REPORT_BURST + 2 }, () => 0), REPORT_BURST],
    ['one report every 100 ms', Array.from({ length: 100 }, (_, i) => i * 100), 100],
    ['a burst, then a pause that refills one', [...Array.from({ length: REPORT_BURST + 1 }, () => 0), 100], REPORT_BURST + 1],
    ['a clock that steps back never refills', [...Array.from({ length: REPORT_BURST }, () => 1000), 0, 0], REPORT_BURST],
  ])('%s', (_what, times, accepted) => {
    const rate = new ReportRate(times[0]!);
    expect(times.filter((at) => rate.take(at)).length).toBe(accepted);
  });
});
