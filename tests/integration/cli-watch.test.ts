// `dot-agent-deck watch` in a real pane, as a workspace mode's persistent pane runs it: again and
// again on a clean screen, one run at a time, through failures, and with nothing piling up.
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait.js';

describe('dot-agent-deck watch', () => {
  let h: DaemonHarness;
  let dir: string;
  beforeEach(() => {
    h = createDaemonHarness();
    dir = join(h.deck.root, 'work');
    mkdirSync(dir);
  });
  afterEach(async () => {
    await h.dispose();
  });

  const watch = (interval: string, ...command: string[]) =>
    h.ok(['new', '-n', 'watcher', '-p', dir, '--', process.execPath, BIN, 'watch', '--interval', interval, '--', ...command]).then((out) => out.trim());
  const lines = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim().split('\n') : []);

  it('runs a failing command again and again, showing its output, the time and the exit code', async () => {
    const pane = await watch('0.2', 'sh', '-c', 'echo x >> runs.log; echo "hello from run"; echo "to stderr" >&2; exit 3');
    await waitFor('three runs', () => lines('runs.log').length >= 3);
    const screen = await h.waitForScreen(pane, 'a finished run', /— \d\d:\d\d:\d\d · exit 3 · took \d+\.\d s · next run in 0\.2 s/);
    expect(screen).toMatch(/^every 0\.2 s: sh -c 'echo x >> runs\.log;.*· run at \d\d:\d\d:\d\d$/m);
    // One run per screen: the previous runs were cleared away.
    expect(screen.split('\n').filter((line) => line.trim() === 'hello from run')).toHaveLength(1);
    expect(screen.split('\n').filter((line) => line.trim() === 'to stderr')).toHaveLength(1);
    expect((await h.panes()).find((p) => p.id === pane)?.state).toBe('running');
  });

  it('never starts a run while the last one is still going', async () => {
    await watch('0.1', 'sh', '-c', 'echo start >> steps.log; sleep 0.4; echo end >> steps.log');
    await waitFor('three runs finished', () => lines('steps.log').filter((l) => l === 'end').length >= 3, { timeoutMs: 15_000 });
    const steps = lines('steps.log');
    const finished = steps.slice(0, steps.lastIndexOf('end') + 1);
    expect(finished).toEqual(finished.map((_, i) => (i % 2 === 0 ? 'start' : 'end')));
  });

  it('keeps going when the command cannot start, saying why', async () => {
    const pane = await watch('0.2', 'no-such-program-for-watch');
    await h.waitForScreen(pane, 'the failure, said', /could not start: no such program on PATH · took/);
    await waitFor('still watching', async () => (await h.panes()).find((p) => p.id === pane)?.state === 'running');
  });

  it('clears the history between runs, so a noisy command cannot pile up output', async () => {
    const pane = await watch('0.2', 'sh', '-c', 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; seq 1 2000 | sed "s/^/run$n-/"');
    await waitFor('the fourth run', () => Number(lines('count')[0] ?? 0) >= 4);
    await h.waitForScreen(pane, 'a finished run', /· exit 0 ·/);
    const captured = JSON.parse(await h.ok(['capture', pane, '--json', '--scrollback', '100000'])) as { lines: string[] };
    const runs = new Set(captured.lines.flatMap((line) => /^run(\d+)-/.exec(line)?.[1] ?? []));
    expect(runs.size).toBe(1);
    expect(captured.lines.length).toBeLessThan(2100);
  });

  it('refuses an interval it cannot use, with a sentence and exit 2', async () => {
    const result = await h.cli(['watch', '--interval', 'soon', '--', 'true']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--interval "soon" is not a number of seconds between 0\.1 and 86400/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
