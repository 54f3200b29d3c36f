// Real Claude Code as an orchestration worker against the mock model, for the two failures of a
// night the deck must tell (issue #10): a worker whose requests end in a 429 from the API, and a
// quiet worker that ends its turn without running work-done. The orchestrator is the simulated
// agent, so what it was told is on its screen, one `» line` per line typed into it.
// Run with `npm run test:agents -- -t night`; the CLI is installed into ~/.cache/dot-agent-deck-agents.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/orchestration/journal-entry.js';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { journal, panesByRole, SIM_AGENT } from '../helpers/orchestration-project.js';
import { waitFor } from '../helpers/wait.js';
import { createSandbox, ensureAgent, type Sandbox } from './agent-sandbox.js';

const GRACE_S = 5;

describe('real Claude Code on an unattended night', () => {
  let h: DaemonHarness | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await h?.dispose();
    await sandbox?.dispose();
  });

  /** An orchestration of a simulated orchestrator that delegates one task, and Claude Code as
   *  its worker; `claudeMd` becomes the project's CLAUDE.md, which Claude Code sends with every
   *  prompt (the mock reads its directives there). */
  async function night(ctx: { skip: (reason: string) => void }, claudeMd?: string): Promise<{ project: string; orchestrator: string; worker: string } | null> {
    const found = await ensureAgent('claude-code');
    if ('skip' in found) {
      console.warn(`SKIPPED: ${found.skip}`);
      ctx.skip(found.skip);
      return null;
    }
    sandbox = await createSandbox('claude-code', found.bin, { askPermissions: false });
    // One attempt per request: Claude Code otherwise retries a 429 ten times with backoff.
    h = createDaemonHarness({ ...sandbox.env, CLAUDE_CODE_MAX_RETRIES: '0' });
    expect(await h.ok(['hooks', 'install', '--agent', 'claude-code'])).toContain('installed deck hooks');
    const project = sandbox.project;
    if (claudeMd !== undefined) writeFileSync(join(project, 'CLAUDE.md'), claudeMd);
    writeFileSync(
      join(project, 'orchestrator.json'),
      JSON.stringify({
        startDelayMs: 100,
        workMs: 10,
        turns: [
          {
            after: ['^Read \\S+orchestrator-context'],
            actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'worker', '--task', 'Look around the repository and report.'] }],
          },
        ],
      }),
    );
    writeFileSync(
      join(project, '.dot-agent-deck.toml'),
      [
        `stall_grace_seconds = ${GRACE_S}`,
        '[[orchestrations]]',
        'name = "night"',
        '[[orchestrations.roles]]',
        'name = "orchestrator"',
        `command = "node ${SIM_AGENT} --role orchestrator --script orchestrator.json"`,
        'start = true',
        '[[orchestrations.roles]]',
        'name = "worker"',
        `command = ${JSON.stringify(sandbox.argv.join(' '))}`,
        'clear = false',
        '',
      ].join('\n'),
    );
    await h.ok(['up', '-p', project]);
    const roles = await panesByRole(h);
    return { project, orchestrator: roles.get('orchestrator')!.id, worker: roles.get('worker')!.id };
  }

  const told = (screen: string, pattern: RegExp) => screen.split('\n').filter((line) => line.startsWith('» ') && pattern.test(line)).length;
  const events = (project: string, test: (e: JournalEntry) => boolean) => journal(project).filter(test);

  it('night: a worker whose request ends in a 429 shows error and the orchestrator is told once', async (ctx) => {
    const run = await night(ctx, 'Project notes for the agent. FAIL:429\n');
    if (!run) return;
    await waitFor('the task is delivered to Claude Code', () => events(run.project, (e) => e.event === 'delivered' && e.role === 'worker').length === 1, {
      timeoutMs: 90_000,
    });
    let card = '';
    let workerScreen = '';
    await waitFor(
      'the worker card shows the failure',
      async () => {
        const pane = (await h!.panes()).find((p) => p.id === run.worker)!;
        card = `${pane.status.kind} (${pane.status.rule}: ${pane.status.reason ?? ''})`;
        workerScreen = await h!.capture(run.worker);
        return pane.status.kind === 'error' || pane.status.kind === 'blocked';
      },
      { timeoutMs: 60_000, describe: () => `card ${card}; worker screen:\n${workerScreen}` },
    );
    const screen = await h!.waitForScreen(
      run.orchestrator,
      `the orchestrator is told the worker is stuck (card ${card}; journal ${events(run.project, () => true)
        .map((e) => e.event + (e.watch ? `:${e.watch}` : ''))
        .join(' ')})`,
      /» Worker worker is blocked/,
      60_000,
    );
    expect(told(screen, /^» Worker worker is blocked/)).toBe(1);
    // Three grace periods more: no second notice, no nudge typed over the failure.
    await new Promise((resolve) => setTimeout(resolve, 3 * GRACE_S * 1000));
    const later = await h!.capture(run.orchestrator);
    expect(told(later, /^» Worker worker is blocked/)).toBe(1);
    expect(told(later, /^» Worker worker (sits idle|has completed)/)).toBe(0);
    expect(events(run.project, (e) => e.event === 'watch' && e.watch === 'blocked')).toHaveLength(1);
    expect(events(run.project, (e) => e.event === 'nudge')).toHaveLength(0);
    expect(events(run.project, (e) => e.event === 'notice-delivered' && e.watch === 'blocked')).toHaveLength(1);
  });

  it('night: a quiet worker that ends its turn without work-done gets one nudge, then the orchestrator is told once', async (ctx) => {
    const run = await night(ctx);
    if (!run) return;
    await waitFor('the task is delivered to Claude Code', () => events(run.project, (e) => e.event === 'delivered' && e.role === 'worker').length === 1, {
      timeoutMs: 90_000,
    });
    // The mock answers the task line with text and ends the turn: no work-done.
    await h!.waitForScreen(run.worker, 'Claude Code answered and ended its turn', /MOCK-REPLY/, 60_000);
    await waitFor('the deck nudged the worker', () => events(run.project, (e) => e.event === 'nudge').length === 1, { timeoutMs: 60_000 });
    await h!.waitForScreen(run.worker, 'the nudge reached Claude Code as a prompt of its own', /MOCK-REPLY[^]*MOCK-REPLY/, 60_000);
    const screen = await h!.waitForScreen(run.orchestrator, 'the orchestrator is told the worker stalled', /» Worker worker sits idle at its prompt/, 60_000);
    expect(told(screen, /^» Worker worker sits idle/)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 3 * GRACE_S * 1000));
    const later = await h!.capture(run.orchestrator);
    expect(told(later, /^» Worker worker sits idle/)).toBe(1);
    expect(told(later, /^» Worker worker (is blocked|has completed)/)).toBe(0);
    expect(events(run.project, (e) => e.event === 'nudge')).toHaveLength(1);
    expect(events(run.project, (e) => e.event === 'watch' && e.watch === 'stalled')).toHaveLength(1);
    expect(events(run.project, (e) => e.event === 'notice-delivered' && e.watch === 'stalled')).toHaveLength(1);
    // The model saw the task and the nudge, each once and each as a prompt of its own.
    const asked = readFileSync(join(sandbox!.root, 'mock.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { ntools?: number; prompt?: string; toolResult?: string })
      .filter((request) => (request.ntools ?? 0) > 0 && request.toolResult === undefined)
      .map((request) => request.prompt ?? '');
    expect(asked.filter((prompt) => /for your task\.$/.test(prompt))).toHaveLength(1);
    expect(asked.filter((prompt) => /work-done --task-file \S+report-worker\.md$/.test(prompt))).toHaveLength(1);
  });
});
