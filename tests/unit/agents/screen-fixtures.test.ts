// Recorded agent screens (tests/fixtures/agents) replayed into the deck's headless terminal: the
// engine must give each the recorded status, decided by the recorded rule, and for a blocked
// screen the reason and the reset time it states (none when it states none).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readiness } from '../../../src/agents/readiness.js';
import { FIXTURE_ROOT, loadManifest, replay, statusOfScreen } from './fixture-manifest.js';
import { DEFAULT_MODES } from '../../helpers/fake-pane.js';

// Pi has no permission, question or trust dialogs of its own; opencode has no folder-trust dialog.
const COVERAGE: Record<string, string[]> = {
  'claude-code': ['idle', 'busy', 'permission-prompt', 'trust-dialog', 'usage-limit'],
  codex: ['idle', 'busy', 'permission-prompt', 'trust-dialog', 'usage-limit'],
  gemini: ['idle', 'busy', 'permission-prompt', 'trust-dialog', 'usage-limit'],
  opencode: ['idle', 'busy', 'permission-prompt', 'question', 'usage-limit'],
  pi: ['idle', 'busy', 'usage-limit'],
};

describe.each(Object.keys(COVERAGE))('%s screen fixtures', (agent) => {
  const entries = loadManifest(agent);

  it(`cover ${COVERAGE[agent]!.join(', ')}`, () => {
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(COVERAGE[agent]!));
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s', async (_name, entry) => {
    const screen = await replay(readFileSync(join(FIXTURE_ROOT, agent, entry.file), 'utf8'), entry.cols, entry.rows);
    const status = statusOfScreen(agent, screen, entry.quietMs, entry.readySeen, entry.now === undefined ? undefined : Date.parse(entry.now));
    expect({ kind: status.kind, rule: status.rule }).toEqual({ kind: entry.expect.kind, rule: entry.expect.rule });
    if (entry.expect.reason !== undefined) expect(status.reason).toBe(entry.expect.reason);
    if (entry.expect.kind === 'blocked') expect(status.until).toBe(entry.expect.until);
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s: ready for a prompt only when idle', async (_name, entry) => {
    const screen = await replay(readFileSync(join(FIXTURE_ROOT, agent, entry.file), 'utf8'), entry.cols, entry.rows);
    const result = readiness({
      agentType: agent,
      screenText: screen.screen,
      cursor: { x: 0, y: 0, visible: true },
      modes: { ...DEFAULT_MODES, bracketedPaste: true },
      quietMs: entry.quietMs,
    });
    expect(result.ready, result.reason).toBe(entry.expect.kind === 'idle');
  });
});
