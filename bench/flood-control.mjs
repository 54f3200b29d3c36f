// Issue #11 item 12: control requests while 20 panes flood output, and the daemon's memory after.
// Budgets: `ls` and `send` p95 ≤ 100 ms during the flood; daemon RSS a minute after the flood
// within +50 MiB of its level before it.
//
// Deck: a private daemon with 20 panes (120×40, 10,000 lines of scrollback, the defaults), each
// running bench/flood-writer.mjs. Requests go through one connection made with the project's
// client (dist/protocol/connection.js), so the time is the daemon's, not a CLI start-up; a few
// full CLI runs (`dot-agent-deck ls`, `send --no-submit`) are timed as well.
// tmux: a server with 20 windows of the same size and history-limit, the same writers. Requests
// go through a control-mode client (`tmux -C`, output notifications off), the nearest thing to
// a request socket, and a few `tmux list-windows` / `send-keys` runs are timed as the CLI.
//
// The two run one after the other (2 cores: side by side they would share them).
// `node bench/run.mjs flood-control`, or `node bench/flood-control.mjs` for JSON.
// BENCH_VERBOSE=1 prints progress; FLOOD_MS, PROBE_MS and AFTER_MS change the phases (a quick
// check of the harness, not a result).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '../dist/protocol/connection.js';
import { VERSION } from '../dist/common/version.js';
import { BIN, deck, deckEnv, loadAverage, median, rssMiB, sleep, tmux, tmuxKill, tmuxServerPid, until } from './lib.mjs';

const WRITER = fileURLToPath(new URL('./flood-writer.mjs', import.meta.url));
const PANES = 20;
const COLS = 120;
const ROWS = 40;
const FLOOD_MS = Number(process.env.FLOOD_MS ?? 40_000);
/** Request probing starts this long into the flood (every pane is writing by then). */
const WARMUP_MS = 3000;
/** Socket requests are probed this long, then the CLI runs; both inside the flood. */
const PROBE_MS = Number(process.env.PROBE_MS ?? 25_000);
const CLI_RUNS = 6;
/** Lines of scrollback per pane on both sides (FLOOD_SCROLLBACK=1000 separates the screens'
 *  history from the rest of the memory). */
const SCROLLBACK = Number(process.env.FLOOD_SCROLLBACK ?? 10_000);
const AFTER_MS = Number(process.env.AFTER_MS ?? 60_000);
const verbose = process.env.BENCH_VERBOSE === '1';
const log = (...args) => verbose && process.stderr.write(`${args.join(' ')}\n`);

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const stats = (values) => ({ n: values.length, p50: median(values), p95: percentile(values, 95), max: Math.max(...values) });
const fmt = (s) => `p50 ${s.p50.toFixed(0)} / p95 ${s.p95.toFixed(0)} / max ${s.max.toFixed(0)} ms (n ${s.n})`;

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(command, args, { env, encoding: 'utf8' }, (error) => (error ? reject(error) : resolve(performance.now() - start)));
  });
}

/** Samples a process's RSS every 250 ms; `peak` is the most seen. */
function rssSampler(pid) {
  const sampler = { peak: rssMiB(pid), stop: () => clearInterval(timer) };
  const timer = setInterval(() => {
    try {
      sampler.peak = Math.max(sampler.peak, rssMiB(pid));
    } catch {
      // The process is gone; the caller notices.
    }
  }, 250);
  return sampler;
}

/** Alternates `ls` and `send` (one key, no Enter, to the next pane) for `ms`, 50 ms apart. */
async function probe(ls, send, ms) {
  const times = { ls: [], send: [] };
  const end = performance.now() + ms;
  for (let i = 0; performance.now() < end; i++) {
    let start = performance.now();
    await ls();
    times.ls.push(performance.now() - start);
    await sleep(50);
    start = performance.now();
    await send(i % PANES);
    times.send.push(performance.now() - start);
    await sleep(50);
  }
  return times;
}

function writtenBytes(startFile) {
  let total = 0;
  for (let i = 0; i < PANES; i++) total += Number(readFileSync(`${startFile}.bytes.${i}`, 'utf8'));
  return total;
}

/**
 * One side's run: settle, RSS before, an idle probe, start the flood, probe requests, the CLI
 * runs, wait for the flood's end, RSS a minute later.
 */
async function measure(side) {
  await sleep(3000);
  const before = rssMiB(side.pid());
  const idle = await probe(side.ls, side.send, 2000);
  const sampler = rssSampler(side.pid());
  writeFileSync(side.startFile, '');
  const floodStart = performance.now();
  await sleep(WARMUP_MS);
  log(`${side.kind}: flooding, load ${loadAverage()}`);
  const flood = await probe(side.ls, side.send, PROBE_MS);
  // The CLI start-up alone (`--version`; tmux: `-V`) under the same load, so the daemon's share
  // of a CLI run can be told from the client's own start.
  const cli = { ls: [], send: [], start: [] };
  for (let i = 0; i < CLI_RUNS && performance.now() - floodStart < FLOOD_MS - 1000; i++) {
    cli.ls.push(await side.cliLs());
    cli.send.push(await side.cliSend(i % PANES));
    cli.start.push(await side.cliStart());
  }
  const loadDuring = loadAverage();
  await sleep(Math.max(0, FLOOD_MS - (performance.now() - floodStart)));
  await until(`${side.kind}: every writer finished`, () => [...Array(PANES).keys()].every((i) => existsSync(`${side.startFile}.bytes.${i}`)), 60_000);
  const floodEnd = performance.now();
  const bytes = writtenBytes(side.startFile);
  log(`${side.kind}: flood over, ${(bytes / 2 ** 20).toFixed(0)} MiB written, peak RSS ${sampler.peak.toFixed(0)} MiB`);
  await sleep(AFTER_MS - (performance.now() - floodEnd));
  sampler.stop();
  const after = rssMiB(side.pid());
  const afterProbe = await probe(side.ls, side.send, 2000);
  const result = {
    idle: { ls: stats(idle.ls), send: stats(idle.send) },
    flood: { ls: stats(flood.ls), send: stats(flood.send) },
    cli: { ls: stats(cli.ls), send: stats(cli.send), start: stats(cli.start) },
    after: { ls: stats(afterProbe.ls), send: stats(afterProbe.send) },
    rss: { before, peak: sampler.peak, after },
    throughputMBs: bytes / 1e6 / ((floodEnd - floodStart) / 1000),
    load: loadDuring,
  };
  log(`${side.kind}: ${JSON.stringify(result)}`);
  return result;
}

async function deckSide() {
  const world = deckEnv();
  mkdirSync(world.env.DOT_AGENT_DECK_CONFIG_DIR, { recursive: true });
  writeFileSync(join(world.env.DOT_AGENT_DECK_CONFIG_DIR, 'config.toml'), `scrollback_lines = ${SCROLLBACK}\n`);
  const startFile = join(world.root, 'start');
  for (let i = 0; i < PANES; i++) deck(world.env, 'new', '--name', `f${i}`, '--', `node ${WRITER} ${startFile} ${FLOOD_MS} ${i}`);
  const pid = Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid);
  const connection = await Connection.connect({ socketPath: world.socket, client: 'cli', version: VERSION });
  try {
    return await measure({
      kind: 'deck',
      startFile,
      pid: () => pid,
      ls: () => connection.request({ kind: 'list' }),
      send: (i) => connection.request({ kind: 'send', pane: `f${i}`, text: 'x', submit: false }),
      cliLs: () => run(process.execPath, [BIN, 'ls'], world.env),
      cliSend: (i) => run(process.execPath, [BIN, 'send', '--no-submit', `f${i}`, 'x'], world.env),
      cliStart: () => run(process.execPath, [BIN, '--version'], world.env),
    });
  } finally {
    connection.dispose();
    try {
      deck(world.env, 'daemon', 'stop', '--force');
    } catch {
      // Already gone.
    }
    world.cleanup();
  }
}

/** A tmux control-mode client: one command at a time, resolved at its %end (or %error). */
function controlClient(name) {
  const child = spawn('tmux', ['-L', name, '-f', '/dev/null', '-C', 'attach-session'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = [];
  let buffered = '';
  let inReply = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data) => {
    buffered += data;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      // Replies to this client's own commands carry flags 1; the attach's own reply is skipped.
      if (/^%begin \d+ \d+ 1$/.test(line)) inReply = true;
      else if (inReply && /^%(end|error) \d+ \d+ 1$/.test(line)) {
        inReply = false;
        waiting.shift()?.();
      }
    }
  });
  return {
    command: (text) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${text}\n`);
      }),
    close: () => child.kill('SIGTERM'),
  };
}

async function tmuxSide(root) {
  const name = `dad-bench-flood-${process.pid}`;
  const startFile = join(root, 'tmux-start');
  const command = (i) => `node ${WRITER} ${startFile} ${FLOOD_MS} ${i}`;
  tmux(name, 'set-option', '-g', 'history-limit', String(SCROLLBACK), ';', 'new-session', '-d', '-x', String(COLS), '-y', String(ROWS), command(0));
  for (let i = 1; i < PANES; i++) tmux(name, 'new-window', '-d', command(i));
  const pid = tmuxServerPid(name);
  const control = controlClient(name);
  try {
    await control.command('refresh-client -f no-output');
    const target = (i) => `:${i}`;
    return await measure({
      kind: 'tmux',
      startFile,
      pid: () => pid,
      ls: () => control.command('list-windows'),
      send: (i) => control.command(`send-keys -t ${target(i)} -l x`),
      cliLs: () => run('tmux', ['-L', name, '-f', '/dev/null', 'list-windows']),
      cliSend: (i) => run('tmux', ['-L', name, '-f', '/dev/null', 'send-keys', '-t', target(i), '-l', 'x']),
      cliStart: () => run('tmux', ['-V']),
    });
  } finally {
    control.close();
    tmuxKill(name);
  }
}

export async function floodControl(dir) {
  const d = await deckSide();
  const t = await tmuxSide(dir);
  const ratio = (a, b) => (b > 0 ? a / b : null);
  const rss = (r) =>
    `${r.rss.before.toFixed(0)} → peak ${r.rss.peak.toFixed(0)} → ${r.rss.after.toFixed(0)} MiB a minute after (+${(r.rss.after - r.rss.before).toFixed(0)})`;
  const load = `load ${d.load} / ${t.load}`;
  return [
    {
      name: `ls during a 20-pane flood (socket; tmux: control-mode list-windows) [${load}]`,
      deck: fmt(d.flood.ls),
      tmux: fmt(t.flood.ls),
      ratio: ratio(d.flood.ls.p95, t.flood.ls.p95),
      budget: 'p95 ≤ 100 ms',
      pass: d.flood.ls.p95 <= 100,
      raw: { deck: d, tmux: t },
    },
    {
      name: 'send during the flood (socket, one key, no Enter; tmux: send-keys -l)',
      deck: fmt(d.flood.send),
      tmux: fmt(t.flood.send),
      ratio: ratio(d.flood.send.p95, t.flood.send.p95),
      budget: 'p95 ≤ 100 ms',
      pass: d.flood.send.p95 <= 100,
    },
    {
      name: 'CLI runs during the flood: `ls`; `send --no-submit`; start-up alone `--version` (tmux: list-windows; send-keys; -V)',
      deck: `${fmt(d.cli.ls)}; ${fmt(d.cli.send)}; ${fmt(d.cli.start)}`,
      tmux: `${fmt(t.cli.ls)}; ${fmt(t.cli.send)}; ${fmt(t.cli.start)}`,
      ratio: ratio(d.cli.ls.p50, t.cli.ls.p50),
      budget: '– (reported)',
      pass: true,
    },
    {
      name: 'output consumed during the flood (all 20 writers)',
      deck: `${d.throughputMBs.toFixed(1)} MB/s`,
      tmux: `${t.throughputMBs.toFixed(1)} MB/s`,
      ratio: ratio(d.throughputMBs, t.throughputMBs),
      budget: '– (reported)',
      pass: true,
    },
    {
      name: `server RSS: before → peak → a minute after the flood (${PANES} panes × ${SCROLLBACK} lines of scrollback × ${COLS} cols)`,
      deck: rss(d),
      tmux: rss(t),
      ratio: ratio(d.rss.after, t.rss.after),
      budget: '≤ before + 50 MiB',
      pass: d.rss.after - d.rss.before <= 50,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'dad-flood-bench-'));
  try {
    process.stdout.write(`${JSON.stringify(await floodControl(dir), null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
