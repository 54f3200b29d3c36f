// Issue #10's soak: an orchestration of 5 simulated agents (examples/demo/sim-agent.mjs) on a
// delegation loop for real time (default 60 minutes), the daemon's RSS sampled every 30 s, and
// every task counted from the journal: delegated, delivered and completed exactly once. tmux runs
// the same 5 agents with prompts typed into its 4 workers at the same pace, for the memory beside.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalPath, parseJournalText, readJournal, rotatedJournals } from '../dist/orchestration/journal.js';
import { BIN, ROOT, cpuSeconds, deck, deckEnv, rssMiB, sleep, tmux, tmuxKill, tmuxServerPid, until } from './lib.mjs';

const SIM = join(ROOT, 'examples', 'demo', 'sim-agent.mjs');
/** clear = true respawns the worker for every task; clear = false keeps one process for all. */
const WORKERS = [
  { name: 'coder', clear: true },
  { name: 'reviewer', clear: false },
  { name: 'tester', clear: true },
  { name: 'writer', clear: false },
];
const SAMPLE_MS = 30_000;
/** Issue #10: the RSS at the end is compared with the RSS at 10 minutes. */
const REFERENCE_MS = 10 * 60_000;
/** History per pane on both sides. With the default 10,000 lines the panes' history is still
 *  filling after 25 minutes at this pace (the daemon grew 116 → 129 MiB from minute 10 to 25,
 *  tmux 4.3 → 5.1), which hides whether anything else grows; 1,000 lines fill in the first minutes. */
const SCROLLBACK = 1000;

/** Minutes from `--minutes N` or SOAK_MINUTES (default 60). */
export function soakMinutes(argv = process.argv.slice(2), env = process.env) {
  const index = argv.indexOf('--minutes');
  const raw = index >= 0 ? argv[index + 1] : env.SOAK_MINUTES;
  if (raw === undefined) return 60;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error(`--minutes (or SOAK_MINUTES) must be a positive number of minutes, got ${JSON.stringify(raw)}`);
  return minutes;
}

function writeProject(dir) {
  mkdirSync(dir, { recursive: true });
  const lines = ['[[orchestrations]]', 'name = "soak"'];
  const role = (name, script, extra) => {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(script));
    lines.push('[[orchestrations.roles]]', `name = "${name}"`, `command = "node ${SIM} --role ${name} --script ${name}.json"`, ...extra);
  };
  role('orchestrator', { startDelayMs: 200, workMs: 50 }, ['start = true']);
  for (const worker of WORKERS) {
    role(
      worker.name,
      { startDelayMs: [100, 1500], workMs: 1500, steps: ['read the task', 'change the code', 'run the tests'], report: `${worker.name}: done.` },
      [`clear = ${worker.clear}`],
    );
  }
  writeFileSync(join(dir, '.dot-agent-deck.toml'), `${lines.join('\n')}\n`);
}

/** The deck's variables of a pane's process, as any program in that pane inherits them. */
function paneProcessEnv(pid) {
  const env = {};
  for (const pair of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.startsWith('DOT_AGENT_DECK_')) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

function run(args, options) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Follows the journal across rotations: what was appended since the last call. */
function journalFollower(dir) {
  let offset = 0;
  let newestRotated = rotatedJournals(dir)[0];
  return () => {
    const entries = [];
    const rotated = rotatedJournals(dir)[0];
    if (rotated !== newestRotated) {
      // The file being followed was renamed to `rotated`: its rest, then the new file from 0.
      const text = readFileSync(join(dir, '.dot-agent-deck', rotated), 'utf8');
      entries.push(...parseJournalText(Buffer.from(text).subarray(offset).toString('utf8')).entries);
      newestRotated = rotated;
      offset = 0;
    }
    const read = readJournal(dir, { from: offset });
    offset = read.end;
    entries.push(...read.entries);
    return entries;
  };
}

/** Every entry of the night: the rotated journals oldest first, then the current one. */
function wholeJournal(dir) {
  const files = [...rotatedJournals(dir)].reverse().map((name) => join(dir, '.dot-agent-deck', name));
  files.push(journalPath(dir));
  return files.flatMap((file) => parseJournalText(readFileSync(file, 'utf8')).entries);
}

/** The tmux side: the same 5 programs, a prompt typed into each worker at the same pace. */
function startTmux(name, dir) {
  const command = (role) => `node ${SIM} --role ${role} --script ${join(dir, `${role}.json`)}`;
  tmux(name, 'set-option', '-g', 'history-limit', String(SCROLLBACK), ';', 'new-session', '-d', '-x', '120', '-y', '40', '-c', dir, command('orchestrator'));
  for (const worker of WORKERS) tmux(name, 'new-window', '-d', '-c', dir, command(worker.name));
  let n = 0;
  const timer = setInterval(() => {
    for (let w = 1; w <= WORKERS.length; w++) {
      try {
        tmux(name, 'send-keys', '-t', `:${w}`, `soak prompt ${n++}`, 'Enter');
      } catch {
        // The window is gone: the sample then shows it.
      }
    }
  }, 3000);
  return { pid: tmuxServerPid(name), stop: () => clearInterval(timer) };
}

export async function soak(minutes = soakMinutes()) {
  const world = deckEnv();
  mkdirSync(world.env.DOT_AGENT_DECK_CONFIG_DIR, { recursive: true });
  writeFileSync(join(world.env.DOT_AGENT_DECK_CONFIG_DIR, 'config.toml'), `scrollback_lines = ${SCROLLBACK}\n`);
  const project = join(world.root, 'project');
  const tmuxName = `dad-bench-soak-${process.pid}`;
  writeProject(project);
  const durationMs = minutes * 60_000;
  const samples = [];
  const sent = new Map(WORKERS.map((w) => [w.name, 0]));
  const refused = [];
  let tmuxSide;
  try {
    const opened = JSON.parse(deck(world.env, 'up', '-p', project, '--json'));
    const daemonPid = Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid);
    const orchestrator = opened.panes.find((pane) => pane.role === 'orchestrator');
    const asOrchestrator = { env: { ...world.env, ...paneProcessEnv(orchestrator.pid), DOT_AGENT_DECK_SOCKET: world.socket }, cwd: project };
    const follow = journalFollower(project);
    await until('the orchestrator read its context', () => follow().some((e) => e.event === 'notice-delivered'), 30_000);
    tmuxSide = startTmux(tmuxName, project);

    // A worker gets its next task once it reported on the last one and no delegate is in flight.
    const outstanding = new Map(WORKERS.map((w) => [w.name, 0]));
    const inFlight = new Set();
    const heard = () => {
      for (const entry of follow())
        if (entry.event === 'completed' && entry.role && outstanding.has(entry.role)) outstanding.set(entry.role, outstanding.get(entry.role) - 1);
    };
    let task = 0;
    const started = Date.now();
    const cpuAtStart = cpuSeconds(daemonPid);
    let nextSample = started;
    const delegate = async (role) => {
      inFlight.add(role);
      const result = await run(['delegate', '--to', role, '--task', `Soak task ${++task} for ${role}: change one line and run the tests.`], asOrchestrator);
      inFlight.delete(role);
      if (result.code === 0 && /^(Delivered to|Queued for) /.test(result.stdout)) {
        sent.set(role, sent.get(role) + 1);
        outstanding.set(role, outstanding.get(role) + 1);
      } else refused.push(`${role}: ${(result.stderr || result.stdout).trim()}`);
    };
    const pending = new Set();
    while (Date.now() - started < durationMs) {
      heard();
      for (const worker of WORKERS) {
        if (inFlight.has(worker.name) || outstanding.get(worker.name) > 0) continue;
        const job = delegate(worker.name).finally(() => pending.delete(job));
        pending.add(job);
      }
      if (Date.now() >= nextSample) {
        samples.push({ atMs: Date.now() - started, deckMiB: rssMiB(daemonPid), tmuxMiB: rssMiB(tmuxSide.pid) });
        process.stderr.write(
          `  soak ${((Date.now() - started) / 60_000).toFixed(1)} min: daemon ${samples.at(-1).deckMiB.toFixed(1)} MiB, tmux ${samples.at(-1).tmuxMiB.toFixed(1)} MiB, ${[...sent.values()].reduce((a, b) => a + b, 0)} tasks\n`,
        );
        nextSample += SAMPLE_MS;
      }
      await sleep(100);
    }
    await Promise.all(pending);
    // Drain: the last tasks finish before anything is counted.
    await until(
      'every worker reported on its last task',
      () => {
        heard();
        return [...outstanding.values()].every((n) => n <= 0);
      },
      120_000,
    );
    // …and the orchestrator heard of every one (the opening line, then one notice per completion).
    await until(
      'the orchestrator was told of every completion',
      () => {
        const all = wholeJournal(project);
        return all.filter((e) => e.event === 'notice-delivered').length >= all.filter((e) => e.event === 'completed').length + 1;
      },
      120_000,
    );
    samples.push({ atMs: Date.now() - started, deckMiB: rssMiB(daemonPid), tmuxMiB: rssMiB(tmuxSide.pid) });
    const cpu = cpuSeconds(daemonPid) - cpuAtStart;
    if (Number(JSON.parse(deck(world.env, 'daemon', 'status', '--json')).pid) !== daemonPid) throw new Error('the daemon was replaced during the soak');

    const entries = wholeJournal(project).filter((e) => e.group === opened.group && e.event !== 'snapshot');
    const per = new Map();
    const bump = (id, key) => {
      const counts = per.get(id) ?? { delegate: 0, delivered: 0, completed: 0 };
      counts[key]++;
      per.set(id, counts);
    };
    for (const e of entries) if (e.commission && (e.event === 'delegate' || e.event === 'delivered' || e.event === 'completed')) bump(e.commission, e.event);
    const counts = (event) => entries.filter((e) => e.event === event).length;
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    const lost = [...per.values()].filter((c) => c.completed === 0).length + Math.max(0, total - per.size);
    const duplicated =
      [...per.values()].filter((c) => c.delegate > 1 || c.delivered > 1 || c.completed > 1).length + counts('unsolicited') + counts('redelivery');
    const journalTotal = {
      delegate: counts('delegate'),
      completed: counts('completed'),
      noticesDelivered: counts('notice-delivered'),
      deliveryFailed: counts('delivery-failed'),
      watches: counts('watch'),
      rotations: rotatedJournals(project).length,
    };

    const referenceAt = Math.min(REFERENCE_MS, durationMs / 2);
    const reference = samples.find((s) => s.atMs >= referenceAt) ?? samples[0];
    const last = samples.at(-1);
    const drift = (last.deckMiB - reference.deckMiB) / reference.deckMiB;
    const detail = {
      minutes,
      samples,
      sent: Object.fromEntries(sent),
      refused: refused.slice(0, 20),
      journal: journalTotal,
      lost,
      duplicated,
      daemonCpuSeconds: cpu,
      referenceAtMs: reference.atMs,
    };
    mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'out', 'soak.json'), `${JSON.stringify(detail, null, 2)}\n`);
    process.stderr.write(
      `  soak: ${total} tasks (${JSON.stringify(Object.fromEntries(sent))}), journal ${JSON.stringify(journalTotal)}, lost ${lost}, duplicated ${duplicated}, ${refused.length} refused, daemon CPU ${cpu.toFixed(1)} s\n`,
    );
    const refLabel = referenceAt === REFERENCE_MS ? '10 min' : `${(reference.atMs / 60_000).toFixed(1)} min (half the run)`;
    return {
      name: `soak, 5 sim agents, ${minutes} min, ${total} tasks, ${SCROLLBACK} lines of history: daemon RSS at ${refLabel} → end; lost / duplicated`,
      deck: `${reference.deckMiB.toFixed(1)} → ${last.deckMiB.toFixed(1)} MiB (${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)} %); ${lost} / ${duplicated}`,
      tmux: `${reference.tmuxMiB.toFixed(1)} → ${last.tmuxMiB.toFixed(1)} MiB (server, same agents)`,
      ratio: last.deckMiB / last.tmuxMiB,
      budget: 'end within 10 % of reference; 0 lost, 0 duplicated',
      pass:
        Math.abs(drift) <= 0.1 &&
        lost === 0 &&
        duplicated === 0 &&
        refused.length === 0 &&
        journalTotal.deliveryFailed === 0 &&
        journalTotal.noticesDelivered === journalTotal.completed + 1,
    };
  } finally {
    tmuxSide?.stop();
    try {
      deck(world.env, 'daemon', 'stop', '--force');
    } catch {
      /* already gone */
    }
    tmuxKill(tmuxName);
    world.cleanup();
  }
}
