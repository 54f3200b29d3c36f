import { afterEach, describe, expect, it, vi } from 'vitest';
import { FramePump, type FrameSink } from '../../../src/daemon/frame-pump.js';
import { PaneRegistry } from '../../../src/daemon/pane-registry.js';
import type { PaneFrame } from '../../../src/protocol/pane-types.js';
import { FakePane } from '../../helpers/fake-pane.js';

function setup() {
  const panes: FakePane[] = [];
  const registry = new PaneRegistry({
    factory: (options) => {
      const pane = new FakePane(options.paneId, options.agentId, 10, 3);
      panes.push(pane);
      return pane;
    },
    socketPath: '/nowhere',
    env: {},
    scrollback: 100,
  });
  const pump = new FramePump(registry, { intervalMs: 33, maxBacklogBytes: 1000 });
  registry.onPaneOutput((id) => pump.markDirty(id));
  const id = registry.create({ command: 'x', cwd: '/tmp' }).id;
  return { registry, pump, pane: panes[0]!, id };
}

function sink(backlog = () => 0): FrameSink & { frames: PaneFrame[] } {
  const frames: PaneFrame[] = [];
  return { frames, backlog, sendFrame: (frame) => void frames.push(frame) };
}

describe('FramePump', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a full frame on subscribe, then only the rows that changed', async () => {
    vi.useFakeTimers();
    const { pump, pane, id } = setup();
    const client = sink();
    pump.subscribe(client, id);
    expect(client.frames).toHaveLength(1);
    expect(client.frames[0]).toMatchObject({ full: true, rows: 3, cols: 10 });
    expect(client.frames[0]!.lines.map(([row]) => row)).toEqual([0, 1, 2]);

    pane.setLine(1, 'hello');
    await vi.advanceTimersByTimeAsync(40);
    expect(client.frames).toHaveLength(2);
    expect(client.frames[1]).toMatchObject({ full: false, lines: [[1, 'hello     ']] });
  });

  it('coalesces a burst of changes into one frame per interval', async () => {
    vi.useFakeTimers();
    const { pump, pane, id } = setup();
    const client = sink();
    pump.subscribe(client, id);
    for (let i = 0; i < 50; i++) pane.setLine(i % 3, `burst ${i}`);
    await vi.advanceTimersByTimeAsync(40);
    expect(client.frames).toHaveLength(2);
    expect(client.frames[1]!.lines).toEqual([
      [0, 'burst 48  '],
      [1, 'burst 49  '],
      [2, 'burst 47  '],
    ]);
  });

  it('holds frames for a backed-up client and sends one frame with everything it missed on drain', async () => {
    vi.useFakeTimers();
    const { pump, pane, id } = setup();
    let backlog = 0;
    const slow = sink(() => backlog);
    const fast = sink();
    pump.subscribe(slow, id);
    pump.subscribe(fast, id);
    backlog = 5000;
    pane.setLine(0, 'one');
    await vi.advanceTimersByTimeAsync(40);
    pane.setLine(2, 'two');
    await vi.advanceTimersByTimeAsync(40);
    expect(fast.frames).toHaveLength(3);
    expect(slow.frames).toHaveLength(1);

    backlog = 0;
    pump.drained(slow);
    expect(slow.frames).toHaveLength(2);
    expect(slow.frames[1]).toMatchObject({
      full: false,
      lines: [
        [0, 'one       '],
        [2, 'two       '],
      ],
    });
  });

  it('renders nothing for panes nobody watches', () => {
    vi.useFakeTimers();
    const { pump, pane, id } = setup();
    const render = vi.spyOn(pane, 'frame');
    pane.setLine(0, 'unseen');
    vi.advanceTimersByTime(100);
    expect(render).not.toHaveBeenCalled();
    const client = sink();
    const subscription = pump.subscribe(client, id);
    subscription.dispose();
    pane.setLine(0, 'still unseen');
    vi.advanceTimersByTime(100);
    expect(render).toHaveBeenCalledTimes(1);
  });
});
