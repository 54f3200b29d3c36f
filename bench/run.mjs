// `npm run bench`: every benchmark beside tmux, as a table and as JSON in bench/out/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureTmux, loadAverage } from './lib.mjs';
import { idleCpu, memory, startTime, throughput } from './daemon-bench.mjs';
import { attachedThroughput, echoLatency, firstFrame, tuiIdle } from './tui-bench.mjs';
import { demoLoop, validateLarge } from './cli-bench.mjs';
import { soak, soakMinutes } from './soak-bench.mjs';
import { floodControl } from './flood-control.mjs';
import { scale } from './scale-bench.mjs';
import { compareTable, recordHistory } from './compare.mjs';
import { remoteEcho } from './remote-bench.mjs';

// Names of suites to run; `--minutes N` belongs to the soak. `--compare` prints each result beside
// the previous one recorded for the same benchmark (bench/out/history.json); alone, it runs nothing.
const args = process.argv.slice(2);
const compare = args.includes('--compare');
const only = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--minutes');
const tmuxVersion = ensureTmux();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${tmuxVersion}`;
const scratch = mkdtempSync(join(tmpdir(), 'dad-bench-'));
const suites = {
  throughput: () => throughput(scratch),
  memory,
  idle: () => idleCpu(),
  start: () => startTime(),
  // Issue #4 (the TUI attached, beside an attached tmux client): bench/tui-bench.mjs.
  echo: () => echoLatency(),
  attached: () => attachedThroughput(scratch),
  'first-frame': () => firstFrame(),
  'tui-idle': () => tuiIdle(),
  // Timings that were assertions in `npm test`: bench/cli-bench.mjs.
  demo: () => demoLoop(),
  validate: () => validateLarge(),
  // Issue #10 (an hour of real time by default): only when named, `npm run bench -- soak --minutes 5`.
  soak: () => soak(soakMinutes(args)),
  // Issue #11 item 12 (requests and memory while 20 panes flood): bench/flood-control.mjs.
  'flood-control': () => floodControl(scratch),
  // Issue #17 item 6 (1, 5, 20, 50 panes, half flooding): bench/scale-bench.mjs.
  scale: () => scale(scratch),
  // Issue #18 (the deck over ssh, beside local and `ssh -t … tmux attach`; needs sshd): bench/remote-bench.mjs.
  'remote-echo': () => remoteEcho(),
};
const namedOnly = new Set(['soak', 'remote-echo']);

if (compare && only.length === 0) {
  process.stdout.write(`${compareTable(join(ROOT, 'bench', 'out'), null)}\n`);
  process.exit(0);
}

const results = [];
try {
  for (const [key, bench] of Object.entries(suites)) {
    if (only.length > 0 ? !only.includes(key) : namedOnly.has(key)) continue;
    process.stderr.write(`running ${key}…\n`);
    // A suite returns one row, or several (flood-control reports latency and memory apart).
    results.push(...[await bench()].flat());
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const rows = results.map(
  (r) => `| ${r.name} | ${r.deck} | ${r.tmux} | ${r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`} | ${r.budget} | ${r.pass ? 'pass' : 'FAIL'} |`,
);
const table = ['| benchmark | deck | tmux | deck/tmux | budget | result |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
process.stdout.write(`\n${machine}\n\n${table}\n`);
mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
const run = { machine, date: new Date().toISOString(), load: loadAverage(), results };
writeFileSync(join(ROOT, 'bench', 'out', 'results.json'), `${JSON.stringify(run, null, 2)}\n`);
if (compare) process.stdout.write(`\n${compareTable(join(ROOT, 'bench', 'out'), run)}\n`);
recordHistory(join(ROOT, 'bench', 'out'), run);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
