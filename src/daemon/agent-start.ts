// Starts a worker role's agent for a delivery the way its agent needs (start-plan.ts decides):
// roles whose agent stalls when started together with a sibling (opencode) take turns — the next
// starts once the previous one is at its input box, or after the hold (20 s), whichever is first —
// and a start that has drawn no text by the agent's limit is restarted once, logged and
// journaled. Only agents whose adapter asks for it are held or watched; the rest start at once.
import { adapterFor } from '../agents/adapters.js';
import { detectAgentType } from '../agents/detect-agent.js';
import { nullLogger, type Logger } from '../common/logger.js';
import type { Clock } from '../orchestration/delivery.js';
import { holdsSiblings, idleBeforeRestart, NO_START_POLICY, START_HOLD_MS, startVerdict, type StartPolicy } from './start-plan.js';

/** What the starter reads of a pane (the delivery service answers). */
export interface PaneLooks {
  /** `agentId` has printed, and the pane's screen shows text (not the previous program's: the
   *  screen is reset at a start, but the reset may land a moment later). */
  drewText(paneId: string, agentId: string): boolean;
  /** The agent running in the pane, or null. */
  currentAgent(paneId: string): string | null;
  /** `agentId` has printed and is at its input box. */
  atPrompt(paneId: string, agentId: string): boolean;
  /** CPU milliseconds the pane's programs have used (session-cpu.ts), or null. */
  cpuMs(paneId: string): number | null;
}

export interface StartTarget {
  paneId: string;
  /** The role, for the log. */
  label: string;
  command: string;
  /** The role's explicit `agent`, when the command does not name it. */
  agent: string | null;
  /** Starts the role's program with a new agent id; throws when it cannot. */
  spawn(): Promise<string>;
  onSpawned(agentId: string): void;
  /** A silent start is being restarted: `detail` says why, for the journal. */
  onRestart(detail: string): void;
}

export interface AgentStarterOptions {
  clock: Clock;
  looks: PaneLooks;
  logger?: Logger;
  holdMs?: number;
  /** Overrides every adapter's silent-start limit (tests shorten it). */
  silentRestartMs?: number;
  pollMs?: number;
}

export class AgentStarter {
  /** Per agent type: the tail of the starts waiting their turn. */
  private readonly turns = new Map<string, Promise<void>>();
  /** Per pane: the start being watched, resolving with the agent id it ends with. */
  private readonly watches = new Map<string, Promise<string>>();

  constructor(private readonly options: AgentStarterOptions) {}

  /** How the target's agent is started: its adapter's policy, or none. */
  policy(command: string, agent: string | null): { type: string; name: string; policy: StartPolicy } {
    const adapter = adapterFor(agent ?? detectAgentType(command));
    if (adapter.start === undefined) return { type: adapter.type, name: adapter.displayName, policy: NO_START_POLICY };
    const silentRestartMs = this.options.silentRestartMs ?? adapter.start.silentRestartMs;
    return { type: adapter.type, name: adapter.displayName, policy: { apart: adapter.start.apart, silentRestartMs } };
  }

  /** Starts the target's program (after its siblings' turn); resolves with the agent id to deliver to. */
  async start(target: StartTarget): Promise<string> {
    const { type, policy } = this.policy(target.command, target.agent);
    // A start of this pane still being watched ends first: never two starts of one pane at once.
    await this.settled(target.paneId)?.catch(() => undefined);
    return this.watch(target, await this.spawnInTurn(type, policy, target));
  }

  /** Spawns the target's program once its siblings let it (policy.apart), holding the next ones back until it is ready. */
  private async spawnInTurn(type: string, policy: StartPolicy, target: StartTarget): Promise<string> {
    const release = policy.apart ? await this.turn(type, target) : () => undefined;
    let agentId: string;
    try {
      agentId = await target.spawn();
    } catch (error) {
      release();
      throw error;
    }
    target.onSpawned(agentId);
    if (policy.apart) void this.hold(target.paneId, release);
    return agentId;
  }

  /**
   * Watches a start that already happened (a role pane `up` created): restarts it once if it
   * draws nothing by its agent's limit. Resolves with the agent id to deliver to; `settled`
   * hands the same promise to a delivery that comes meanwhile.
   */
  watch(target: StartTarget, agentId: string): Promise<string> {
    const { policy } = this.policy(target.command, target.agent);
    if (policy.silentRestartMs === null) return Promise.resolve(agentId);
    const watching = this.watchStart(target, agentId, policy).finally(() => {
      if (this.watches.get(target.paneId) === watching) this.watches.delete(target.paneId);
    });
    this.watches.set(target.paneId, watching);
    return watching;
  }

  /** The agent id a start being watched ends with, or null when none is watched. */
  settled(paneId: string): Promise<string> | null {
    return this.watches.get(paneId) ?? null;
  }

  private async watchStart(target: StartTarget, first: string, policy: StartPolicy): Promise<string> {
    const { clock, looks } = this.options;
    const { type, name } = this.policy(target.command, target.agent);
    let agentId = first;
    let spawnedAt = clock.now();
    const idle = new IdleMeter(clock, () => looks.cpuMs(target.paneId));
    for (let restarts = 0; ; ) {
      const sinceSpawnMs = clock.now() - spawnedAt;
      // CPU is read only near the limit, every 2 s: before it the verdict is "wait" anyway.
      const near = policy.silentRestartMs !== null && sinceSpawnMs >= policy.silentRestartMs - idleBeforeRestart(policy.silentRestartMs);
      const look = {
        drewText: looks.drewText(target.paneId, agentId),
        idleMs: near ? idle.read() : 0,
        running: looks.currentAgent(target.paneId) === agentId,
        sinceSpawnMs,
        restarts,
      };
      const verdict = startVerdict(policy, look);
      if (verdict === 'go') return agentId;
      if (verdict === 'wait') {
        await clock.sleep(this.options.pollMs ?? 250);
        continue;
      }
      const detail = `${name} drew nothing in the ${Math.round(look.sinceSpawnMs / 1000)} s after its start, so the deck started it again (once per start)`;
      (this.options.logger ?? nullLogger).warn('silent agent start restarted', {
        paneId: target.paneId,
        label: target.label,
        agentType: type,
        silentMs: look.sinceSpawnMs,
      });
      target.onRestart(detail);
      // The new start takes its turn too: never two of its kind starting at the same moment.
      agentId = await this.spawnInTurn(type, policy, target);
      spawnedAt = clock.now();
      restarts += 1;
    }
  }

  /** Waits until the starts of `type` before this one let it go; returns its own release. */
  private async turn(type: string, target: StartTarget): Promise<() => void> {
    const before = this.turns.get(type);
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = (before ?? Promise.resolve()).then(() => mine);
    this.turns.set(type, tail);
    void tail.then(() => {
      if (this.turns.get(type) === tail) this.turns.delete(type);
    });
    if (before !== undefined) {
      const waitedFrom = this.options.clock.now();
      (this.options.logger ?? nullLogger).info('agent start waits for a sibling', { paneId: target.paneId, label: target.label, agentType: type });
      await before;
      (this.options.logger ?? nullLogger).info('agent start took its turn', {
        paneId: target.paneId,
        label: target.label,
        waitedMs: this.options.clock.now() - waitedFrom,
      });
    }
    return release;
  }

  /** Lets the next sibling start once this one is ready, gone, or held long enough. */
  private async hold(paneId: string, release: () => void): Promise<void> {
    const { clock, looks } = this.options;
    const from = clock.now();
    try {
      for (;;) {
        // Whichever agent runs now: a silent start restarted meanwhile counts once it is ready.
        const current = looks.currentAgent(paneId);
        const look = { ready: current !== null && looks.atPrompt(paneId, current), gone: current === null, sinceSpawnMs: clock.now() - from };
        if (!holdsSiblings(look, this.options.holdMs ?? START_HOLD_MS)) break;
        await clock.sleep(this.options.pollMs ?? 250);
      }
    } finally {
      release();
    }
  }
}

/** How long a pane's programs have used next to no CPU (under 5 % between samples 2 s apart). */
class IdleMeter {
  private last: { at: number; cpu: number } | null = null;
  private busyAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly cpu: () => number | null,
  ) {}

  /** Idle milliseconds so far (from the first sample), or null when CPU cannot be read. */
  read(): number | null {
    const now = this.clock.now();
    if (this.last !== null && now - this.last.at < 2_000) return this.busyAt === null ? null : now - this.busyAt;
    const cpu = this.cpu();
    if (cpu === null) return null;
    if (this.last === null || cpu - this.last.cpu >= (now - this.last.at) * 0.05) this.busyAt = now;
    this.last = { at: now, cpu };
    return now - this.busyAt!;
  }
}
