// Whole orchestrations of real agent CLIs against the mock model (issue #13): each of Codex,
// Gemini CLI, opencode and Pi plays every worker role of a team, and one mixed team gives each
// CLI its own role with real Claude Code as the orchestrator. Every task must be delivered once,
// run once, and its completion must reach the orchestrator.
//
// The single-CLI teams use the simulated orchestrator: it is ready at once, never varies, and
// shows one `» line` per line typed into it, so a failure is the worker CLI's (its readiness, its
// submit, its echo, its sandbox) and the orchestrator's screen counts what it was told. The mixed
// team uses real Claude Code, as a person would run it.
// Run with `npm run test:agents -- -t 'team:'` (`-t 'mixed orchestration'` for the mixed one).
import { afterEach, describe, expect, it } from 'vitest';
import type { RealAgent } from './agent-sandbox.js';
import { countOnScreen, type Member, ranLines, runTeam, TeamHolder, type TeamRun, taskLine } from './team-run.js';

const ROLES = ['coder', 'reviewer', 'auditor'];

/** One line per delivery (how long, how confirmed), and each start the deck made again
 *  (`start-retry`: an agent that drew nothing), for the report of a run. */
function deliveries(run: TeamRun): string {
  const retries = run.entries.filter((e) => e.event === 'start-retry').map((e) => `\n  start-retry ${e.role ?? '?'}: ${e.detail ?? ''}`);
  return [...run.deliveries.map((line) => `\n  ${line}`), ...retries].join('');
}

function expectEachTaskOnce(run: TeamRun, workers: Member[], orchestrator: 'sim' | 'claude-code'): void {
  const of = (role: string, event: string) => run.entries.filter((e) => e.role === role && e.event === event);
  const story = run.entries.map((e) => `${e.event} ${e.role ?? ''} ${e.detail ?? ''}`).join('\n');
  for (const { role, agent } of workers) {
    const about = `${role} (${agent}); journal:\n${story}`;
    expect(of(role, 'delegate'), about).toHaveLength(1);
    expect(of(role, 'delivered'), about).toHaveLength(1);
    expect(of(role, 'delivery-failed'), about).toHaveLength(0);
    expect(of(role, 'redelivery'), about).toHaveLength(0);
    expect(of(role, 'nudge'), about).toHaveLength(0);
    expect(of(role, 'completed'), about).toHaveLength(1);
    // The completion notice reached the orchestrator, once.
    const commission = of(role, 'delegate')[0]!.commission;
    expect(
      run.entries.filter((e) => e.event === 'notice-delivered' && e.commission === commission && e.watch === undefined),
      about,
    ).toHaveLength(1);
    expect(
      run.entries.filter((e) => e.event === 'notice-failed' && e.commission === commission),
      about,
    ).toHaveLength(0);
    // Run once: the scripted tool appended one line, and the model was asked the task once.
    expect(ranLines(run.project, role), about).toEqual(['ran']);
    expect(
      run.prompts.filter((p) => p.endsWith(taskLine(role))),
      `prompts:\n${run.prompts.join('\n')}`,
    ).toHaveLength(1);
    // Typed once: the worker's screen shows one copy of its task line.
    expect(countOnScreen(run.screens.get(role)!, taskLine(role)), `${role} screen:\n${run.screens.get(role)}`).toBe(1);
    // The orchestrator was told once (the simulated one echoes every typed line as `» line`).
    if (orchestrator === 'sim') {
      const told = run.screens
        .get('orchestrator')!
        .split('\n')
        .filter((line) => line.startsWith(`» Worker ${role} has completed`));
      expect(told, run.screens.get('orchestrator')).toHaveLength(1);
    } else {
      expect(
        run.prompts.filter((p) => p.includes(`Worker ${role} has completed their task`) && p.endsWith('for their full report.')),
        `prompts:\n${run.prompts.join('\n')}`,
      ).toHaveLength(1);
    }
  }
  expect(run.entries.filter((e) => e.event === 'done')).toHaveLength(1);
}

describe('real agent CLIs in whole orchestrations', () => {
  const holder = new TeamHolder();
  afterEach(() => holder.dispose());

  it.for<RealAgent>(['codex', 'gemini', 'opencode', 'pi'])('team: %s plays every worker role', { timeout: 300_000 }, async (agent, ctx) => {
    const workers = ROLES.map((role) => ({ role, agent }));
    const run = await runTeam(holder, 'sim', workers);
    if ('skip' in run) {
      console.warn(`SKIPPED: ${run.skip}`);
      ctx.skip(run.skip);
      return;
    }
    console.info(`team of ${agent}: done in ${run.ms} ms; delivered ${deliveries(run)}`);
    expectEachTaskOnce(run, workers, 'sim');
  });

  it('team: mixed orchestration, Claude Code orchestrates Codex, Gemini CLI, opencode and Pi', async (ctx) => {
    const workers: Member[] = [
      { role: 'coder', agent: 'codex' },
      { role: 'reviewer', agent: 'gemini' },
      { role: 'auditor', agent: 'opencode' },
      { role: 'tester', agent: 'pi' },
    ];
    const run = await runTeam(holder, 'claude-code', workers);
    if ('skip' in run) {
      console.warn(`SKIPPED: ${run.skip}`);
      ctx.skip(run.skip);
      return;
    }
    console.info(`mixed team: done in ${run.ms} ms; delivered ${deliveries(run)}`);
    expectEachTaskOnce(run, workers, 'claude-code');
  }, 300_000);
});
