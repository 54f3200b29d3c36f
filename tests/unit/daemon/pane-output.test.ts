// The one record of a pane's last output: what `ls`, the status engine and delivery all read.
import { describe, expect, it } from 'vitest';
import { PaneOutput } from '../../../src/daemon/pane-output.js';
import { PaneRegistry } from '../../../src/daemon/pane-registry.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { FakePane } from '../../helpers/fake-pane.js';

describe('PaneOutput', () => {
  it('keeps the time, the run and the count of the last output, in its clock', () => {
    const clock = new FakeClock();
    const pane = new FakePane('p1', 'a-1');
    const output = new PaneOutput(pane, clock);
    expect([output.lastAt, output.lastAgent, output.count, output.lastOf('a-1')]).toEqual([null, null, 0, null]);
    pane.setLine(0, 'hello');
    const first = clock.now();
    expect([output.lastAt, output.lastAgent, output.count, output.lastOf('a-1')]).toEqual([first, 'a-1', 1, first]);
  });

  it('says a respawned run has printed nothing until it does', async () => {
    const clock = new FakeClock();
    const pane = new FakePane('p1', 'a-1');
    const output = new PaneOutput(pane, clock);
    pane.setLine(0, 'old agent');
    const before = clock.now();
    pane.agentId = 'a-2';
    expect([output.lastOf('a-2'), output.lastOf('a-1'), output.lastAt]).toEqual([null, before, before]);
    await clock.run(clock.sleep(5000));
    pane.setLine(0, 'new agent');
    expect([output.lastOf('a-2'), output.lastOf('a-1'), output.lastAgent, output.count]).toEqual([before + 5000, null, 'a-2', 2]);
  });

  it('is what the registry reports as lastActivityAt', async () => {
    const clock = new FakeClock();
    const panes = new Map<string, FakePane>();
    const registry = new PaneRegistry({
      factory: (options) => {
        const pane = new FakePane(options.paneId, options.agentId);
        panes.set(options.paneId, pane);
        return pane;
      },
      socketPath: '/nowhere',
      env: {},
      scrollback: 100,
      clock,
    });
    const { id } = registry.create({ command: 'x', cwd: '/a' });
    expect(registry.get(id).lastActivityAt).toBeNull();
    await clock.run(clock.sleep(1234));
    panes.get(id)!.setLine(0, 'output');
    expect(registry.get(id).lastActivityAt).toBe(new Date(clock.now()).toISOString());
    expect(registry.output(id).lastAt).toBe(clock.now());
    registry.dispose();
  });
});
