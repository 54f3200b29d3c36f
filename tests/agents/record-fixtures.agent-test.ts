// Drives real CLIs into each fixture's screen and checks the engine's verdict on the live screen;
// with DECK_RECORD_FIXTURES=1 it also rewrites tests/fixtures/agents (see record-fixtures.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, type FixtureEntry, statusOfScreen } from '../unit/agents/fixture-manifest.js';
import { createSandbox, ensureAgent } from './agent-sandbox.js';
import { PtyRecorder } from './pty-recorder.js';
import { SCENARIOS } from './record-fixtures.js';

const COLS = 100;
const ROWS = 30;
// Fixtures stay small (issue #6); a stream past this is a sign the scenario does too much.
const MAX_FIXTURE_BYTES = 64 * 1024;
const RECORD = process.env.DECK_RECORD_FIXTURES === '1';

function saveFixture(agent: string, entry: FixtureEntry, bytes: string): void {
  const dir = join(FIXTURE_ROOT, agent);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, entry.file), bytes);
  const manifestPath = join(dir, 'fixtures.json');
  const manifest: FixtureEntry[] = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as FixtureEntry[]) : [];
  const next = [...manifest.filter((e) => e.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
}

describe.each(['claude-code', 'codex', 'gemini', 'opencode', 'pi'] as const)('%s screens', (agent) => {
  it.for(SCENARIOS.filter((s) => s.agent === agent).map((s) => [s.name, s] as const))('%s', async ([, scenario], ctx) => {
    const found = await ensureAgent(agent);
    if ('skip' in found) {
      console.warn(`SKIPPED: ${found.skip}`);
      ctx.skip(found.skip);
      return;
    }
    const sandbox = await createSandbox(agent, found.bin, { trusted: scenario.trusted ?? true });
    const rec = new PtyRecorder(sandbox.argv, { cwd: sandbox.project, env: sandbox.env, cols: COLS, rows: ROWS });
    try {
      await scenario.drive(rec);
      const quietMs = Math.min(rec.quietMs, 60_000);
      const status = statusOfScreen(agent, { screen: rec.screen(), title: rec.terminal.title }, quietMs, scenario.readySeen);
      const seen = `${status.kind} by ${status.layer}:${status.rule}, title ${JSON.stringify(rec.terminal.title)}, quiet ${quietMs} ms\n${rec.screen().join('\n')}`;
      expect(status.kind, seen).toBe(scenario.expect.kind);
      const bytes = rec.bytes;
      expect(bytes.length).toBeLessThan(MAX_FIXTURE_BYTES);
      if (RECORD) {
        const version =
          execFileSync(sandbox.argv[0] ?? '', ['--version'], { env: { ...process.env, ...sandbox.env } })
            .toString()
            .trim()
            .split('\n')
            .pop() ?? '';
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
