// A private deck world per test: temporary HOME, XDG dirs, runtime dir and socket, so no test
// ever touches the user's real deck or another test's daemon.
import { mkdtempSync, rmSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DeckEnv {
  root: string;
  home: string;
  runtimeDir: string;
  stateDir: string;
  configDir: string;
  socket: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** Variables from the outer world that would point a child at another deck or change its UI. */
const SCRUB = ['DOT_AGENT_DECK_SOCKET', 'DOT_AGENT_DECK_PANE_ID', 'DOT_AGENT_DECK_AGENT_ID', 'DOT_AGENT_DECK_TOKEN', 'CI', 'TMUX', 'XDG_RUNTIME_DIR'];

export function createDeckEnv(extra: NodeJS.ProcessEnv = {}): DeckEnv {
  // Unix socket paths are limited to ~107 bytes: keep the root short.
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'dad-')));
  const home = join(root, 'home');
  const runtimeDir = join(root, 'run');
  const stateDir = join(root, 'state');
  const configDir = join(root, 'config');
  for (const dir of [home, stateDir, configDir]) mkdirSync(dir, { recursive: true });
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUB) delete env[name];
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(root, 'xdg-config'),
    XDG_STATE_HOME: join(root, 'xdg-state'),
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
    DOT_AGENT_DECK_RUNTIME_DIR: runtimeDir,
    DOT_AGENT_DECK_STATE_DIR: stateDir,
    DOT_AGENT_DECK_CONFIG_DIR: configDir,
    SHELL: '/bin/bash',
    ...extra,
  });
  return {
    root,
    home,
    runtimeDir,
    stateDir,
    configDir,
    socket: join(runtimeDir, 'daemon.sock'),
    env,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
