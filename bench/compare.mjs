// `npm run bench -- --compare`: each benchmark's result beside the previous one recorded for it, so
// a regression shows at a glance. Every run appends its rows to bench/out/history.json (the last 20
// per benchmark); rows are matched by name without the bracketed load, which changes every run.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEEP = 20;
const keyOf = (name) => name.replace(/\s*\[[^\]]*\]/g, '').trim();

function readHistory(dir) {
  const file = join(dir, 'history.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Appends the run's rows to the history (written to a temporary file, then renamed). */
export function recordHistory(dir, run) {
  mkdirSync(dir, { recursive: true });
  const history = readHistory(dir);
  for (const row of run.results) {
    const key = keyOf(row.name);
    const entry = { date: run.date, load: run.load, machine: run.machine, deck: row.deck, tmux: row.tmux, ratio: row.ratio, pass: row.pass };
    history[key] = [...(history[key] ?? []), entry].slice(-KEEP);
  }
  const file = join(dir, 'history.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(history, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

const cell = (entry) =>
  entry
    ? `${entry.deck} (tmux ${entry.tmux}; ${entry.ratio === null ? '–' : `${entry.ratio.toFixed(2)}×`}; load ${entry.load ?? '?'}; ${entry.date.slice(0, 10)})`
    : '–';
const verdict = (entry) => (entry ? (entry.pass ? 'pass' : 'FAIL') : '–');

/**
 * Markdown: benchmark | previous | now | result before → now. `run` null compares the last two
 * recorded entries of every benchmark in the history.
 */
export function compareTable(dir, run) {
  const history = readHistory(dir);
  const rows = [];
  const keys = run ? run.results.map((row) => keyOf(row.name)) : Object.keys(history);
  for (const key of keys) {
    const entries = history[key] ?? [];
    const now = run ? run.results.find((row) => keyOf(row.name) === key) : entries[entries.length - 1];
    const previous = run ? entries[entries.length - 1] : entries[entries.length - 2];
    const current = run && now ? { ...now, load: run.load, date: run.date } : now;
    rows.push(`| ${key} | ${cell(previous)} | ${cell(current)} | ${verdict(previous)} → ${verdict(current)} |`);
  }
  if (rows.length === 0) return 'No recorded results yet: run `npm run bench` first.';
  return ['| benchmark | previous | now | result |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
