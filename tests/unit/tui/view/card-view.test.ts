import { describe, expect, it } from 'vitest';
import { cardView, formatSpan } from '../../../../src/tui/view/card-view.js';
import { placeOf, programName, tabRoot } from '../../../../src/tui/view/pane-place.js';
import { statsLine } from '../../../../src/tui/view/stats-line.js';
import { pane } from '../state/fixtures.js';

const NOW = Date.parse('2026-01-01T00:03:00.000Z');

describe('cardView', () => {
  it.each([
    ['no token count', null, null],
    ['a small count', { input: 400, output: 20, cacheRead: 9000, cacheCreation: 0 }, '420 tok'],
    ['thousands', { input: 12_000, output: 400, cacheRead: 0, cacheCreation: 0 }, '12.4k tok'],
  ])('shows %s', (_name, tokens, text) => {
    expect(cardView(pane('p1', { tokens }), 1, NOW, '/home/me').tokens).toBe(text);
  });

  it.each([
    ['no activity from an older daemon', undefined, { task: null, taskFor: null, tool: null }],
    [
      'a task and tools',
      { task: { line: 'Add --json', since: '2026-01-01T00:00:30.000Z' }, lastTool: 'Bash', toolCount: 7 },
      { task: 'Add --json', taskFor: '2m', tool: 'Bash ×7' },
    ],
    ['one tool call', { task: null, lastTool: 'Read', toolCount: 1 }, { task: null, taskFor: null, tool: 'Read' }],
  ])('shows %s', (_name, activity, expected) => {
    expect(cardView(pane('p1', activity ? { activity } : {}), 1, NOW, '/home/me')).toMatchObject(expected);
  });

  it('keeps the reason apart from the status word and names the agent', () => {
    const waiting = pane('p1', {
      agentType: 'claude-code',
      status: { kind: 'needs-input', tool: 'Bash', detail: null, reason: 'permission', since: '2026-01-01T00:00:00.000Z', layer: 'hook', rule: 'x' },
    });
    expect(cardView(waiting, 1, NOW, '/home/me')).toMatchObject({ reason: 'permission', badge: 'claude', status: { short: 'needs input' } });
  });
});

describe('formatSpan', () => {
  it.each([
    [0, '<1m'],
    [59_000, '<1m'],
    [12 * 60_000, '12m'],
    [125 * 60_000, '2h05'],
    [49 * 3_600_000, '2d'],
  ])('%i ms is %s', (ms, text) => expect(formatSpan(ms)).toBe(text));
});

describe('programName', () => {
  it.each([
    ['/usr/bin/node /tmp/x/sim-agent.mjs --role coder', 'node sim-agent.mjs'],
    ['claude --resume', 'claude'],
    ['/opt/bin/codex', 'codex'],
    ['FOO=1 BAR=2 gemini -m pro', 'gemini'],
    ['bash', 'bash'],
    ['python3 -u tools/run.py', 'python3 run.py'],
  ])('%s → %s', (command, name) => expect(programName(command)).toBe(name));
});

describe('place', () => {
  it.each<[string[], string | null, string | null]>([
    [['/w/app', '/w/app/api', '/w/app/web'], 'dev', '/w/app'],
    [['/w/app'], 'dev', '/w/app'],
    [['/w/app', '/x'], 'dev', null],
    [['/w/app'], null, null],
  ])('the root of %j in tab %s is %s', (cwds, tab, root) => expect(tabRoot(cwds, tab)).toBe(root));

  it.each<[string, string | null, string]>([
    ['/w/app/api', '/w/app', 'api'],
    ['/w/app', '/w/app', ''],
    ['/home/me/src', null, '~/src'],
    ['/srv/x', '/w/app', '/srv/x'],
  ])('%s under %s reads %s', (cwd, root, text) => expect(placeOf(cwd, root, '/home/me')).toBe(text));
});

describe('statsLine', () => {
  it('counts panes per state, the waiting first', () => {
    const status = (kind: 'working' | 'idle' | 'needs-input') =>
      ({ kind, tool: null, detail: null, reason: null, since: '2026-01-01T00:00:00.000Z', layer: 'hook', rule: 'x' }) as const;
    const panes = [
      pane('p1', { agentType: 'codex', status: status('working') }),
      pane('p2', { agentType: 'codex', status: status('idle') }),
      pane('p3', { agentType: 'codex', status: status('needs-input') }),
      pane('p4', { agentType: 'codex', status: status('working') }),
      pane('p5', { state: 'exited', exit: { exitCode: 0, signal: null } }),
    ];
    expect(statsLine(panes).map((s) => `${s.count} ${s.word}`)).toEqual(['1 waiting', '2 working', '1 idle', '1 exited']);
  });

  it.each([
    ['no detail', undefined, null],
    ['a lock wait', 'waiting for lock build (held by coder, 2m)', 'waiting for lock build (held by coder, 2m)'],
  ])('passes on %s', (_name, statusDetail, detail) => {
    expect(cardView(pane('p1', statusDetail === undefined ? {} : { statusDetail }), 1, NOW, '/home/me').detail).toBe(detail);
  });
});
