// Drives real CLIs into each fixture's screen and checks the engine's verdict on the live screen
// against the committed fixture (see record-fixtures.ts): a CLI version whose screen another rule
// now decides is drift, reported at the end and failed. With DECK_RECORD_FIXTURES=1 it also
// rewrites tests/fixtures/agents — every screen without drift, never one with it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DriftCheck, driftReport, fixtureDrift } from '../unit/agents/fixture-drift.js';
import { FIXTURE_ROOT, type FixtureEntry, loadManifest, statusOfScreen } from '../unit/agents/fixture-manifest.js';
import { createSandbox, ensureAgent, type RealAgent } from './agent-sandbox.js';
import { PtyRecorder } from './pty-recorder.js';
import { SCENARIOS } from './record-fixtures.js';

const COLS = 100;
const ROWS = 30;
// Fixtures stay small (issue #6); a stream past this is a sign the scenario does too much.
const MAX_FIXTURE_BYTES = 64 * 1024;
const RECORD = process.env.DECK_RECORD_FIXTURES === '1';
const AGENTS: readonly RealAgent[] = ['claude-code', 'codex', 'gemini', 'opencode', 'pi'];

function saveFixture(agent: string, entry: FixtureEntry, bytes: string): void {
  const dir = join(FIXTURE_ROOT, agent);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, entry.file), bytes);
  const manifestPath = join(dir, 'fixtures.json');
  const manifest: FixtureEntry[] = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as FixtureEntry[]) : [];
  const next = [...manifest.filter((e) => e.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
}

function committedEntry(agent: string, name: string): FixtureEntry | undefined {
  if (!existsSync(join(FIXTURE_ROOT, agent, 'fixtures.json'))) return undefined;
  return loadManifest(agent).find((e) => e.name === name && e.source === 'recorded');
}

function cliVersion(bin: string, env: Record<string, string>): string {
  return (
    execFileSync(bin, ['--version'], { env: { ...process.env, ...env } })
      .toString()
      .trim()
      .split('\n')
      .pop() ?? ''
  );
}

const checks: DriftCheck[] = [];
afterAll(() => {
  if (checks.length === 0) return;
  const report = driftReport(checks);
  console.log(report);
  if (process.env.DECK_DRIFT_REPORT) writeFileSync(process.env.DECK_DRIFT_REPORT, `${report}\n`);
});

describe.each(AGENTS)('%s screens', (agent) => {
  it.for(SCENARIOS.filter((s) => s.agent === agent).map((s) => [s.name, s] as const))('%s', async ([, scenario], ctx) => {
    const found = await ensureAgent(agent);
    if ('skip' in found) {
      console.warn(`SKIPPED: ${found.skip}`);
      ctx.skip(found.skip);
      return;
    }
    const sandbox = await createSandbox(agent, found.bin, { trusted: scenario.trusted ?? true });
    const rec = new PtyRecorder([...sandbox.argv, ...(scenario.args ?? [])], { cwd: sandbox.project, env: sandbox.env, cols: COLS, rows: ROWS });
    try {
      await scenario.drive(rec);
      const quietMs = Math.min(rec.quietMs, 60_000);
      const status = statusOfScreen(agent, { screen: rec.screen(), title: rec.terminal.title }, quietMs, scenario.readySeen);
      const seen = `${status.kind} by ${status.layer}:${status.rule}, title ${JSON.stringify(rec.terminal.title)}, quiet ${quietMs} ms\n${rec.screen().join('\n')}`;
      const version = cliVersion(sandbox.argv[0] ?? '', sandbox.env);
      const check = fixtureDrift(agent, scenario.name, committedEntry(agent, scenario.name), { kind: status.kind, rule: status.rule, version });
      checks.push(check);
      expect(check.verdict, `${check.line}\n${seen}`).not.toBe('drift');
      expect(status.kind, seen).toBe(scenario.expect.kind);
      const bytes = rec.bytes;
      expect(bytes.length).toBeLessThan(MAX_FIXTURE_BYTES);
      if (RECORD) {
        saveFixture(
          agent,
          {
            name: scenario.name,
            file: `${scenario.name}.ansi`,
            cols: COLS,
            rows: ROWS,
            quietMs,
            readySeen: scenario.readySeen,
            source: 'recorded',
            agentVersion: version,
            expect: { kind: scenario.expect.kind, rule: status.rule },
          },
          bytes,
        );
      }
    } finally {
      await rec.dispose();
      await sandbox.dispose();
    }
  });
});
