// Issue #17 item 6: the daemon at 1, 5, 20 and 50 panes, half of them flooding output, the rest
// idle agents (one of them `cat`, the focused pane). At each size: daemon CPU and RSS over the
// flood, `ls` latency and the focused pane's echo latency (socket: from sending a key until a
// frame shows the cursor past it), RSS growth per pane, and whether any flooding pane lost output
// (its kept history must be consecutive numbers up to its END line). tmux runs the same panes
// (server CPU and RSS) after each deck size, as the reference. Budgets at 50 panes: echo p95 ≤ 15
// ms, `ls` p95 ≤ 50 ms, RSS ≤ 600 MiB, nothing lost. How long the daemon's thread waited for a CPU
// while runnable (schedstat) says how much of a latency was the machine's, not the event loop's.
//
// `node bench/run.mjs scale`; SCALE_SIZES=1,5 and SCALE_FLOOD_S=5 change the run (a quick check
// of the harness, not a result). SCALE_DAEMON_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles
// the daemon (it writes the profile when the run stops it).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '../dist/protocol/connection.js';
import { VERSION } from '../dist/common/version.js';
import { BIN, cpuSeconds, deck, deckEnv, loadAverage, median, rssMiB, sleep, tmux, tmuxKill, tmuxServerPid, until } from './lib.mjs';

const SIZES = (process.env.SCALE_SIZES ?? '1,5,20,50').split(',').map(Number);
const FLOOD_S = Number(process.env.SCALE_FLOOD_S ?? 12);
const COLS = 120;
const ROWS = 40;

/** Waits for the start file, prints consecutive numbers for `seconds`, then `END n`. */
const flooder = (startFile, seconds) =>
  `bash --norc --noprofile -c 'while [ ! -e ${startFile} ]; do sleep 0.1; done; i=0; end=$((SECONDS+${seconds})); while [ $SECONDS -lt $end ]; do seq $i $((i+9999)); i=$((i+10000)); done; echo "END $i"; exec sleep 100000'`;
const IDLE_AGENT = 'bash --norc --noprofile';
const FOCUSED = `bash --norc --noprofile -c 'stty -echo -icanon; exec cat'`;
const ECHO_TIMEOUT_MS = 5000;

/**
 * SCALE_DAEMON_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR': the daemon started by hand with these
 * node flags (NODE_OPTIONS refuses --cpu-prof); it writes its profile when the run stops it.
 */
function startProfiledDaemon(world) {
  const args = process.env.SCALE_DAEMON_NODE_ARGS?.split(' ').filter(Boolean);
  if (!args?.length) return null;
  return spawn(process.execPath, [...args, BIN, 'daemon', 'run'], { env: { ...world.env, DOT_AGENT_DECK_DAEMON: '1' }, stdio: 'ignore', cwd: '/' });
}

/** Time the daemon's main thread was runnable but waiting for a CPU (/proc/PID/schedstat), ms. */
function runQueueWaitMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** True when the kept history ends with `END n` right after n - 1, n - 2, … with no gap. */
function intact(lines) {
  const end = lines.findLastIndex((line) => /^END \d+$/.test(line));
  if (end < 1) return false;
  let expected = Number(lines[end].slice(4)) - 1;
  let checked = 0;
  for (let i = end - 1; i >= 0 && lines[i] !== ''; i--, expected--, checked++) if (lines[i] !== String(expected)) return false;
  return checked > 0;
}

/** Echo of one key in the focused pane: send it, wait for a frame with the cursor past it. */
function echoProbe(connection, paneId) {
  let cursorX = 0;
  let waiter = null;
  connection.onFrame((frame) => {
    if (frame.paneId !== paneId) return;
    cursorX = frame.cursor.x;
    if (waiter && cursorX === waiter.x) waiter.resolve();
  });
  let typed = 0;
  /** Sends `text`; resolves when the cursor is at `x` (or after ECHO_TIMEOUT_MS, counted as that). */
  const typeAndWait = (text, x) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ECHO_TIMEOUT_MS);
      waiter = {
        x,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      connection.request({ kind: 'send', pane: paneId, text, submit: false }).catch(() => undefined);
    });
  return async () => {
    // Back to column 0 every 60 keys, so the cursor never wraps.
    if (typed === 60) {
      typed = 0;
      await typeAndWait('\r', 0);
    }
    typed += 1;
    const start = performance.now();
    await typeAndWait('k', typed);
    waiter = null;
    return performance.now() - start;
  };
}

async function deckSize(n) {
  const world = deckEnv();
  const startFile = join(world.root, 'start');
  const flooding = Math.floor(n / 2);
  let profiled = null;
  try {
    profiled = startProfiledDaemon(world);
    if (profiled) await until('the profiled daemon listens', async () => existsSync(world.socket), 30_000);
    else deck(world.env, 'daemon', 'start');
    const pid = Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid);
    const rssEmpty = rssMiB(pid);
    const connection = await Connection.connect({ socketPath: world.socket, client: 'cli', version: VERSION });
    try {
      const made = async (name, command) => (await connection.request({ kind: 'new', name, command, cwd: world.root, cols: COLS, rows: ROWS })).pane.id;
      // The focused pane echoes each key itself, as an agent's prompt does (no line discipline echo).
      const focus = await made('focus', FOCUSED);
      for (let i = 0; i < flooding; i++) await made(`flood${i}`, flooder(startFile, FLOOD_S));
      for (let i = 0; i < n - 1 - flooding; i++) await made(`idle${i}`, IDLE_AGENT);
      await connection.request({ kind: 'subscribe', pane: focus, cols: COLS, rows: ROWS });
      const echo = echoProbe(connection, focus);
      await sleep(3000);
      const rssBefore = rssMiB(pid);
      writeFileSync(startFile, '');
      const cpu0 = cpuSeconds(pid);
      const wait0 = runQueueWaitMs(pid);
      const t0 = performance.now();
      const ls = [];
      const echoes = [];
      const echoTimes = [];
      let peak = rssBefore;
      while (performance.now() - t0 < FLOOD_S * 1000) {
        let start = performance.now();
        await connection.request({ kind: 'list' });
        ls.push(performance.now() - start);
        const sentAt = process.hrtime.bigint();
        echoes.push(await echo());
        echoTimes.push(sentAt);
        peak = Math.max(peak, rssMiB(pid));
        await sleep(50);
      }
      // SCALE_SAMPLES_DIR: each echo as `monotonic µs when sent, ms` (V8's --cpu-prof clock), for traces.
      if (process.env.SCALE_SAMPLES_DIR) {
        const lines = echoes.map((ms, i) => `${echoTimes[i] / 1000n} ${ms.toFixed(2)}`);
        writeFileSync(join(process.env.SCALE_SAMPLES_DIR, `echo-${n}-${process.pid}.txt`), `${lines.join('\n')}\n`);
      }
      const cpuPct = ((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
      const waitPct = ((runQueueWaitMs(pid) - wait0) / (performance.now() - t0)) * 100;
      const load = loadAverage();
      // Every flooding pane's END line, then its history checked for gaps.
      const capture = async (i) => (await connection.request({ kind: 'capture', pane: `flood${i}`, scrollback: 20_000 })).lines;
      await until(
        `deck ${n} panes: every flood ended`,
        async () => (await Promise.all([...Array(flooding).keys()].map(capture))).every((lines) => lines.some((line) => line.startsWith('END '))),
        120_000,
      );
      let lost = 0;
      for (let i = 0; i < flooding; i++) if (!intact(await capture(i))) lost += 1;
      const rssAfter = rssMiB(pid);
      return { n, flooding, rssEmpty, rssBefore, peak, rssAfter, cpuPct, waitPct, ls, echoes, lost, load };
    } finally {
      connection.dispose();
    }
  } finally {
    try {
      deck(world.env, 'daemon', 'stop', '--force');
    } catch {
      // Already gone.
    }
    // A profiled daemon left running skews every later run: wait for it, then end it by pid.
    if (profiled && profiled.exitCode === null && profiled.signalCode === null) {
      await Promise.race([new Promise((resolve) => profiled.once('exit', resolve)), sleep(10_000)]);
      if (profiled.exitCode === null && profiled.signalCode === null) profiled.kill('SIGKILL');
    }
    world.cleanup();
  }
}

async function tmuxSize(n, root) {
  const name = `dad-bench-scale-${process.pid}-${n}`;
  const startFile = join(root, `tmux-start-${n}`);
  const flooding = Math.floor(n / 2);
  const commands = [FOCUSED, ...Array(flooding).fill(flooder(startFile, FLOOD_S)), ...Array(n - 1 - flooding).fill(IDLE_AGENT)];
  try {
    tmux(name, 'set-option', '-g', 'history-limit', '10000', ';', 'new-session', '-d', '-x', String(COLS), '-y', String(ROWS), commands[0]);
    for (const command of commands.slice(1)) tmux(name, 'new-window', '-d', command);
    const pid = tmuxServerPid(name);
    await sleep(3000);
    const rssBefore = rssMiB(pid);
    writeFileSync(startFile, '');
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    let peak = rssBefore;
    while (performance.now() - t0 < FLOOD_S * 1000) {
      peak = Math.max(peak, rssMiB(pid));
      await sleep(250);
    }
    const cpuPct = ((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
    return { rssBefore, peak, cpuPct };
  } finally {
    tmuxKill(name);
  }
}

export async function scale(root) {
  const rows = [];
  const runs = [];
  for (const n of SIZES) {
    process.stderr.write(`  scale: ${n} panes…\n`);
    const d = await deckSize(n);
    const t = await tmuxSize(n, root);
    runs.push(d);
    const echoP95 = percentile(d.echoes, 95);
    const lsP95 = percentile(d.ls, 95);
    const atBudget = n >= 50;
    rows.push({
      name: `scale ${n} panes (${d.flooding} flooding, ${FLOOD_S} s) [load ${d.load}]: CPU; RSS before → peak; ls p50/p95; echo p50/p95; histories lost`,
      deck: `${d.cpuPct.toFixed(0)} % (waited for a CPU ${d.waitPct.toFixed(0)} %); ${d.rssBefore.toFixed(0)} → ${d.peak.toFixed(0)} MiB; ls ${median(d.ls).toFixed(1)} / ${lsP95.toFixed(1)} ms; echo ${median(d.echoes).toFixed(1)} / ${echoP95.toFixed(1)} ms (n ${d.echoes.length}); ${d.lost} of ${d.flooding} lost`,
      tmux: `${t.cpuPct.toFixed(0)} %; ${t.rssBefore.toFixed(0)} → ${t.peak.toFixed(0)} MiB`,
      ratio: t.peak > 0 ? d.peak / t.peak : null,
      budget: atBudget ? 'echo p95 ≤ 15 ms, ls p95 ≤ 50 ms, RSS ≤ 600 MiB, 0 lost' : '0 lost',
      pass: d.lost === 0 && (!atBudget || (echoP95 <= 15 && lsP95 <= 50 && d.peak <= 600)),
    });
  }
  if (runs.length > 1) {
    const [first, last] = [runs[0], runs[runs.length - 1]];
    const perPane = (last.peak - first.peak) / (last.n - first.n);
    rows.push({
      name: `scale: RSS growth per pane, ${first.n} → ${last.n} panes (peak during the flood; idle panes before it: ${((last.rssBefore - first.rssBefore) / (last.n - first.n)).toFixed(1)} MiB)`,
      deck: `${perPane.toFixed(1)} MiB`,
      tmux: '–',
      ratio: null,
      budget: '– (reported)',
      pass: true,
    });
  }
  return rows;
}
