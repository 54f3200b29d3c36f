// Drift: a re-recorded screen compared with the committed fixture by the rule that decides it.
// A new CLI version that draws a screen the same rule still decides is fine (the fixture is
// refreshed); one where another rule, or none, decides is drift, reported and never recorded over.
import type { FixtureEntry } from './fixture-manifest.js';

export interface LiveVerdict {
  kind: string;
  rule: string;
  version: string;
}

export interface DriftCheck {
  agent: string;
  name: string;
  verdict: 'new' | 'same' | 'drift';
  /** One line for the report: what was recorded, what decides now. */
  line: string;
}

export function fixtureDrift(agent: string, name: string, committed: FixtureEntry | undefined, live: LiveVerdict): DriftCheck {
  const now = `${live.kind} by ${live.rule} (${live.version})`;
  if (committed === undefined) return { agent, name, verdict: 'new', line: `${agent}/${name}: new — ${now}` };
  const then = `${committed.expect.kind} by ${committed.expect.rule ?? '?'} (${committed.agentVersion})`;
  const same = committed.expect.kind === live.kind && committed.expect.rule === live.rule;
  if (!same) return { agent, name, verdict: 'drift', line: `${agent}/${name}: DRIFT — recorded ${then}, now ${now}` };
  const version = committed.agentVersion === live.version ? 'same version' : `${committed.agentVersion} → ${live.version}`;
  return { agent, name, verdict: 'same', line: `${agent}/${name}: same — ${live.kind} by ${live.rule} (${version})` };
}

/** The report printed after a recording run: drift first, with what to do about it. */
export function driftReport(checks: DriftCheck[]): string {
  const drifted = checks.filter((c) => c.verdict === 'drift');
  const order = { drift: 0, new: 1, same: 2 } as const;
  const lines = [...checks].sort((a, b) => order[a.verdict] - order[b.verdict]).map((c) => `  ${c.line}`);
  const head =
    drifted.length === 0
      ? `Screen fixtures: no drift (${checks.length} screens checked).`
      : `Screen fixtures: ${drifted.length} of ${checks.length} screens DRIFTED — the CLI now draws them so that another rule decides. ` +
        'Fix the rules in src/agents/<agent>.ts (the committed fixtures were kept), then record again.';
  return [head, ...lines].join('\n');
}
