// 200 delegation cycles through the daemon's real broker shell (registry, writer locks, journal,
// task files) into simulated agents on virtual time: random slow starts that drop early keys,
// random work times, Enter swallowed now and then, and completions that arrive at the same
// instant. Nothing may be lost or duplicated: one delivered prompt per delegation, one notice per
// completion.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/common/logger.js';
import { delegate, openOrchestration, workDone } from '../../../src/daemon/orchestration-requests.js';
import { OrchestrationService } from '../../../src/daemon/orchestration-service.js';
import { PaneRegistry } from '../../../src/daemon/pane-registry.js';
import { PaneWriters } from '../../../src/daemon/pane-writer.js';
import { readJournal } from '../../../src/orchestration/journal.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { SimAgentHost, type SimBehaviour } from '../../helpers/sim-agent-host.js';

const WORKERS = ['coder', 'reviewer', 'auditor'];
const CYCLES = 200;

/** mulberry32: a seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('delegation reliability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reliability-'));
    writeFileSync(
      join(dir, '.dot-agent-deck.toml'),
      [
        '[[orchestrations]]',
        'name = "dev"',
        '[[orchestrations.roles]]',
        'name = "orchestrator"',
        'command = "agent"',
        'start = true',
        ...WORKERS.flatMap((name, i) => ['[[orchestrations.roles]]', `name = "${name}"`, 'command = "agent"', `clear = ${i !== 2}`]),
        '',
      ].join('\n'),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(`loses and duplicates nothing over ${CYCLES} cycles`, async () => {
    const seed = 20261120;
    const rand = random(seed);
    const pick = (lo: number, hi: number) => Math.floor(lo + rand() * (hi - lo));
    const clock = new FakeClock();
    const behaviour = (): SimBehaviour => ({ startDelayMs: pick(0, 3000), workMs: pick(10, 400), swallowFirstEnter: rand() < 0.1 });
    const hosts = new Map<string, SimAgentHost>();
    const registry = new PaneRegistry({
      factory: (spawn) => {
        const host = new SimAgentHost(spawn.paneId, spawn.agentId, clock, behaviour);
        hosts.set(spawn.paneId, host);
        return host;
      },
      socketPath: '/nowhere',
      env: {},
      scrollback: 100,
      clock,
    });
    const service = new OrchestrationService({ registry, writers: new PaneWriters(), logger: nullLogger, clock, tickMs: 3_600_000 });
    try {
      const opened = await clock.run(openOrchestration(service, { kind: 'up', projectDir: dir }));
      const paneOf = (role: string) => opened.panes.find((pane) => pane.role === role)!.id;
      const orchestrator = hosts.get(paneOf('orchestrator'))!;

      // Workers report after a random time; a third of them at the very same instant as another.
      for (const role of WORKERS) {
        const host = hosts.get(paneOf(role))!;
        host.onPrompt = (prompt) => {
          const delay = rand() < 0.33 ? 1000 : pick(0, 2000);
          clock.schedule(delay, () => void workDone(service, { paneId: host.paneId, agentId: prompt.agentId }, { report: 'ok', done: false }));
        };
      }

      let delegations = 0;
      const until = async (description: string, condition: () => boolean) => {
        for (let waited = 0; !condition(); waited += 50) {
          if (waited > 600_000) throw new Error(`never happened: ${description}`);
          await clock.sleep(50);
        }
      };
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const roles = WORKERS.filter(() => rand() < 0.5);
        if (roles.length === 0) roles.push(WORKERS[cycle % WORKERS.length]!);
        const result = await clock.run(delegate(service, { paneId: orchestrator.paneId, agentId: orchestrator.agentId }, { roles, task: `cycle ${cycle}` }));
        expect(result).toEqual({ delivered: roles, failed: [], queued: [], warnings: [] });
        delegations += roles.length;
        await clock.run(until(`orchestrator told about ${delegations} completions`, () => orchestrator.received.length === delegations + 1));
      }

      // Exactly one prompt per delegation reached a worker; each fresh agent got exactly one.
      const workerPrompts = WORKERS.flatMap((role) => hosts.get(paneOf(role))!.received);
      expect(workerPrompts).toHaveLength(delegations);
      expect(workerPrompts.every((prompt) => /^Read \.dot-agent-deck\/dev\/task-\w+\.md for your task\.$/.test(prompt.text))).toBe(true);
      const perAgent = new Map<string, number>();
      for (const role of ['coder', 'reviewer']) {
        for (const prompt of hosts.get(paneOf(role))!.received) perAgent.set(prompt.agentId, (perAgent.get(prompt.agentId) ?? 0) + 1);
      }
      expect([...perAgent.values()].every((count) => count === 1)).toBe(true);
      // clear = false: the auditor kept one agent for all its tasks.
      expect(new Set(hosts.get(paneOf('auditor'))!.received.map((prompt) => prompt.agentId)).size).toBe(1);

      // The orchestrator: the opening line, then one completion line per delegation, none twice.
      const completions = orchestrator.received.slice(1).map((prompt) => prompt.text);
      expect(completions).toHaveLength(delegations);
      expect(completions.every((line) => /^Worker \w+ has completed their task\./.test(line))).toBe(true);

      const { entries, corrupt } = readJournal(dir);
      const count = (event: string) => entries.filter((entry) => entry.event === event).length;
      expect(corrupt).toEqual([]);
      expect([count('delegate'), count('delivered'), count('completed'), count('notice-delivered')]).toEqual([
        delegations,
        delegations,
        delegations,
        delegations + 1,
      ]);
      expect([count('delivery-failed'), count('unsolicited'), count('superseded'), count('watch')]).toEqual([0, 0, 0, 0]);
      expect(service.groups.get(opened.group)!.state.commissions).toEqual({});
    } finally {
      service.dispose();
      registry.dispose();
    }
  });
});
