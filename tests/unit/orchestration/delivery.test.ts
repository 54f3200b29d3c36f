// Delivery against the in-memory simulated agent on virtual time: readiness, confirmation, the
// extra Enter, the single retype, agent binding and the deadline.
import { describe, expect, it } from 'vitest';
import { readiness } from '../../../src/agents/readiness.js';
import { deliveryPane, PaneActivity, type HookView } from '../../../src/daemon/orchestration-pane.js';
import { PaneOutput } from '../../../src/daemon/pane-output.js';
import { PaneWriters } from '../../../src/daemon/pane-writer.js';
import { deliverLine, type DeliveryOptions } from '../../../src/orchestration/delivery.js';
import { noReadiness } from '../../../src/orchestration/readiness-check.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { SimAgentHost, type SimBehaviour } from '../../helpers/sim-agent-host.js';

const LINE = 'Read .dot-agent-deck/worker-task-coder.md for your task.';

/** A pane whose agent was just (re)started under the deck's eyes, as `delegate` does with clear = true. */
async function setup(behaviour: SimBehaviour, hooks?: (host: SimAgentHost) => HookView) {
  const clock = new FakeClock();
  const host = new SimAgentHost('p1', 'a-0', clock, () => behaviour);
  const pane = deliveryPane(host, new PaneActivity(new PaneOutput(host, clock), clock), new PaneWriters(), clock, hooks ? () => hooks(host) : undefined);
  await host.respawn('agent', 'a-1');
  const deliver = (options: Partial<DeliveryOptions> = {}) =>
    clock.run(deliverLine(pane, host.agentId, LINE, { readiness, clock, deadlineMs: 20_000, ...options }));
  const typedLine = () => host.writes.filter((w) => w.data === LINE).length;
  return { clock, host, deliver, typedLine };
}

describe('deliverLine', () => {
  it('waits out a 700 ms start-up that drops keys, then delivers exactly once', async () => {
    const { host, deliver, typedLine } = await setup({ startDelayMs: 700, workMs: 100 });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, textAttempts: 1, enterPresses: 0 });
    expect(host.received.map((p) => p.text)).toEqual([LINE]);
    expect(host.dropped).toBe(0);
    expect(typedLine()).toBe(1);
  });

  it('loses the same prompt when readiness is disabled and the text may be typed only once', async () => {
    const { host, deliver } = await setup({ startDelayMs: 700, workMs: 100 });
    const outcome = await deliver({ readiness: noReadiness, maxTextAttempts: 1 });
    expect(outcome.ok).toBe(false);
    expect(host.received).toEqual([]);
    expect(host.dropped).toBeGreaterThanOrEqual(LINE.length);
    expect(host.writes.some((w) => w.data === '\r')).toBe(false); // no Enter over text never seen
  });

  // Issue 13: opencode under load drew the first copy seconds late; delivery retyped over it,
  // the doubled line was submitted, and the orchestrator was told it was not delivered.
  it.each([
    ['drawn 1.5 s late: waits for the echo, types once', 1_500, 1],
    ['drawn 6 s late, after the echo wait: clears the box, then types again', 6_000, 2],
  ])('keys read late (%s), the task arrives exactly once', async (_name, readDelayMs, typed) => {
    const { host, deliver, typedLine } = await setup({ startDelayMs: 0, workMs: 100, readDelayMs });
    const outcome = await deliver({ deadlineMs: 60_000 });
    // Enter is read late too, so an extra one may follow; on an emptied box it does nothing.
    expect(outcome).toMatchObject({ ok: true, textAttempts: typed });
    expect(host.received.map((p) => p.text)).toEqual([LINE]);
    expect(typedLine()).toBe(typed);
  });

  it('never presses Enter over a doubled line: clears it and submits one copy', async () => {
    const { host, deliver } = await setup({ startDelayMs: 0, workMs: 100 });
    const write = host.write.bind(host);
    let first = true;
    host.write = (data) => {
      // The first copy arrives twice (a retype the agent read late, as the pane showed).
      if (first && data.toString() === LINE) {
        first = false;
        write(data);
      }
      write(data);
    };
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, textAttempts: 2 });
    expect(host.received.map((p) => p.text)).toEqual([LINE]);
  });

  it('reports a prompt taken late as delivered, not as lost', async () => {
    let acceptedAt: number | undefined;
    const { host, deliver } = await setup({ startDelayMs: 0, workMs: 100 }, () =>
      acceptedAt === undefined ? {} : { lastHookEvent: 'UserPromptSubmit', promptHookAt: acceptedAt },
    );
    const write = host.write.bind(host);
    let enters = 0;
    host.write = (data) => {
      if (data.toString() !== '\r') return write(data);
      // The agent keeps the text in its box through every Enter, but its hook reports the
      // first one late: it did take the prompt.
      enters++;
      host.writes.push({ at: 0, data: '\r' });
      if (enters === 5) acceptedAt = Number.MAX_SAFE_INTEGER;
    };
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, confirmedBy: "the agent's prompt hook" });
  });

  it('waits for an agent that takes its first Enter 20 s late, and reports the line delivered', async () => {
    const { clock, host, deliver, typedLine } = await setup({ startDelayMs: 0, workMs: 100 });
    const write = host.write.bind(host);
    let enters = 0;
    host.write = (data) => {
      if (data.toString() !== '\r') return write(data);
      host.writes.push({ at: clock.now(), data: '\r' });
      // Keys queue behind a busy agent: the first Enter is read 20 s later, the rest find an
      // empty box (as a loaded opencode does).
      if (++enters === 1) clock.schedule(20_000, () => write('\r'));
    };
    const outcome = await deliver({ deadlineMs: 90_000 });
    expect(outcome).toMatchObject({ ok: true, confirmedBy: 'the input box emptied', textAttempts: 1 });
    expect(typedLine()).toBe(1);
  });

  it('presses Enter again when the first CR became a newline in the box, without retyping', async () => {
    const { host, deliver, typedLine } = await setup({ startDelayMs: 0, workMs: 100, swallowFirstEnter: true });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, textAttempts: 1, enterPresses: 1 });
    expect(host.received).toHaveLength(1);
    expect(typedLine()).toBe(1);
  });

  it("presses Enter again when a newline moved the text up a row in a hooked agent's box", async () => {
    const { host, deliver, typedLine } = await setup({ startDelayMs: 0, workMs: 100, swallowFirstEnter: true, newlineBox: true }, (agent) => {
      const submitted = agent.received.at(-1);
      return submitted ? { lastHookEvent: 'UserPromptSubmit', promptHookAt: submitted.at } : { lastHookEvent: 'SessionStart' };
    });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, textAttempts: 1, enterPresses: 1, confirmedBy: "the agent's prompt hook" });
    expect(host.received.map((p) => p.text)).toEqual([LINE]);
    expect(typedLine()).toBe(1);
  });

  it("takes the agent's prompt hook as proof of submission when it has hooks", async () => {
    const { host, deliver } = await setup({ startDelayMs: 300, workMs: 100 }, (agent) => {
      const submitted = agent.received.at(-1);
      return submitted ? { lastHookEvent: 'UserPromptSubmit', promptHookAt: submitted.at } : { lastHookEvent: 'SessionStart' };
    });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, confirmedBy: "the agent's prompt hook" });
    expect(host.received).toHaveLength(1);
  });

  it('types the text at most twice when the agent keeps dropping keys', async () => {
    const { host, deliver, typedLine } = await setup({ startDelayMs: 0, workMs: 100 });
    host.write = (data) => void host.writes.push({ at: 0, data: data.toString() }); // deaf: shows the box, takes nothing
    const outcome = await deliver();
    expect(outcome.ok).toBe(false);
    expect(typedLine()).toBe(2);
  });

  it('gives up at the deadline when the agent never becomes ready, naming why', async () => {
    const { host, deliver } = await setup({ startDelayMs: 60_000, workMs: 100 });
    const outcome = await deliver({ deadlineMs: 5_000 });
    expect(outcome).toMatchObject({ ok: false, textAttempts: 0 });
    expect(outcome.ok ? '' : outcome.reason).toMatch(/not ready for input before the deadline/);
    expect(host.writes).toEqual([]);
  });

  // Issue 13: three opencode workers starting together on a loaded machine took up to 40 s to
  // draw their box, one over 160 s; a start-up is not the line's delivery.
  it('waits for an agent still starting past the deadline, then delivers once', async () => {
    const { host, deliver, typedLine } = await setup({ startDelayMs: 30_000, workMs: 100 });
    const starting = () => !host.modes.bracketedPaste;
    const outcome = await deliver({ deadlineMs: 5_000, startupMs: 60_000, starting });
    expect(outcome).toMatchObject({ ok: true, textAttempts: 1 });
    expect(outcome.ms).toBeGreaterThanOrEqual(30_000);
    expect(host.received.map((p) => p.text)).toEqual([LINE]);
    expect(typedLine()).toBe(1);
  });

  it('gives up on an agent still starting at the start-up bound, saying so', async () => {
    const { host, deliver } = await setup({ startDelayMs: 600_000, workMs: 100 });
    const outcome = await deliver({ deadlineMs: 5_000, startupMs: 60_000, starting: () => !host.modes.bracketedPaste });
    expect(outcome).toMatchObject({ ok: false, textAttempts: 0 });
    expect(outcome.ms).toBeGreaterThanOrEqual(60_000);
    expect(outcome.ms).toBeLessThan(61_000);
    expect(outcome.ok ? '' : outcome.reason).toMatch(/not ready for input before the deadline \(.*; still starting after 60 s\)/);
    expect(host.writes).toEqual([]);
  });

  it('types nothing into a pane that was restarted with another agent meanwhile', async () => {
    const { clock, host, deliver } = await setup({ startDelayMs: 1_000, workMs: 100 });
    clock.schedule(500, () => void host.respawn('agent', 'a-2'));
    const outcome = await deliver();
    expect(outcome.ok ? '' : outcome.reason).toMatch(/restarted with another agent/);
    expect(host.writes).toEqual([]);
  });

  it('re-reads the agent type at every look: readiness switches as soon as detection names the agent', async () => {
    const { clock, host, deliver } = await setup({ startDelayMs: 0, workMs: 100 });
    let type: string | null = null;
    clock.schedule(1_000, () => void (type = 'codex'));
    const seen = new Set<string | null>();
    const outcome = await deliver({
      agentType: () => type,
      // A plain command never becomes ready here; the agent the screen names does.
      readiness: (input) => {
        seen.add(input.agentType);
        return input.agentType === 'codex' ? readiness({ ...input, agentType: null }) : { ready: false, reason: 'a plain command' };
      },
    });
    expect(outcome).toMatchObject({ ok: true, textAttempts: 1 });
    expect([...seen]).toEqual([null, 'codex']);
    expect(host.received.map((p) => p.text)).toEqual([LINE]);
  });
});
