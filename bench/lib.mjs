// Shared pieces of the benchmarks: a private deck env, tmux on its own socket, /proc readings.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'dot-agent-deck.js');
const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat times are in these ticks.

export function ensureTmux() {
  try {
    return execFileSync('tmux', ['-V'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('tmux is not installed; the benchmarks compare against it (apt-get install tmux)');
  }
}

export function deckEnv() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'dad-bench-')));
  const runtime = join(root, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  const env = {
    ...process.env,
    HOME: join(root, 'home'),
    DOT_AGENT_DECK_RUNTIME_DIR: runtime,
    DOT_AGENT_DECK_STATE_DIR: join(root, 'state'),
    DOT_AGENT_DECK_CONFIG_DIR: join(root, 'config'),
  };
  for (const name of ['DOT_AGENT_DECK_SOCKET', 'DOT_AGENT_DECK_PANE_ID', 'DOT_AGENT_DECK_AGENT_ID', 'TMUX']) delete env[name];
  mkdirSync(env.HOME);
  return { root, env, socket: join(runtime, 'daemon.sock'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function deck(env, ...args) {
  return execFileSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
}

export function tmux(socketName, ...args) {
  return execFileSync('tmux', ['-L', socketName, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

/** Stops a tmux server that may already have exited with its last session. */
export function tmuxKill(socketName) {
  try {
    tmux(socketName, 'kill-server');
  } catch {
    // No server left: it exited with its last session.
  }
}

export function tmuxServerPid(socketName) {
  return Number(tmux(socketName, 'display-message', '-p', '#{pid}').trim());
}

/** Resident memory of a process in MiB. */
export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export async function sleep(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until(description, predicate, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${description}`);
    await sleep(10);
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spawnDetached(command, args, env) {
  const child = spawn(command, args, { env, stdio: 'ignore', detached: true });
  child.unref();
  return child;
}

/** The 1-, 5- and 15-minute load averages, as `uptime` shows them. */
export function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
