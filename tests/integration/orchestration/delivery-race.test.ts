// The delivery race in a real PTY: the simulated agent ignores keys for 700 ms after it starts.
// With readiness the task arrives; with readiness disabled (and one typing allowed) it is lost.
import { afterEach, describe, expect, it } from 'vitest';
import { readiness } from '../../../src/agents/readiness.js';
import { deliveryPane, PaneActivity, systemClock } from '../../../src/daemon/orchestration-pane.js';
import { PaneOutput } from '../../../src/daemon/pane-output.js';
import { PaneWriters } from '../../../src/daemon/pane-writer.js';
import { deliverLine } from '../../../src/orchestration/delivery.js';
import { noReadiness } from '../../../src/orchestration/readiness-check.js';
import { PaneSession } from '../../../src/pty/pane-session.js';
import { createDeckEnv, type DeckEnv } from '../../helpers/deck-env.js';
import { SIM_AGENT } from '../../helpers/orchestration-project.js';
import { waitFor } from '../../helpers/wait.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LINE = 'Read .dot-agent-deck/dev/task-coder.md for your task.';

describe('delivery race with a slow-starting agent', () => {
  let deck: DeckEnv;
  let pane: PaneSession | undefined;
  afterEach(() => {
    pane?.dispose();
    deck.cleanup();
  });

  function start(): { pane: PaneSession; deliver: (options: Parameters<typeof deliverLine>[3]) => ReturnType<typeof deliverLine> } {
    deck = createDeckEnv();
    writeFileSync(join(deck.root, 'slow.json'), JSON.stringify({ startDelayMs: 700, workMs: 100 }));
    pane = PaneSession.spawn({
      paneId: 'p1',
      agentId: 'a-1',
      command: `node ${SIM_AGENT} --role coder --script slow.json`,
      cwd: deck.root,
      env: deck.env,
      socketPath: deck.socket,
      cols: 100,
      rows: 12,
    });
    const target = deliveryPane(pane, new PaneActivity(new PaneOutput(pane, systemClock), systemClock), new PaneWriters(), systemClock);
    return { pane, deliver: (options) => deliverLine(target, 'a-1', LINE, options) };
  }

  it('delivers the task once the agent is ready for input', async () => {
    const { pane, deliver } = start();
    const outcome = await deliver({ readiness, clock: systemClock, deadlineMs: 10_000 });
    expect(outcome).toMatchObject({ ok: true, textAttempts: 1 });
    await waitFor('the agent shows the received prompt', () => pane.text().some((line) => line === `» ${LINE}`));
  });

  it('loses the task when readiness is disabled', async () => {
    const { pane, deliver } = start();
    const outcome = await deliver({ readiness: noReadiness, clock: systemClock, deadlineMs: 10_000, maxTextAttempts: 1 });
    expect(outcome.ok).toBe(false);
    await waitFor('the agent shows its input box', () => pane.text().some((line) => line.startsWith('❯')));
    expect(pane.text().join('\n')).not.toContain('»');
  });
});
