import { describe, expect, it } from 'vitest';
import { WorkspaceModePane, WorkspaceModeRule } from '../../../src/config/project-schema.js';
import { chooseSlot, matchingRule, persistentCommand, reactiveCommand, reactiveTitle, type ReactiveSlot } from '../../../src/daemon/mode-plan.js';
import { parseCommandLine } from '../../../src/pty/command-line.js';
import type { ShellCommand } from '../../../src/protocol/pane-status.js';

const pane = (over: Record<string, unknown>) => WorkspaceModePane.parse(over);
const rule = (over: Record<string, unknown>) => WorkspaceModeRule.parse(over);

describe('persistentCommand', () => {
  it.each([
    ['a watched plain command goes through watch as argv', { command: 'git status --short' }, 'dot-agent-deck watch --interval 10 -- git status --short'],
    [
      'shell syntax goes to the shell as one argument',
      { command: 'git log | head -5' },
      "dot-agent-deck watch --interval 10 -- /bin/bash -c 'git log | head -5'",
    ],
    ['watch = false runs the command as written', { command: 'kubectl get pods -w', watch: false }, 'kubectl get pods -w'],
  ])('%s', (_name, config, expected) => {
    expect(persistentCommand(pane(config), '/bin/bash')).toBe(expected);
  });
});

describe('reactiveCommand', () => {
  it.each<[string, ShellCommand, Record<string, unknown>, string[]]>([
    [
      'a script runs whole in the shell',
      { kind: 'script', script: `echo "$HOME" 'it''s' ; ls` },
      { pattern: 'x' },
      ['/bin/sh', '-c', `echo "$HOME" 'it''s' ; ls`],
    ],
    ['an argv runs as it is', { kind: 'argv', argv: ['bash', '-lc', 'npm test'] }, { pattern: 'x' }, ['bash', '-lc', 'npm test']],
    [
      'a watched rule re-runs it every interval',
      { kind: 'script', script: 'npm test' },
      { pattern: 'x', watch: true, interval: 3 },
      ['dot-agent-deck', 'watch', '--interval', '3', '--', '/bin/sh', '-c', 'npm test'],
    ],
    [
      'a watched rule without interval: 5 s',
      { kind: 'argv', argv: ['make'] },
      { pattern: 'x', watch: true },
      ['dot-agent-deck', 'watch', '--interval', '5', '--', 'make'],
    ],
  ])('%s, and the line splits back into the same argv', (_name, command, config, argv) => {
    const line = reactiveCommand(command, rule(config), '/bin/sh');
    const parsed = parseCommandLine(line);
    // Plain words are exec'd as they are; a line with shell syntax is given to `$SHELL -c`, which
    // undoes exactly the quoting (checked against a real shell in the integration tests).
    if (parsed.kind === 'argv') expect(parsed.argv).toEqual(argv);
    else expect(line).toContain(`'${argv.at(-1)!.replace(/'/g, `'\\''`)}'`);
  });
});

describe('matchingRule', () => {
  const rules = [rule({ pattern: '^npm (run )?test' }), rule({ pattern: '(?i)^CARGO' }), rule({ pattern: 'deploy' })];
  it.each([
    ['npm test', '^npm (run )?test'],
    ['npm run test -- --watch', '^npm (run )?test'],
    ['cargo build', '(?i)^CARGO'],
    ['make deploy', 'deploy'],
    ['ls -la', null],
  ])('%s → %s', (line, pattern) => {
    expect(matchingRule(rules, line)?.pattern ?? null).toBe(pattern);
  });
});

describe('chooseSlot', () => {
  const slot = (paneId: string, n: number, ranAt: string): ReactiveSlot => ({ paneId, mode: { mode: 'dev', part: 'reactive', slot: n, rule: 'x', ranAt } });
  it.each([
    ['an empty pool opens slot 0', [], 2, { kind: 'new', slot: 0 }],
    ['a free slot is filled first', [slot('p5', 0, '2026-01-01T00:00:00Z')], 2, { kind: 'new', slot: 1 }],
    ['a gap left by a closed pane is filled', [slot('p6', 1, '2026-01-01T00:00:00Z')], 2, { kind: 'new', slot: 0 }],
    [
      'a full pool reuses the oldest',
      [slot('p5', 0, '2026-01-01T00:00:09Z'), slot('p6', 1, '2026-01-01T00:00:01Z')],
      2,
      { kind: 'reuse', paneId: 'p6', slot: 1 },
    ],
    [
      'a smaller capacity after an edit still reuses',
      [slot('p5', 0, '2026-01-01T00:00:09Z'), slot('p6', 1, '2026-01-01T00:00:10Z')],
      1,
      { kind: 'reuse', paneId: 'p5', slot: 0 },
    ],
  ])('%s', (_name, pool, capacity, expected) => {
    expect(chooseSlot(pool as ReactiveSlot[], capacity)).toEqual(expected);
  });
});

describe('reactiveTitle', () => {
  it.each([
    ['npm test', new Date(2026, 0, 1, 9, 5, 7), 'npm test · 09:05:07'],
    ['npm   test\n--run', new Date(2026, 0, 1, 23, 59, 0), 'npm test --run · 23:59:00'],
    ['x'.repeat(100), new Date(2026, 0, 1, 0, 0, 0), `${'x'.repeat(59)}… · 00:00:00`],
  ])('%j', (line, at, title) => {
    expect(reactiveTitle(line, at)).toBe(title);
  });
});
