// The environment a pane's program starts with: the caller's base environment, minus variables
// that describe some other terminal or deck, plus the deck's own identifiers and credential. Pure.
import { paneToken } from './pane-credential.js';

/** Variables every pane's program gets, so `dot-agent-deck delegate|work-done|hook` find the deck. */
export const PANE_ENV = {
  socket: 'DOT_AGENT_DECK_SOCKET',
  paneId: 'DOT_AGENT_DECK_PANE_ID',
  agentId: 'DOT_AGENT_DECK_AGENT_ID',
  /** The pane's secret credential: what proves a deck command runs inside this pane. */
  token: 'DOT_AGENT_DECK_TOKEN',
} as const;

/**
 * Dropped from the base environment. Inherited deck ids would point a nested program at the wrong
 * pane. The rest describe the terminal the daemon was started from, not the pane's emulator:
 * node-pty's own list (it scrubs these only when given process.env itself: tmux, screen, window
 * ids, a stale size), plus the outer terminal's identity, which programs use to pick features the
 * pane's emulator does not have.
 */
const SCRUBBED = [
  PANE_ENV.socket,
  PANE_ENV.paneId,
  PANE_ENV.agentId,
  PANE_ENV.token,
  'TMUX',
  'TMUX_PANE',
  'STY',
  'WINDOW',
  'WINDOWID',
  'TERMCAP',
  'COLUMNS',
  'LINES',
  'TERM_PROGRAM',
  'TERM_PROGRAM_VERSION',
];

export interface PaneIdentity {
  socketPath: string;
  paneId: string;
  agentId: string;
  /** The daemon's secret; without it the pane gets no credential (a pane engine used alone). */
  secret?: string;
}

export function buildPaneEnv(base: Record<string, string | undefined>, identity: PaneIdentity): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !SCRUBBED.includes(key)) env[key] = value;
  }
  env[PANE_ENV.socket] = identity.socketPath;
  env[PANE_ENV.paneId] = identity.paneId;
  env[PANE_ENV.agentId] = identity.agentId;
  if (identity.secret) env[PANE_ENV.token] = paneToken(identity.secret, identity.paneId, identity.agentId);
  // What the pane's emulator (xterm.js) implements: 256 colours and 24-bit colour.
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  return env;
}
