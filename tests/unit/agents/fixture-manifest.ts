// The manifest of recorded screen fixtures (tests/fixtures/agents/<agent>/fixtures.json) and the
// replay that turns one fixture back into a screen and a status.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { adapterFor } from '../../../src/agents/adapters.js';
import { decideStatus } from '../../../src/agents/status-engine.js';
import type { PaneStatus } from '../../../src/protocol/pane-status.js';
import { StatusKind } from '../../../src/protocol/pane-status.js';
import { PaneTerminal } from '../../../src/pty/pane-terminal.js';

export const FIXTURE_ROOT = join(import.meta.dirname, '../../fixtures/agents');

export const FixtureEntry = z.object({
  name: z.string(),
  file: z.string(),
  cols: z.number().int(),
  rows: z.number().int(),
  /** How long the screen had been quiet when the recording stopped. */
  quietMs: z.number().int(),
  /** Whether the agent's input box had been on screen before this moment. */
  readySeen: z.boolean(),
  /** `recorded` from the real CLI via the mock, or `hand-crafted` from AGENT-NOTES phrases. */
  source: z.enum(['recorded', 'hand-crafted']),
  agentVersion: z.string(),
  /** The deck's clock when the screen is judged (reset times are read relative to it, in UTC). */
  now: z.string().optional(),
  expect: z.object({ kind: StatusKind, rule: z.string().optional(), reason: z.string().optional(), until: z.string().optional() }),
});
export type FixtureEntry = z.infer<typeof FixtureEntry>;

export function loadManifest(agent: string): FixtureEntry[] {
  const text = readFileSync(join(FIXTURE_ROOT, agent, 'fixtures.json'), 'utf8');
  return z.array(FixtureEntry).parse(JSON.parse(text));
}

export interface Replayed {
  screen: string[];
  title: string;
}

/** Feeds a recorded byte stream into a pane terminal of the recorded size. */
export async function replay(bytes: string, cols: number, rows: number): Promise<Replayed> {
  const terminal = new PaneTerminal({ cols, rows, scrollback: 200 });
  try {
    await new Promise<void>((resolve) => terminal.write(bytes, resolve));
    return { screen: terminal.text(), title: terminal.title };
  } finally {
    terminal.dispose();
  }
}

const NOW = 10_000_000;

/** The engine's verdict on a screen, with no hook layer: what screen and title alone decide.
 *  The deck's zone is UTC, so stated reset times come out the same on every machine. */
export function statusOfScreen(agent: string, screen: Replayed, quietMs: number, readySeen: boolean, now = NOW): PaneStatus {
  return decideStatus(
    {
      adapter: adapterFor(agent),
      now,
      startedAt: now - 5000,
      exit: null,
      hook: null,
      title: screen.title,
      screen: screen.screen,
      lastOutputAt: now - quietMs,
      readySeen,
      promptSeen: false,
      timeZone: 'UTC',
    },
    null,
  ).status;
}
