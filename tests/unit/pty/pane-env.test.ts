import { describe, expect, it } from 'vitest';
import { buildPaneEnv, PANE_ENV } from '../../../src/pty/pane-env.js';

const identity = { socketPath: '/run/deck.sock', paneId: 'pane-7', agentId: 'agent-42' };

describe('buildPaneEnv', () => {
  it('sets the deck ids and the terminal type', () => {
    expect(buildPaneEnv({ PATH: '/bin', HOME: '/home/u' }, identity)).toEqual({
      PATH: '/bin',
      HOME: '/home/u',
      [PANE_ENV.socket]: '/run/deck.sock',
      [PANE_ENV.paneId]: 'pane-7',
      [PANE_ENV.agentId]: 'agent-42',
      TERM: 'xterm-256color',
      COLORTERM: 'truecolor',
    });
  });

  it.each([
    ['an inherited socket', PANE_ENV.socket],
    ['an inherited pane id', PANE_ENV.paneId],
    ['an inherited agent id', PANE_ENV.agentId],
  ])('replaces %s', (_name, key) => {
    expect(buildPaneEnv({ [key]: 'stale' }, identity)[key]).not.toBe('stale');
  });

  it.each(['TMUX', 'TMUX_PANE', 'STY', 'WINDOW', 'WINDOWID', 'TERMCAP', 'COLUMNS', 'LINES', 'TERM_PROGRAM', 'TERM_PROGRAM_VERSION'])(
    'drops %s, which describes another terminal',
    (key) => {
      expect(buildPaneEnv({ [key]: 'outer' }, identity)).not.toHaveProperty(key);
    },
  );

  it('overrides an inherited TERM and drops undefined values', () => {
    const env = buildPaneEnv({ TERM: 'screen', COLORTERM: undefined, KEEP: 'yes', GONE: undefined }, identity);
    expect(env.TERM).toBe('xterm-256color');
    expect(env.KEEP).toBe('yes');
    expect(env).not.toHaveProperty('GONE');
  });

  it('leaves other DOT_AGENT_DECK_ variables alone', () => {
    expect(buildPaneEnv({ DOT_AGENT_DECK_HOME: '/tmp/deck' }, identity).DOT_AGENT_DECK_HOME).toBe('/tmp/deck');
  });
});
