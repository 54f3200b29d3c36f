// Start-up timestamps for the first-frame and start benchmarks (bench/tui-bench.mjs,
// bench/daemon-bench.mjs): with DOT_AGENT_DECK_TRACE_STARTUP=FILE each mark appends one line
// `NAME EPOCH_MS` to FILE. Off (the variable unset), a mark is one comparison and nothing else.
import { appendFileNoFollowSync } from './fs-no-follow.js';

const file = process.env.DOT_AGENT_DECK_TRACE_STARTUP || undefined;
let started = false;

/** Records that start-up reached `name`, in wall-clock milliseconds (sub-millisecond precision). */
export function traceStartup(name: string): void {
  if (file === undefined) return;
  let lines = '';
  if (!started) {
    // The process's own start, so the reader can tell exec from everything after it.
    started = true;
    lines += `process-start ${performance.timeOrigin.toFixed(3)}\n`;
  }
  lines += `${name} ${(performance.timeOrigin + performance.now()).toFixed(3)}\n`;
  try {
    appendFileNoFollowSync(file, lines);
  } catch {
    // A trace that cannot be written changes nothing about starting.
  }
}
