// The first paint draws in colour only where Ink's chalk surely does: checked against the very
// supports-color that Ink's chalk decides with.
import { afterEach, describe, expect, it } from 'vitest';
import { inkDrawsColour } from '../../../../src/tui/first-paint/colour-support.js';
// Ink's own chalk (not the hoisted chalk 4 other tools use).
import { createSupportsColor } from '../../../../node_modules/ink/node_modules/chalk/source/vendor/supports-color/index.js';

const KEYS = ['FORCE_COLOR', 'CI', 'TERM', 'COLORTERM', 'TERM_PROGRAM', 'TERM_PROGRAM_VERSION', 'TF_BUILD', 'AGENT_NAME', 'TEAMCITY_VERSION', 'GITHUB_ACTIONS'];
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('inkDrawsColour', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['xterm-256color', { TERM: 'xterm-256color' }, true],
    ['screen', { TERM: 'screen' }, true],
    ['tmux-256color', { TERM: 'tmux-256color' }, true],
    ['linux console', { TERM: 'linux' }, true],
    ['an unknown TERM with COLORTERM', { TERM: 'foo', COLORTERM: 'truecolor' }, true],
    ['an unknown TERM', { TERM: 'foo' }, false],
    ['no TERM', {}, false],
    ['dumb', { TERM: 'dumb', COLORTERM: 'truecolor' }, false],
    ['FORCE_COLOR=0', { TERM: 'xterm', FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=1 (chalk colours, the first paint leaves it to Ink)', { TERM: 'xterm', FORCE_COLOR: '1' }, false],
    ['CI', { TERM: 'xterm', CI: 'true' }, false],
  ])('%s: %s', (_name, env, expected) => {
    for (const key of KEYS) delete process.env[key];
    Object.assign(process.env, env);
    const level = createSupportsColor({ isTTY: true } as never);
    const paints = inkDrawsColour(process.env, [], 'linux');
    expect(paints).toBe(expected);
    // Never a coloured first paint where Ink would draw without colour.
    if (paints) expect(level && level.level).toBeGreaterThanOrEqual(1);
  });

  it('leaves colour flags on the command line to Ink', () => {
    expect(inkDrawsColour({ TERM: 'xterm' }, ['node', 'deck', '--no-color'], 'linux')).toBe(false);
  });
});
