// DOT_AGENT_DECK_TRACE_STARTUP (common/startup-trace.ts), what the first-frame and start
// benchmarks read: the built CLI appends its marks in order, each after the process started.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createDeckEnv, type DeckEnv } from '../helpers/deck-env.js';

describe('the start-up trace', () => {
  let world: DeckEnv;
  beforeEach(() => {
    world = createDeckEnv();
  });
  afterEach(() => world.cleanup());

  it('marks the CLI, the deck bundle compiled (no code cache yet) and the deck entry, in order, as wall-clock milliseconds after the process start', async () => {
    const file = join(world.root, 'trace');
    // Not a terminal: the deck entry explains itself and exits, after its marks.
    const result = await runCli([], { env: { ...world.env, DOT_AGENT_DECK_TRACE_STARTUP: file } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Start here:');
    const marks = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    expect(marks.map(([name]) => name).filter((name) => name !== 'process-start')).toEqual(['cli-main', 'bundle-compiled', 'entry-loaded']);
    const times = marks.filter(([name]) => name !== 'process-start').map(([, at]) => Number(at));
    const started = Number(marks[0]?.[1]);
    expect(times.every((at) => Number.isFinite(at) && at > started)).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
