// Issue #4 budgets: the deck TUI beside an attached tmux client, same machine, same run.
// Both run as the client of a server (the deck daemon / the tmux server) inside a node-pty PTY at
// 200×50 that this process reads, the way a terminal emulator would.
//
//   echo         keystroke → echo on screen (median, p95), quiet and while 4 other panes flood —
//                median ≤ tmux + 1.5 ms, p95 ≤ tmux + 4 ms (issue #17 item 2)
//   attached     a pane draining a 20 MB colour log while attached — ≥ 0.9× tmux
//   first-frame  spawn → first complete frame, daemon already running with 5 panes — ≤ 250 ms,
//                and where the time goes (the deck's DOT_AGENT_DECK_TRACE_STARTUP marks)
//   tui-idle     CPU and bytes written by the client process, 5 idle panes, 10 s — < 0.5 %
//
// Run: `npx tsc -p tsconfig.build.json && node bench/run.mjs echo attached first-frame tui-idle`
// (or `node bench/tui-bench.mjs SUITE` for one suite as JSON). BENCH_VERBOSE=1 prints each
// round to stderr; BENCH_SCREENS=1 prints the screens after the echo run.
//
// Screens are read by parsing the client's output with @xterm/headless; each timestamp is the
// arrival of the PTY chunk after which the screen first satisfied the condition (the parse time
// of the measuring process is not counted). Only the throughput run skips the parser (it scans
// the raw stream for a marker) so that this process does not compete for the 2 cores.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xtermHeadless from '@xterm/headless';
import { spawn } from '@lydell/node-pty';
import { writeColourLog } from './daemon-bench.mjs';
import { BIN, cpuSeconds, deck, deckEnv, loadAverage, median, sleep, tmuxKill, until } from './lib.mjs';

const { Terminal } = xtermHeadless;
const MiB = 1024 * 1024;
const COLS = 200;
const ROWS = 50;
const PROMPT = 'bench% ';
/** What screens and captures show of the prompt (both are right-trimmed). */
const PROMPT_MARK = 'bench%';
// tmux 3.3 does not pass PS1 from its environment to a new window's program: set it in argv.
const SHELL = `env 'PS1=${PROMPT}' bash --norc --noprofile`;
const verbose = process.env.BENCH_VERBOSE === '1';
const log = (...args) => verbose && process.stderr.write(`${args.join(' ')}\n`);

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The environment of a client or server: no CI (Ink renders nothing in CI), no outer tmux. */
function clientEnv(base) {
  const env = { ...base, TERM: 'xterm-256color' };
  for (const name of ['CI', 'TMUX', 'TMUX_PANE']) delete env[name];
  return env;
}

function tmuxWith(env, socketName, ...args) {
  return execFileSync('tmux', ['-L', socketName, '-f', '/dev/null', ...args], { encoding: 'utf8', env });
}

/**
 * A terminal-emulator stand-in: a PTY running `command`, its output parsed by a headless xterm.
 * `parsed` listeners run after each chunk is parsed, with the chunk's arrival time; `raw`
 * listeners see every chunk as it arrives (parsed or not).
 */
export function openClient(command, args, { env, cwd }) {
  const term = new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, logLevel: 'off', scrollback: 0 });
  const spawnedAt = performance.now();
  const pty = spawn(command, args, { name: 'xterm-256color', cols: COLS, rows: ROWS, cwd, env });
  const client = {
    pty,
    term,
    spawnedAt,
    bytes: 0,
    parse: true,
    parsed: new Set(),
    raw: new Set(),
    exited: false,
    line: (y) => term.buffer.active.getLine(y)?.translateToString(true) ?? '',
    screen: () => Array.from({ length: ROWS }, (_, y) => client.line(y)).join('\n'),
    cell: (x, y) => term.buffer.active.getLine(y)?.getCell(x)?.getChars() ?? '',
    cursor: () => ({ x: term.buffer.active.cursorX, y: term.buffer.active.cursorY }),
    /** Resolves once everything received so far is parsed. */
    settle: () => new Promise((resolve) => term.write('', resolve)),
    /** Waits until `predicate(client)` holds; resolves with the arrival time of the chunk that made it hold. */
    async waitFor(description, predicate, timeoutMs = 20_000) {
      await client.settle();
      if (predicate(client)) return performance.now();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          client.parsed.delete(listener);
          reject(new Error(`timed out: ${description}\nscreen:\n${client.screen()}`));
        }, timeoutMs);
        const listener = (arrival) => {
          if (!predicate(client)) return;
          clearTimeout(timer);
          client.parsed.delete(listener);
          resolve(arrival);
        };
        client.parsed.add(listener);
      });
    },
    kill() {
      if (client.exited) return;
      try {
        pty.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    },
    dispose() {
      client.kill();
      term.dispose();
    },
  };
  pty.onData((data) => {
    const arrival = performance.now();
    client.bytes += Buffer.byteLength(data);
    for (const listener of client.raw) listener(data, arrival);
    if (client.parse)
      term.write(data, () => {
        for (const listener of [...client.parsed]) listener(arrival);
      });
  });
  pty.onExit(() => void (client.exited = true));
  return client;
}

// ---------------------------------------------------------------------------------------------
// The two systems, set up the same way: a server with panes, a client attached at 200×50.

/** A private deck daemon with `commands.length` panes (the first is the one shown). */
export function deckWorld(commands, cwd) {
  const world = deckEnv();
  world.env = clientEnv(world.env);
  for (const [i, command] of commands.entries())
    execFileSync(process.execPath, [BIN, 'new', '--name', `p${i + 1}`, '--', command], { env: world.env, cwd: cwd ?? world.root, encoding: 'utf8' });
  return {
    kind: 'deck',
    env: world.env,
    daemonPid: () => Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid),
    capture: (i) => deck(world.env, 'capture', `p${i + 1}`),
    /** `env` adds to the client's environment (the start-up trace file); `bin` is another build's. */
    attach: (env = {}, bin = BIN) => openClient(process.execPath, [bin], { env: { ...world.env, ...env }, cwd: cwd ?? world.root }),
    /** The deck is drawn: the status bar names the mode (raw mode is on before the first frame). */
    ready: (client) =>
      client.waitFor('the deck draws its status bar', (c) => / (COMMAND|TYPING) /.test(c.line(ROWS - 2)) || / (COMMAND|TYPING) /.test(c.line(ROWS - 1))),
    /** Enter: type into the selected pane; waits for TYPING mode. */
    async focus(client) {
      client.pty.write('\r');
      await client.waitFor('the deck is in TYPING mode', (c) => c.screen().includes(' TYPING '));
    },
    dispose() {
      try {
        deck(world.env, 'daemon', 'stop', '--force');
      } catch {
        // Already gone.
      }
      world.cleanup();
    },
  };
}

/** A tmux server on its own socket with one window per command. */
export function tmuxWorld(commands, cwd, tag) {
  const name = `dad-bench-tui-${tag}-${process.pid}`;
  const env = clientEnv(process.env);
  tmuxWith(env, name, 'new-session', '-d', '-x', String(COLS), '-y', String(ROWS - 1), '-c', cwd ?? '/tmp', commands[0]);
  for (const command of commands.slice(1)) tmuxWith(env, name, 'new-window', '-d', '-c', cwd ?? '/tmp', command);
  return {
    kind: 'tmux',
    env,
    name,
    serverPid: () => Number(tmuxWith(env, name, 'display-message', '-p', '#{pid}').trim()),
    attach: () => openClient('tmux', ['-L', name, '-f', '/dev/null', 'attach-session'], { env, cwd: cwd ?? '/tmp' }),
    ready: (client) => client.waitFor('tmux draws its status line', (c) => /^\[0\] /.test(c.line(ROWS - 1))),
    async focus() {},
    dispose: () => tmuxKill(name),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. keystroke → echo
//
// `cat` in the pane: the echo comes from the pane's line discipline, so the time is the
// multiplexer's alone (server read → client → terminal). The expected cell is where the outer
// cursor is before the key (both place the terminal cursor at the pane's cursor); the key counts
// as echoed when that cell shows it. Keys cycle a–z; every 60 keys Enter starts a fresh row. The
// two systems alternate line by line so a change in machine load hits both alike.

export const LINE_KEYS = 60;

export async function openTyping(world) {
  const client = world.attach();
  await world.ready(client);
  await world.focus(client);
  await sleep(300);
  await client.settle();
  return client;
}

export async function typeLine(client, first, count, latencies) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = first; i < first + count; i++) {
    const ch = letters[i % letters.length];
    const { x, y } = client.cursor();
    if (client.cell(x, y) === ch) throw new Error(`the cell under the cursor (${x},${y}) already shows ${ch}`);
    const echoed = client.waitFor(`echo of key ${i} (${ch}) at ${x},${y}`, (c) => c.cell(x, y) === ch, 5000);
    const sentAt = performance.now();
    client.pty.write(ch);
    latencies.push((await echoed) - sentAt);
    // A small, irregular gap so keys do not beat in step with any timer (the daemon's frame
    // pump coalesces to one frame per 33 ms; people type 5–10 keys per second).
    await sleep(40 + Math.random() * 40);
    await client.settle();
  }
  // cat prints the line back; the next keys go to a fresh row. Not measured.
  const { y } = client.cursor();
  client.pty.write('\r');
  await client.waitFor('cat prints the line', (c) => c.cursor().y >= y + 2);
  await sleep(150);
  await client.settle();
}

/**
 * A pane that floods output while `flag` exists (numbers, as fast as the PTY takes them) and
 * idles otherwise, so each side floods only while its own keys are measured.
 */
const flooder = (flag) => `bash --norc --noprofile -c 'while :; do if [ -e ${flag} ]; then seq 1 20000; else sleep 0.05; fi; done'`;
export const FLOODING_PANES = 4;

/** Types `keys` keys on each side, the sides alternating line by line; `during(i, on)` runs before and after side i's lines. */
async function typeAlternating(clients, keys, during = async () => undefined) {
  const ms = clients.map(() => []);
  for (let line = 0; line * LINE_KEYS < keys; line++) {
    const order = line % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      await during(i, true);
      await typeLine(clients[i], line * LINE_KEYS, Math.min(LINE_KEYS, keys - line * LINE_KEYS), ms[i]);
      await during(i, false);
    }
  }
  return ms;
}

const echoRow = (name, deckMs, tmuxMs) => {
  const d = median(deckMs);
  const t = median(tmuxMs);
  const dp = percentile(deckMs, 95);
  const tp = percentile(tmuxMs, 95);
  log(
    `${name} deck: median ${d.toFixed(2)} p95 ${dp.toFixed(2)} max ${Math.max(...deckMs).toFixed(2)}; tmux: median ${t.toFixed(2)} p95 ${tp.toFixed(2)} max ${Math.max(...tmuxMs).toFixed(2)}`,
  );
  return {
    name,
    deck: `${d.toFixed(2)} ms (p95 ${dp.toFixed(2)})`,
    tmux: `${t.toFixed(2)} ms (p95 ${tp.toFixed(2)})`,
    ratio: d / t,
    budget: 'median ≤ tmux + 1.5 ms, p95 ≤ tmux + 4 ms',
    pass: d <= t + 1.5 && dp <= tp + 4,
  };
};

/**
 * Issue #17 item 2: keystroke → echo in a quiet deck, and again while 4 other panes of the same
 * server flood output (tmux: 4 other windows of its session flooding the same way).
 */
export async function echoLatency(keys = 300) {
  const root = mkdtempSync(join(tmpdir(), 'dad-bench-echo-'));
  const flags = [join(root, 'flood-deck'), join(root, 'flood-tmux')];
  const sides = [
    deckWorld(['cat', ...Array.from({ length: FLOODING_PANES }, () => flooder(flags[0]))]),
    tmuxWorld(['cat', ...Array.from({ length: FLOODING_PANES }, () => flooder(flags[1]))], undefined, 'echo'),
  ];
  const clients = [];
  try {
    for (const side of sides) clients.push(await openTyping(side));
    const [deckMs, tmuxMs] = await typeAlternating(clients, keys);
    if (process.env.BENCH_SCREENS === '1') for (const c of clients) process.stderr.write(`screen after typing:\n${c.screen()}\n`);
    const quiet = echoRow(`keystroke → echo on screen, 200×50, cat, ${keys} keys (median, p95) [load ${loadAverage()}]`, deckMs, tmuxMs);
    const [deckFlood, tmuxFlood] = await typeAlternating(clients, keys, async (i, on) => {
      if (on) {
        writeFileSync(flags[i], '');
        await sleep(500); // every flooding pane is writing by now
      } else rmSync(flags[i], { force: true });
    });
    const flood = echoRow(
      `keystroke → echo while ${FLOODING_PANES} other panes flood output (same server; tmux: 4 other windows), ${keys} keys (median, p95) [load ${loadAverage()}]`,
      deckFlood,
      tmuxFlood,
    );
    return [quiet, flood];
  } finally {
    for (const flag of flags) rmSync(flag, { force: true });
    for (const c of clients) c.dispose();
    for (const side of sides) side.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. throughput while attached
//
// The pane runs a shell; the bench types `cat LOG; echo TP-DONE-$((r+7000))` into the attached
// client and stops the clock when `TP-DONE-700r` (only the shell's output has the number) arrives
// from the client — the producer is done and its last line is on the client's screen.

/** Raw-stream scan for `marker` (kept across chunk boundaries); resolves with the chunk's arrival. */
function rawMarker(client, marker, timeoutMs) {
  return new Promise((resolve, reject) => {
    let tail = '';
    const timer = setTimeout(() => {
      client.raw.delete(listener);
      reject(new Error(`timed out waiting for ${marker} on the client (${client.bytes} bytes received)`));
    }, timeoutMs);
    const listener = (data, arrival) => {
      const text = tail + data;
      if (text.includes(marker)) {
        clearTimeout(timer);
        client.raw.delete(listener);
        resolve(arrival);
        return;
      }
      tail = text.slice(-marker.length);
    };
    client.raw.add(listener);
  });
}

async function openShell(world) {
  const client = world.attach();
  await world.ready(client);
  await client.waitFor('the shell prompt is on screen', (c) => c.screen().includes(PROMPT_MARK));
  await world.focus(client);
  await sleep(300);
  // From here on the marker is matched in the raw stream: the measuring process costs the same
  // (next to nothing) whatever the client writes.
  client.parse = false;
  return client;
}

async function drainOnce(client, file, bytes, round) {
  client.pty.write('clear\r');
  await sleep(700);
  const marker = `TP-DONE-${round + 7000}`;
  const done = rawMarker(client, marker, 180_000);
  const before = client.bytes;
  const start = performance.now();
  client.pty.write(`cat ${file}; echo TP-DONE-$((${round}+7000))\r`);
  const end = await done;
  return { rate: bytes / MiB / ((end - start) / 1000), clientBytes: client.bytes - before };
}

export async function attachedThroughput(dir, rounds = 5) {
  const file = join(dir, 'colour-attached.log');
  const bytes = writeColourLog(file);
  const sides = [deckWorld([SHELL], dir), tmuxWorld([SHELL], dir, 'tp')];
  const clients = [];
  try {
    for (const side of sides) clients.push(await openShell(side));
    const runs = [[], []];
    for (let round = 0; round < rounds; round++) {
      for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
        runs[i].push(await drainOnce(clients[i], file, bytes, round));
        log(
          `attached ${sides[i].kind} round ${round}: ${runs[i].at(-1).rate.toFixed(1)} MB/s, client wrote ${(runs[i].at(-1).clientBytes / MiB).toFixed(2)} MiB`,
        );
        await sleep(300);
      }
    }
    const [d, t] = runs.map((r) => ({ rate: median(r.map((x) => x.rate)), rates: r.map((x) => x.rate), clientMiB: median(r.map((x) => x.clientBytes)) / MiB }));
    return {
      name: `throughput attached (20 MB colour log, client 200×50, median of ${rounds})`,
      deck: `${d.rate.toFixed(1)} MB/s [${d.rates.map((r) => r.toFixed(1)).join(', ')}], client wrote ${d.clientMiB.toFixed(2)} MiB`,
      tmux: `${t.rate.toFixed(1)} MB/s [${t.rates.map((r) => r.toFixed(1)).join(', ')}], client wrote ${t.clientMiB.toFixed(2)} MiB`,
      ratio: d.rate / t.rate,
      budget: '≥ 0.9× tmux',
      pass: d.rate / t.rate >= 0.9,
    };
  } finally {
    for (const c of clients) c.dispose();
    for (const side of sides) side.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. first frame

export const FIVE = Array.from({ length: 5 }, () => SHELL);

/** The pane area of a deck row: right of the sidebar rule. */
const paneArea = (line) => line.split('│').slice(1).join('│');

/** Status bar drawn, every card drawn, the shown pane's prompt drawn. */
export function deckFrameComplete(c) {
  const rows = Array.from({ length: ROWS }, (_, y) => c.line(y));
  const status = rows.some((row) => /^ (COMMAND|TYPING) /.test(row));
  const cards = [1, 2, 3, 4, 5].every((n) => rows.some((row) => row.includes(`${n} p${n}`)));
  const prompt = rows.some((row) => paneArea(row).includes(PROMPT_MARK));
  return status && cards && prompt;
}

function tmuxFrameComplete(c) {
  return /^\[0\] /.test(c.line(ROWS - 1)) && c.screen().includes(PROMPT_MARK);
}

export async function waitPanesReady(world) {
  if (world.kind === 'deck') {
    await until('every deck pane shows its prompt', () => [0, 1, 2, 3, 4].every((i) => world.capture(i).includes(PROMPT_MARK)), 30_000);
  } else {
    await until(
      'every tmux pane shows its prompt',
      () =>
        tmuxWith(world.env, world.name, 'list-panes', '-a', '-F', '#{pane_id}')
          .trim()
          .split('\n')
          .every((p) => tmuxWith(world.env, world.name, 'capture-pane', '-p', '-t', p).includes(PROMPT_MARK)),
      30_000,
    );
  }
}

/**
 * The deck's start-up phases, in the order it reaches them (src/common/startup-trace.ts marks):
 * each phase is the time from the previous mark present to this one. The connection starts at
 * `entry-loaded` and runs beside the bundle load: `handshake` is when the deck takes it up.
 */
const PHASES = [
  ['cli-main', 'exec + node boot'],
  ['bundle-compiled-cached', 'bundle compile (code cache)'],
  ['bundle-compiled', 'bundle compile'],
  ['entry-loaded', 'CLI entry load'],
  ['deck-import', 'hosts check'],
  ['deck-loaded', 'deck modules run'],
  ['config-read', 'keys + config read'],
  ['handshake', 'connect + handshake'],
  ['connected', 'pane list'],
  ['early-painted', 'first paint (chrome without Ink)'],
  ['ink-loaded', 'Ink, React, yoga load'],
  ['ink-rendered', 'Ink first render'],
  ['first-pane-frame', 'first pane frame'],
  ['every-pane-frame', 'every pane frame'],
];

/** One round's trace (NAME EPOCH_MS lines) as ms since the client was spawned. */
function readTrace(file, spawnedAtEpoch) {
  const marks = {};
  if (!existsSync(file)) return marks;
  for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
    const [name, at] = line.split(' ');
    marks[name] ??= Number(at) - spawnedAtEpoch;
  }
  return marks;
}

/** Median duration of each phase over the rounds, and what remains until the frame is complete. */
function breakdown(traces, frames) {
  const rows = [];
  const per = traces.map((marks, i) => {
    const out = {};
    let previous = 0;
    // In the order they happened: with the first paint, the panes' frames come before Ink.
    for (const [mark] of [...PHASES].sort(([a], [b]) => (marks[a] ?? 0) - (marks[b] ?? 0))) {
      if (marks[mark] === undefined || marks[mark] > frames[i]) continue;
      out[mark] = marks[mark] - previous;
      previous = marks[mark];
    }
    out.complete = frames[i] - previous;
    return out;
  });
  for (const [mark, label] of [...PHASES, ['complete', 'rest of the frame (chrome + every pane drawn)']]) {
    const values = per.map((p) => p[mark]).filter((v) => v !== undefined);
    if (values.length > 0) rows.push(`${label} ${median(values).toFixed(0)}`);
  }
  return rows.join(' · ');
}

export async function firstFrame(rounds = 5, coldRounds = 3) {
  const deckSide = deckWorld(FIVE);
  const tmuxSide = tmuxWorld(FIVE, undefined, 'ff');
  const times = { deck: [], tmux: [], cold: [] };
  const traces = [];
  const coldTraces = [];
  const traceDir = mkdtempSync(join(tmpdir(), 'dad-bench-trace-'));
  // The deck's code cache (cli/deck-bundle.ts): emptied before each cold round; a warm round
  // starts with the cache the previous round wrote.
  const cache = join(traceDir, 'cache');
  const codeCache = () => (existsSync(cache) ? readdirSync(cache).filter((name) => name.endsWith('.v8')) : []);
  try {
    await waitPanesReady(deckSide);
    await waitPanesReady(tmuxSide);
    for (let round = 0; round < coldRounds + rounds; round++) {
      const cold = round < coldRounds;
      if (cold) rmSync(cache, { recursive: true, force: true });
      else await until('the deck wrote its code cache', () => codeCache().length === 1, 5000);
      for (const [side, complete] of cold
        ? [[deckSide, deckFrameComplete]]
        : [
            [deckSide, deckFrameComplete],
            [tmuxSide, tmuxFrameComplete],
          ]) {
        const traceFile = join(traceDir, `round-${round}`);
        const client = side.kind === 'deck' ? side.attach({ DOT_AGENT_DECK_TRACE_STARTUP: traceFile, DOT_AGENT_DECK_CACHE_DIR: cache }) : side.attach();
        try {
          const at = await client.waitFor(`${side.kind}: first complete frame`, complete, 10_000);
          times[cold ? 'cold' : side.kind].push(at - client.spawnedAt);
          if (side.kind === 'deck') (cold ? coldTraces : traces).push(readTrace(traceFile, performance.timeOrigin + client.spawnedAt));
          // The cold deck writes its cache once every pane is drawn: let it, before SIGTERM.
          if (cold) await until('the deck wrote its code cache', () => codeCache().length === 1, 5000);
        } finally {
          // SIGTERM, as a closing terminal would: the deck restores the screen and detaches.
          client.pty.kill('SIGTERM');
          await until(`${side.kind} client exits`, () => client.exited, 5000).catch(() => client.kill());
          client.dispose();
        }
        await sleep(300);
      }
    }
    log(
      `first frame deck ${times.deck.map((t) => t.toFixed(0)).join(' ')}; cold ${times.cold.map((t) => t.toFixed(0)).join(' ')}; tmux ${times.tmux.map((t) => t.toFixed(0)).join(' ')}`,
    );
    const d = median(times.deck);
    const t = median(times.tmux);
    const ms = (values) => values.map((x) => x.toFixed(0)).join(', ');
    return [
      {
        name: `first frame, daemon running, 5 panes (median of ${rounds} with the code cache) [load ${loadAverage()}]`,
        deck: `${d.toFixed(0)} ms [${ms(times.deck)}]; cold (no code cache) ${median(times.cold).toFixed(0)} ms [${ms(times.cold)}]`,
        tmux: `${t.toFixed(0)} ms (attach) [${times.tmux.map((x) => x.toFixed(0)).join(', ')}]`,
        ratio: d / t,
        budget: '≤ 250 ms',
        pass: d <= 250,
      },
      {
        name: `first frame: where the deck's time goes, ms (median of ${rounds} per phase; cold below)`,
        deck: `${breakdown(traces, times.deck)}; cold: ${breakdown(coldTraces, times.cold)}`,
        tmux: '–',
        ratio: null,
        budget: '– (reported)',
        pass: true,
      },
    ];
  } finally {
    deckSide.dispose();
    tmuxSide.dispose();
    rmSync(traceDir, { recursive: true, force: true });
  }
}

/**
 * A/B: the first frame of this checkout's client beside another build's (`otherRoot`, e.g. main's
 * worktree with its dist built), alternating round by round against one daemon (this build's),
 * each with its own warm code cache, so that both see the same minutes of machine load
 * (`node bench/tui-bench.mjs first-frame-ab /work/main`). CPU is the client's user+system time
 * when its frame was complete (10 ms ticks).
 */
export async function firstFrameAB(otherRoot, rounds = 9) {
  const deckSide = deckWorld(FIVE);
  const dir = mkdtempSync(join(tmpdir(), 'dad-bench-ab-'));
  const sides = [
    { name: 'this', bin: BIN, cache: join(dir, 'this'), wall: [], cpu: [], traces: [] },
    { name: otherRoot, bin: join(otherRoot, 'bin', 'dot-agent-deck.js'), cache: join(dir, 'other'), wall: [], cpu: [], traces: [] },
  ];
  const loads = [];
  try {
    await waitPanesReady(deckSide);
    // One round each first, untimed: it writes each side's code cache.
    for (let round = -1; round < rounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const traceFile = join(dir, `trace-${side.traces.length}-${round}-${side === sides[0] ? 'a' : 'b'}`);
        const client = deckSide.attach({ DOT_AGENT_DECK_CACHE_DIR: side.cache, DOT_AGENT_DECK_TRACE_STARTUP: traceFile }, side.bin);
        try {
          const at = await client.waitFor(`${side.name}: first complete frame`, deckFrameComplete, 10_000);
          const cpu = cpuSeconds(client.pty.pid) * 1000;
          if (round >= 0) {
            side.wall.push(at - client.spawnedAt);
            side.cpu.push(cpu);
            side.traces.push(readTrace(traceFile, performance.timeOrigin + client.spawnedAt));
          } else await until(`${side.name} wrote its code cache`, () => existsSync(side.cache) && readdirSync(side.cache).some((f) => f.endsWith('.v8')), 5000);
        } finally {
          client.pty.kill('SIGTERM');
          await until('client exits', () => client.exited, 5000).catch(() => client.kill());
          client.dispose();
        }
        await sleep(300);
      }
      loads.push(loadAverage());
    }
    const ms = (values) => values.map((x) => x.toFixed(0)).join(', ');
    return sides.map((side) => ({
      name: `first frame A/B, warm, 5 panes: ${side.name} [load ${loads[0]} … ${loads[loads.length - 1]}]`,
      deck: `${median(side.wall).toFixed(0)} ms (best ${Math.min(...side.wall).toFixed(0)}) [${ms(side.wall)}]; CPU ${median(side.cpu).toFixed(0)} ms; phases ${breakdown(side.traces, side.wall)}`,
    }));
  } finally {
    deckSide.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 4. idle CPU of the client process

async function measureIdle(world, windows, seconds, settleMs) {
  await waitPanesReady(world);
  const client = world.attach();
  try {
    await world.ready(client);
    await client.waitFor(`${world.kind}: drawn with a prompt`, (c) => c.screen().includes(PROMPT_MARK));
    await sleep(settleMs);
    const results = [];
    for (let w = 0; w < windows; w++) {
      let chunks = 0;
      const onRaw = () => void chunks++;
      client.raw.add(onRaw);
      const cpu0 = cpuSeconds(client.pty.pid);
      const bytes0 = client.bytes;
      const t0 = performance.now();
      const wall0 = Date.now();
      await sleep(seconds * 1000);
      const cpu = cpuSeconds(client.pty.pid) - cpu0;
      const elapsed = (performance.now() - t0) / 1000;
      client.raw.delete(onRaw);
      // The deck's card ages tick at each minute boundary (one Ink frame a minute): say whether
      // this window held one, so those bytes are not mistaken for a redraw timer.
      const minute = Math.floor(wall0 / 60_000) !== Math.floor(Date.now() / 60_000);
      results.push({ pct: (cpu / elapsed) * 100, bytes: client.bytes - bytes0, chunks, minute });
    }
    return results;
  } finally {
    client.dispose();
  }
}

/**
 * Idle CPU (/proc utime+stime of the client process, 10 ms ticks) and the bytes it writes, in
 * `windows` back-to-back windows of `seconds` after a settle. A freshly started Node process runs
 * V8's memory reducer (one or two full GCs, 50–80 ms) some 10–15 s after its last activity: a
 * one-off, not a timer, and it lands in one of the windows. The budget is judged on the median
 * window (steady state); every window is reported.
 */
export async function tuiIdle(windows = 3, seconds = 10, settleMs = 3000) {
  const deckSide = deckWorld(FIVE);
  const tmuxSide = tmuxWorld(FIVE, undefined, 'idle');
  try {
    const d = await measureIdle(deckSide, windows, seconds, settleMs);
    const t = await measureIdle(tmuxSide, windows, seconds, settleMs);
    const pct = (rs) => median(rs.map((r) => r.pct));
    const describe = (rs) =>
      `${pct(rs).toFixed(2)} % [${rs.map((r) => r.pct.toFixed(2)).join(', ')}]; wrote [${rs.map((r) => `${r.bytes} B/${r.chunks}${r.minute ? ' (minute tick)' : ''}`).join(', ')}]`;
    log(`idle deck ${describe(d)}; tmux ${describe(t)}`);
    return {
      name: `idle client process, 5 idle panes: CPU median of ${windows}×${seconds} s windows [each]; bytes/writes per window`,
      deck: describe(d),
      tmux: describe(t),
      ratio: pct(t) > 0 ? pct(d) / pct(t) : null,
      budget: '< 0.5 %, ~0 B',
      pass: pct(d) < 0.5,
    };
  } finally {
    deckSide.dispose();
    tmuxSide.dispose();
  }
}

// Stand-alone: `node bench/tui-bench.mjs [echo|attached|first-frame|tui-idle]` prints JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'echo';
  const dir = mkdtempSync(join(tmpdir(), 'dad-tui-bench-'));
  try {
    const run = {
      echo: () => echoLatency(),
      attached: () => attachedThroughput(dir),
      'first-frame': () => firstFrame(),
      'first-frame-ab': () => firstFrameAB(process.argv[3] ?? '/work/main', Number(process.argv[4] ?? 9)),
      'tui-idle': () => tuiIdle(),
    }[which];
    process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
