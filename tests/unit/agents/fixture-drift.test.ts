// The drift verdict of a re-recorded screen against the committed fixture.
import { describe, expect, it } from 'vitest';
import { driftReport, fixtureDrift } from './fixture-drift.js';
import type { FixtureEntry } from './fixture-manifest.js';

const committed: FixtureEntry = {
  name: 'busy',
  file: 'busy.ansi',
  cols: 100,
  rows: 30,
  quietMs: 14,
  readySeen: true,
  source: 'recorded',
  agentVersion: '0.61.0',
  expect: { kind: 'working', rule: 'esc-to-cancel' },
};

describe('fixture drift', () => {
  it.each([
    [
      'the same rule at the same version',
      { kind: 'working', rule: 'esc-to-cancel', version: '0.61.0' },
      'same',
      'gemini/busy: same — working by esc-to-cancel (same version)',
    ],
    [
      'the same rule at a new version',
      { kind: 'working', rule: 'esc-to-cancel', version: '0.62.0' },
      'same',
      'gemini/busy: same — working by esc-to-cancel (0.61.0 → 0.62.0)',
    ],
    [
      'another rule at a new version',
      { kind: 'idle', rule: 'quiet-screen', version: '0.62.0' },
      'drift',
      'gemini/busy: DRIFT — recorded working by esc-to-cancel (0.61.0), now idle by quiet-screen (0.62.0)',
    ],
    [
      'the same kind by another rule',
      { kind: 'working', rule: 'spinner', version: '0.61.0' },
      'drift',
      'gemini/busy: DRIFT — recorded working by esc-to-cancel (0.61.0), now working by spinner (0.61.0)',
    ],
  ])('%s', (_name, live, verdict, line) => {
    expect(fixtureDrift('gemini', 'busy', committed, live)).toEqual({ agent: 'gemini', name: 'busy', verdict, line });
  });

  it('a screen without a committed fixture is new', () => {
    expect(fixtureDrift('opencode', 'idle', undefined, { kind: 'idle', rule: 'quiet-screen', version: '1.18.33' }).verdict).toBe('new');
  });

  it('the report leads with the drift and says what to do', () => {
    const checks = [
      fixtureDrift('gemini', 'busy', committed, { kind: 'working', rule: 'esc-to-cancel', version: '0.61.0' }),
      fixtureDrift('gemini', 'busy', committed, { kind: 'idle', rule: 'quiet-screen', version: '0.62.0' }),
    ];
    const report = driftReport(checks).split('\n');
    expect(report[0]).toMatch(/^Screen fixtures: 1 of 2 screens DRIFTED .* Fix the rules in src\/agents\/<agent>\.ts/);
    expect(report[1]).toContain('DRIFT');
    expect(driftReport(checks.slice(0, 1)).split('\n')[0]).toBe('Screen fixtures: no drift (1 screens checked).');
  });
});
