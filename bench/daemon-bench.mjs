// Pane throughput, daemon memory with full scrollback, idle CPU, start time — each measured beside
// tmux on the same machine in the same run. Budgets of issue #17 (issue #3's were looser).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { PaneSession } from '../dist/pty/pane-session.js';
import { Connection } from '../dist/protocol/connection.js';
import { VERSION } from '../dist/common/version.js';
import { cpuSeconds, deck, deckEnv, loadAverage, median, rssMiB, sleep, spawnDetached, tmux, tmuxKill, tmuxServerPid, until, BIN } from './lib.mjs';

const MiB = 1024 * 1024;

/** A colour log like a busy build: SGR colours on every line, ~20 MB. */
export function writeColourLog(file, bytes = 20 * MiB) {
  const colours = [31, 32, 33, 34, 35, 36, 91, 92];
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const c = colours[i % colours.length];
    const line = `\x1b[${c}m${String(i).padStart(8, '0')}\x1b[0m \x1b[1mINFO\x1b[0m compiling module_${i % 997}.ts ... \x1b[38;5;${i % 256}mok\x1b[0m ${'x'.repeat(60 + (i % 50))}\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  writeFileSync(file, lines.join(''));
  return size;
}

export async function throughput(dir) {
  const file = join(dir, 'colour.log');
  const bytes = writeColourLog(file);
  const runs = { deck: [], tmux: [] };
  for (let round = 0; round < 5; round++) {
    let start = performance.now();
    const pane = PaneSession.spawn({
      paneId: 'bench',
      agentId: 'a-bench',
      command: `cat ${file}`,
      cwd: dir,
      env: process.env,
      socketPath: join(dir, 'none.sock'),
      cols: 172,
      rows: 50,
      scrollback: 10_000,
    });
    await new Promise((resolve) => pane.onExit(resolve));
    runs.deck.push(bytes / MiB / ((performance.now() - start) / 1000));
    pane.dispose();

    // tmux: the pane drops a marker once cat is done. cat blocks while the PTY buffer is full, so
    // by then tmux has consumed all but the last buffer-full, as the deck has at its exit event.
    const name = `dad-bench-tp-${process.pid}-${round}`;
    const marker = join(dir, `tmux-done-${round}`);
    start = performance.now();
    tmux(name, 'new-session', '-d', '-x', '172', '-y', '50', `cat ${file}; touch ${marker}; sleep 100000`);
    await until('tmux drained the log', () => existsSync(marker), 120_000);
    runs.tmux.push(bytes / MiB / ((performance.now() - start) / 1000));
    tmuxKill(name);
  }
  const deckMBs = median(runs.deck);
  const tmuxMBs = median(runs.tmux);
  return {
    name: `throughput (20 MB colour log, detached) [load ${loadAverage()}]`,
    deck: `${deckMBs.toFixed(1)} MB/s`,
    tmux: `${tmuxMBs.toFixed(1)} MB/s`,
    ratio: deckMBs / tmuxMBs,
    budget: '≥ 1.3× tmux',
    pass: deckMBs / tmuxMBs >= 1.3,
  };
}

const FILL = `bash --norc --noprofile -c 'seq -f "%0172g" 1 12000; echo FILLED; exec sleep 100000'`;

export async function memory() {
  const world = deckEnv();
  const name = `dad-bench-mem-${process.pid}`;
  try {
    // The deck's panes at tmux's size (172×50), made over the socket: the CLI's `new` has no size.
    deck(world.env, 'daemon', 'start');
    const connection = await Connection.connect({ socketPath: world.socket, client: 'cli', version: VERSION });
    try {
      for (let i = 0; i < 5; i++) await connection.request({ kind: 'new', name: `fill${i}`, command: FILL, cwd: world.root, cols: 172, rows: 50 });
    } finally {
      connection.dispose();
    }
    await until('deck panes filled', () => [0, 1, 2, 3, 4].every((i) => deck(world.env, 'capture', `fill${i}`).includes('FILLED')), 120_000);
    const daemonPid = Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid);
    await sleep(500);
    const deckRss = rssMiB(daemonPid);
    const deckLoad = loadAverage();

    tmux(name, 'set-option', '-g', 'history-limit', '10000', ';', 'new-session', '-d', '-x', '172', '-y', '50', FILL);
    for (let i = 1; i < 5; i++) tmux(name, 'new-window', '-d', FILL);
    await until(
      'tmux panes filled',
      () => {
        const panes = tmux(name, 'list-panes', '-a', '-F', '#{pane_id}').trim().split('\n');
        return panes.every((pane) => tmux(name, 'capture-pane', '-p', '-t', pane).includes('FILLED'));
      },
      120_000,
    );
    const tmuxRss = rssMiB(tmuxServerPid(name));
    return {
      name: `daemon RSS, 5 panes × 10,000 lines × 172 cols [load ${deckLoad} / ${loadAverage()}]`,
      deck: `${deckRss.toFixed(0)} MiB`,
      tmux: `${tmuxRss.toFixed(0)} MiB`,
      ratio: deckRss / tmuxRss,
      budget: '≤ 2× tmux',
      pass: deckRss <= 2 * tmuxRss,
    };
  } finally {
    try {
      deck(world.env, 'daemon', 'stop', '--force');
    } catch {
      /* already gone */
    }
    tmuxKill(name);
    world.cleanup();
  }
}

export async function idleCpu(seconds = 10) {
  const world = deckEnv();
  const name = `dad-bench-idle-${process.pid}`;
  try {
    for (let i = 0; i < 5; i++) deck(world.env, 'new', '--', 'bash --norc --noprofile');
    tmux(name, 'new-session', '-d', '-x', '172', '-y', '50', 'bash --norc --noprofile');
    for (let i = 1; i < 5; i++) tmux(name, 'new-window', '-d', 'bash --norc --noprofile');
    const daemonPid = Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid);
    const tmuxPid = tmuxServerPid(name);
    // Let every shell finish starting (its prompt, the first frame parsed) before measuring.
    await sleep(3000);
    const before = { deck: cpuSeconds(daemonPid), tmux: cpuSeconds(tmuxPid) };
    await sleep(seconds * 1000);
    const deckPct = ((cpuSeconds(daemonPid) - before.deck) / seconds) * 100;
    const tmuxPct = ((cpuSeconds(tmuxPid) - before.tmux) / seconds) * 100;
    return {
      name: `idle CPU, 5 idle panes, ${seconds} s [load ${loadAverage()}]`,
      deck: `${deckPct.toFixed(2)} %`,
      tmux: `${tmuxPct.toFixed(2)} %`,
      ratio: tmuxPct > 0 ? deckPct / tmuxPct : null,
      budget: '≤ 0.2 %',
      pass: deckPct <= 0.2,
    };
  } finally {
    try {
      deck(world.env, 'daemon', 'stop', '--force');
    } catch {
      /* already gone */
    }
    tmuxKill(name);
    world.cleanup();
  }
}

const canConnect = (socket) =>
  new Promise((resolve) => {
    const s = net.createConnection(socket);
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

export async function startTime(rounds = 5) {
  const deckTimes = [];
  const tmuxTimes = [];
  for (let round = 0; round < rounds; round++) {
    const world = deckEnv();
    try {
      const start = performance.now();
      spawnDetached(process.execPath, [BIN, 'daemon', 'run'], world.env);
      await until('socket ready', () => canConnect(world.socket), 10_000);
      deckTimes.push(performance.now() - start);
      deck(world.env, 'daemon', 'stop', '--force');
    } finally {
      world.cleanup();
    }
    const name = `dad-bench-start-${process.pid}-${round}`;
    const start = performance.now();
    tmux(name, 'new-session', '-d', 'sleep 100000');
    tmuxTimes.push(performance.now() - start);
    tmuxKill(name);
  }
  const d = median(deckTimes);
  const t = median(tmuxTimes);
  return {
    name: `daemon start → socket ready (median of 5) [load ${loadAverage()}]`,
    deck: `${d.toFixed(0)} ms`,
    tmux: `${t.toFixed(0)} ms (new-session -d)`,
    ratio: d / t,
    budget: '≤ 150 ms',
    pass: d <= 150,
  };
}
