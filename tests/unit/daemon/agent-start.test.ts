// AgentStarter on virtual time: opencode roles take turns (the next starts once the previous is
// at its box, or after the hold), a start that draws nothing is restarted once and journaled,
// and agents without a start policy start at once and are never restarted.
import { describe, expect, it } from 'vitest';
import { AgentStarter, type PaneLooks } from '../../../src/daemon/agent-start.js';
import { FakeClock } from '../../helpers/fake-clock.js';

/** When a start draws and reaches its box (ms after it, null: never); `busy`: it keeps using CPU. */
type Step = { draws: number | null; ready: number | null; busy?: boolean };

/** Panes whose agents draw and reach their box at scripted times after each spawn (null: never). */
class FakePanes implements PaneLooks {
  readonly spawns: { paneId: string; at: number }[] = [];
  private readonly state = new Map<string, { agent: string; at: number; draws: number | null; ready: number | null; busy?: boolean }>();
  constructor(
    private readonly clock: FakeClock,
    private readonly plan: Record<string, Step[]>,
  ) {}
  spawn(paneId: string): Promise<string> {
    const n = this.spawns.filter((s) => s.paneId === paneId).length;
    const step = this.plan[paneId]![Math.min(n, this.plan[paneId]!.length - 1)]!;
    const agent = `${paneId}-agent-${n + 1}`;
    this.spawns.push({ paneId, at: this.clock.now() });
    this.state.set(paneId, { agent, at: this.clock.now(), ...step });
    return Promise.resolve(agent);
  }
  /** Whether `agentId` (the one running now, or not) has reached `key`. */
  private since(paneId: string, agentId: string, key: 'draws' | 'ready'): boolean {
    const s = this.state.get(paneId);
    return s !== undefined && s.agent === agentId && s[key] !== null && this.clock.now() - s.at >= s[key];
  }
  drewText = (paneId: string, agentId: string) => this.since(paneId, agentId, 'draws');
  atPrompt = (paneId: string, agentId: string) => this.since(paneId, agentId, 'ready');
  currentAgent = (paneId: string) => this.state.get(paneId)?.agent ?? null;
  /** A busy start uses half a core; an idle one nothing at all. */
  cpuMs = (paneId: string) => {
    const s = this.state.get(paneId);
    return s?.busy ? (this.clock.now() - s.at) / 2 : 0;
  };
}

function setup(plan: Record<string, Step[]>) {
  const clock = new FakeClock();
  const panes = new FakePanes(clock, plan);
  const starter = new AgentStarter({ clock, looks: panes, holdMs: 20_000 });
  const restarts: string[] = [];
  const start = (paneId: string, command: string) =>
    starter.start({
      paneId,
      label: paneId,
      command,
      agent: null,
      spawn: () => panes.spawn(paneId),
      onSpawned: () => undefined,
      onRestart: (detail) => restarts.push(`${paneId}: ${detail}`),
    });
  return { clock, panes, start, restarts, t0: clock.now() };
}

describe('AgentStarter', () => {
  it('starts opencode roles one after another: the next once the previous is at its box', async () => {
    const { clock, panes, start, t0 } = setup({
      a: [{ draws: 1_000, ready: 8_000 }],
      b: [{ draws: 1_000, ready: 6_000 }],
      c: [{ draws: 1_000, ready: 5_000 }],
    });
    const ids = await clock.run(Promise.all([start('a', 'opencode'), start('b', 'opencode'), start('c', 'opencode')]));
    expect(ids).toEqual(['a-agent-1', 'b-agent-1', 'c-agent-1']);
    // Polled every 250 ms: b starts once a is ready (8 s), c once b is (8 + 6 s).
    expect(panes.spawns.map((s) => [s.paneId, s.at - t0])).toEqual([
      ['a', 0],
      ['b', 8_000],
      ['c', 14_000],
    ]);
  });

  it('holds a sibling back for the hold at most', async () => {
    const { clock, panes, start, t0 } = setup({ a: [{ draws: 1_000, ready: null }], b: [{ draws: 1_000, ready: 2_000 }] });
    await clock.run(Promise.all([start('a', 'opencode'), start('b', 'opencode')]));
    expect(panes.spawns.map((s) => [s.paneId, s.at - t0])).toEqual([
      ['a', 0],
      ['b', 20_000],
    ]);
  });

  it('restarts a start that drew nothing, once, and says so', async () => {
    const { clock, panes, start, restarts, t0 } = setup({
      a: [
        { draws: null, ready: null },
        { draws: 2_000, ready: 4_000 },
      ],
    });
    const id = await clock.run(start('a', 'opencode'));
    expect(id).toBe('a-agent-2');
    expect(panes.spawns.map((s) => s.at - t0)).toEqual([0, 30_000]);
    expect(restarts).toEqual(['a: opencode drew nothing in the 30 s after its start, so the deck started it again (once per start)']);
  });

  it('restarts once only: a second silent start goes to delivery, which reports it', async () => {
    const { clock, panes, start, restarts } = setup({ a: [{ draws: null, ready: null }] });
    expect(await clock.run(start('a', 'opencode'))).toBe('a-agent-2');
    expect(panes.spawns).toHaveLength(2);
    expect(restarts).toHaveLength(1);
  });

  it('waits for a silent start that keeps using CPU, and never restarts it', async () => {
    const { clock, panes, start, restarts, t0 } = setup({ a: [{ draws: 50_000, ready: 55_000, busy: true }] });
    expect(await clock.run(start('a', 'opencode'))).toBe('a-agent-1');
    expect(panes.spawns.map((s) => s.at - t0)).toEqual([0]);
    expect(clock.now() - t0).toBeGreaterThanOrEqual(50_000);
    expect(restarts).toEqual([]);
  });

  it('starts a silent sibling again only in its turn', async () => {
    const { clock, panes, start, t0 } = setup({
      a: [
        { draws: null, ready: null },
        { draws: 1_000, ready: 2_000 },
      ],
      b: [{ draws: 15_000, ready: 25_000, busy: true }],
    });
    await clock.run(Promise.all([start('a', 'opencode'), start('b', 'opencode')]));
    // b starts at 20 s (a's hold ran out); a, silent and idle, is restarted once b's hold runs out
    // too (20 + 20 s; b's box would come at 45 s).
    expect(panes.spawns.map((s) => [s.paneId, s.at - t0])).toEqual([
      ['a', 0],
      ['b', 20_000],
      ['a', 40_000],
    ]);
  });

  it('starts other agents at once and never restarts them', async () => {
    const { clock, panes, start, restarts, t0 } = setup({ a: [{ draws: null, ready: null }], b: [{ draws: null, ready: null }] });
    await clock.run(Promise.all([start('a', 'claude'), start('b', 'claude')]));
    expect(panes.spawns.map((s) => [s.paneId, s.at - t0])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(restarts).toEqual([]);
  });
});
