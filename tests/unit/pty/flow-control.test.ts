import { describe, expect, it } from 'vitest';
import { WriteFlowControl } from '../../../src/pty/flow-control.js';

function recordingSource() {
  const calls: string[] = [];
  return { calls, source: { pause: () => calls.push('pause'), resume: () => calls.push('resume') } };
}

type Step = ['write' | 'parse', number];

describe('WriteFlowControl', () => {
  const watermarks = { high: 100, low: 20 };

  it.each<[string, Step[], string[], { pendingBytes: number; peakPendingBytes: number; pauses: number }]>([
    ['stays flowing up to the high watermark', [['write', 100]], [], { pendingBytes: 100, peakPendingBytes: 100, pauses: 0 }],
    [
      'pauses above the high watermark',
      [
        ['write', 60],
        ['write', 41],
      ],
      ['pause'],
      { pendingBytes: 101, peakPendingBytes: 101, pauses: 1 },
    ],
    [
      'pauses once, however much arrives',
      [
        ['write', 150],
        ['write', 50],
      ],
      ['pause'],
      { pendingBytes: 200, peakPendingBytes: 200, pauses: 1 },
    ],
    [
      'stays paused until below the low watermark',
      [
        ['write', 150],
        ['parse', 130],
      ],
      ['pause'],
      { pendingBytes: 20, peakPendingBytes: 150, pauses: 1 },
    ],
    [
      'resumes below the low watermark',
      [
        ['write', 150],
        ['parse', 131],
      ],
      ['pause', 'resume'],
      { pendingBytes: 19, peakPendingBytes: 150, pauses: 1 },
    ],
    [
      'pauses again on the next flood',
      [
        ['write', 150],
        ['parse', 150],
        ['write', 101],
      ],
      ['pause', 'resume', 'pause'],
      { pendingBytes: 101, peakPendingBytes: 150, pauses: 2 },
    ],
    [
      'never resumes what it did not pause',
      [
        ['write', 50],
        ['parse', 50],
      ],
      [],
      { pendingBytes: 0, peakPendingBytes: 50, pauses: 0 },
    ],
  ])('%s', (_name, steps, expectedCalls, expectedStats) => {
    const { calls, source } = recordingSource();
    const flow = new WriteFlowControl(source, watermarks);
    for (const [kind, bytes] of steps) {
      if (kind === 'write') flow.written(bytes);
      else flow.parsed(bytes);
    }
    expect(calls).toEqual(expectedCalls);
    expect(flow.stats).toEqual(expectedStats);
  });

  // While another pane is typed into, this one pauses above the low watermark and resumes below
  // half of it, so its program blocks early and leaves the CPU to the daemon and the typed pane.
  it.each<[string, Step[], boolean[], string[]]>([
    ['pauses above the low watermark while another pane is typed into', [['write', 21]], [true], ['pause']],
    ['stays flowing up to the low watermark while another pane is typed into', [['write', 20]], [true], []],
    ['keeps the high watermark when nobody types', [['write', 99]], [false], []],
    [
      'resumes only below half the low watermark while another pane is typed into',
      [
        ['write', 30],
        ['parse', 15],
        ['parse', 6],
      ],
      [true, true, true],
      ['pause', 'resume'],
    ],
    [
      'stays paused at 15 of 20 while the typing goes on',
      [
        ['write', 30],
        ['parse', 15],
      ],
      [true, true],
      ['pause'],
    ],
    [
      'resumes below the low watermark once the typing has stopped',
      [
        ['write', 30],
        ['parse', 15],
      ],
      [true, false],
      ['pause', 'resume'],
    ],
  ])('%s', (_name, steps, typing, expectedCalls) => {
    const { calls, source } = recordingSource();
    let step = 0;
    const flow = new WriteFlowControl(source, watermarks, () => typing[step]!);
    for (const [kind, bytes] of steps) {
      if (kind === 'write') flow.written(bytes);
      else flow.parsed(bytes);
      step += 1;
    }
    expect(calls).toEqual(expectedCalls);
  });

  it('stops steering a detached source but keeps counting', () => {
    const { calls, source } = recordingSource();
    const flow = new WriteFlowControl(source, watermarks);
    flow.written(150);
    flow.detach();
    flow.parsed(150);
    flow.written(500);
    expect(calls).toEqual(['pause']);
    expect(flow.stats.pendingBytes).toBe(500);
  });
});
