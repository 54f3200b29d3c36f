// Timings that used to sit in `npm test` as assertions: how long the shipped demo loop takes
// (issue #7: "well under a minute") and how long `validate` takes on a 1,000-role project file.
// tmux has neither, so its column names the closest thing it does: sourcing a config file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, deck, deckEnv, median, tmux, tmuxKill } from './lib.mjs';

export async function demoLoop() {
  const world = deckEnv();
  try {
    world.env.TMPDIR = world.root;
    const start = performance.now();
    execFileSync(process.execPath, [BIN, 'demo', '--headless'], { env: world.env, encoding: 'utf8', timeout: 120_000 });
    const seconds = (performance.now() - start) / 1000;
    return {
      name: 'demo --headless, the whole five-role loop',
      deck: `${seconds.toFixed(1)} s`,
      tmux: 'n/a',
      ratio: null,
      budget: '< 60 s',
      pass: seconds < 60,
    };
  } finally {
    try {
      deck(world.env, 'daemon', 'stop', '--force');
    } catch {
      /* already gone */
    }
    world.cleanup();
  }
}

function bigProject(roles) {
  const rows = ['[[orchestrations]]', 'name = "big"'];
  for (let i = 0; i < roles; i++) {
    rows.push(
      '[[orchestrations.roles]]',
      `name = "role-${i}"`,
      'command = "claude"',
      ...(i === 0 ? ['start = true'] : []),
      `description = "Role number ${i}"`,
      'prompt_template = """',
      `Do task ${i}.`,
      'Report back when done.',
      '"""',
    );
  }
  return `${rows.join('\n')}\n`;
}

export async function validateLarge(rounds = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'dad-bench-validate-'));
  const name = `dad-bench-validate-${process.pid}`;
  try {
    writeFileSync(join(dir, '.dot-agent-deck.toml'), bigProject(1000));
    // The same number of lines for tmux to source: 1,000 option blocks.
    writeFileSync(join(dir, 'tmux.conf'), Array.from({ length: 1000 }, (_, i) => `set -g @role-${i} "Role number ${i}"\n`).join(''));
    const world = deckEnv();
    const { validateProjectText } = await import(join(ROOT, 'dist', 'config', 'load-project.js'));
    const text = bigProject(1000);
    const deckTimes = [];
    const cliTimes = [];
    const tmuxTimes = [];
    try {
      tmux(name, 'new-session', '-d', 'sleep 100000');
      for (let round = 0; round < rounds; round++) {
        let start = performance.now();
        validateProjectText(text, 'big.toml');
        deckTimes.push(performance.now() - start);
        start = performance.now();
        execFileSync(process.execPath, [BIN, 'validate', '-p', dir], { env: world.env, encoding: 'utf8' });
        cliTimes.push(performance.now() - start);
        start = performance.now();
        tmux(name, 'source-file', join(dir, 'tmux.conf'));
        tmuxTimes.push(performance.now() - start);
      }
    } finally {
      tmuxKill(name);
      world.cleanup();
    }
    const d = median(deckTimes);
    const t = median(tmuxTimes);
    const c = median(cliTimes);
    // The budget is for the checks themselves; the whole CLI run (Node start-up included) is shown beside.
    return {
      name: 'validate, 1,000 roles: the checks (whole CLI run), median of 5',
      deck: `${d.toFixed(0)} ms (${c.toFixed(0)} ms)`,
      tmux: `${t.toFixed(0)} ms (source-file, 1,000 lines)`,
      ratio: d / t,
      budget: 'checks < 250 ms',
      pass: d < 250,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
