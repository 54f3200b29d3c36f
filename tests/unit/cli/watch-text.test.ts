import { describe, expect, it } from 'vitest';
import { displayCommand, endLine, parseInterval } from '../../../src/cli/watch/watch-text.js';

describe('watch text', () => {
  it.each([
    [undefined, { ok: true, seconds: 10 }],
    ['2', { ok: true, seconds: 2 }],
    ['0.5', { ok: true, seconds: 0.5 }],
    ['0', { ok: false }],
    ['-1', { ok: false }],
    ['1e3', { ok: false }],
    ['soon', { ok: false }],
    ['86401', { ok: false }],
  ])('--interval %s', (text, expected) => {
    expect(parseInterval(text)).toMatchObject(expected);
  });

  it.each([
    [['git', 'status'], 'git status'],
    [['kubectl', 'get', 'pods', '-n', 'kube-system'], 'kubectl get pods -n kube-system'],
    [['sh', '-c', 'echo a | wc -l'], "sh -c 'echo a | wc -l'"],
    [['echo', "it's"], "echo 'it'\\''s'"],
  ])('shows %j as %s', (argv, shown) => {
    expect(displayCommand(argv)).toBe(shown);
  });

  it.each([
    [{ kind: 'exit', code: 0 } as const, /exit 0 · took 1\.5 s · next run in 10 s/],
    [{ kind: 'signal', signal: 'SIGKILL' } as const, /killed by SIGKILL/],
    [{ kind: 'failed', reason: 'could not start: no such program on PATH' } as const, /could not start: no such program on PATH/],
  ])('ends a run %j with the time, the outcome and the next run', (end, shown) => {
    const start = new Date(2026, 11, 2, 23, 0, 0);
    const line = endLine(end, start, new Date(start.getTime() + 1500), 10);
    expect(line).toMatch(/— 23:00:01 · /);
    expect(line).toMatch(shown);
  });
});
