import { describe, expect, it } from 'vitest';
import { DeliveryService } from '../../../src/daemon/delivery-service.js';
import type { PaneRegistry } from '../../../src/daemon/pane-registry.js';
import { PaneWriters } from '../../../src/daemon/pane-writer.js';
import { FakeClock } from '../../helpers/fake-clock.js';

describe('DeliveryService.deliver', () => {
  // The registry is never reached: the line is refused before any pane is looked at.
  const service = new DeliveryService({ registry: {} as PaneRegistry, writers: new PaneWriters(), clock: new FakeClock() });

  it.each([
    ['a command separator', 'Worker coder is done; rm -rf ~', ';'],
    ['a command substitution', 'Read $(touch pwned) for your task.', '$'],
    ['a backtick', 'Read `id` for your task.', '`'],
    ['a newline', 'Read x.md\nrm -rf ~', '\n'],
  ])('answers a line with %s as a final failure, typing nothing, instead of rejecting', async (_what, line, bad) => {
    const outcome = await service.deliver('p1', 'a1', line, 'orchestrator');
    expect(outcome).toMatchObject({ ok: false, final: true, textAttempts: 0, enterPresses: 0 });
    expect(outcome.ok ? '' : outcome.reason).toContain(`refusing to type a line with ${JSON.stringify(bad)}`);
  });
});
