// Every filesystem location the deck uses, in one place. Each honours XDG variables and a
// DOT_AGENT_DECK_* override, so tests run in a temporary root and never touch a real home.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

const APP = 'dot-agent-deck';

function home(env: Env): string {
  return env.HOME && env.HOME.length > 0 ? env.HOME : homedir();
}

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : 0;
}

/** `$XDG_CONFIG_HOME/dot-agent-deck` — config.toml, keybindings.toml. */
export function configDir(env: Env = process.env): string {
  if (env.DOT_AGENT_DECK_CONFIG_DIR) return env.DOT_AGENT_DECK_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(home(env), '.config');
  return join(base, APP);
}

/** `$XDG_STATE_HOME/dot-agent-deck` — session.json, daemon.log, remembered choices. */
export function stateDir(env: Env = process.env): string {
  if (env.DOT_AGENT_DECK_STATE_DIR) return env.DOT_AGENT_DECK_STATE_DIR;
  const base = env.XDG_STATE_HOME || join(home(env), '.local', 'state');
  return join(base, APP);
}

/** `$XDG_CACHE_HOME/dot-agent-deck` — what can be thrown away: V8's compiled code of the deck (cli/deck-bundle.ts). */
export function cacheDir(env: Env = process.env): string {
  if (env.DOT_AGENT_DECK_CACHE_DIR) return env.DOT_AGENT_DECK_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(home(env), '.cache');
  return join(base, APP);
}

/** Private runtime dir (mode 0700) holding the socket and the start lock. */
export function runtimeDir(env: Env = process.env): string {
  if (env.DOT_AGENT_DECK_RUNTIME_DIR) return env.DOT_AGENT_DECK_RUNTIME_DIR;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, APP);
  return join(env.TMPDIR || tmpdir(), `${APP}-${uid()}`);
}

/** The daemon's socket. `DOT_AGENT_DECK_SOCKET` (set in every pane) wins. */
export function socketPath(env: Env = process.env): string {
  return env.DOT_AGENT_DECK_SOCKET || join(runtimeDir(env), 'daemon.sock');
}

/** Lock taken while one client starts the daemon; beside the socket so an override moves both. */
export function lockPath(env: Env = process.env): string {
  return `${socketPath(env)}.lock`;
}

/** The running daemon's pid, beside its socket: `daemon restart` needs it even when the daemon
 *  speaks another protocol version and refuses the handshake. */
export function daemonPidFile(env: Env = process.env): string {
  return `${socketPath(env)}.pid`;
}

/** `DOT_AGENT_DECK_CONFIG` names the file itself, as it does for the Rust original. */
export function configFile(env: Env = process.env): string {
  return env.DOT_AGENT_DECK_CONFIG || join(configDir(env), 'config.toml');
}

/** `DOT_AGENT_DECK_KEYBINDINGS` names the file itself, as it does for the Rust original. */
export function keybindingsFile(env: Env = process.env): string {
  return env.DOT_AGENT_DECK_KEYBINDINGS || join(configDir(env), 'keybindings.toml');
}

export function sessionFile(env: Env = process.env): string {
  return join(stateDir(env), 'session.json');
}

export function daemonLogFile(env: Env = process.env): string {
  return join(stateDir(env), 'daemon.log');
}

/** The project file name, looked up in a project directory. */
export const PROJECT_FILE = '.dot-agent-deck.toml';

/** The per-project coordination directory (task files, reports, journal). */
export const PROJECT_STATE_DIR = '.dot-agent-deck';

/** The deck's own view (tab, selected panes, layout), so a re-attach opens where the person left. */
export function deckViewFile(env: Env = process.env): string {
  return join(stateDir(env), 'deck-view.json');
}

/** Scheduled runs (`dot-agent-deck schedule`), kept by the daemon. */
export function schedulesFile(env: Env = process.env): string {
  return join(stateDir(env), 'schedules.json');
}
