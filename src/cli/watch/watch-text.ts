// What `dot-agent-deck watch` prints around each run of its command: the header above the
// output, and the line after it with the time, the exit and when the next run starts. Pure.

/** Clear scrollback and screen, home the cursor: each run starts on a clean pane, so output never piles up. */
export const CLEAR_SCREEN = '\x1b[3J\x1b[2J\x1b[H';

export const DEFAULT_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 86_400;

export type RunEnd = { kind: 'exit'; code: number } | { kind: 'signal'; signal: string } | { kind: 'failed'; reason: string };

/** The interval option as a person wrote it, or a sentence saying what is wrong. */
export function parseInterval(text: string | undefined): { ok: true; seconds: number } | { ok: false; message: string } {
  if (text === undefined) return { ok: true, seconds: DEFAULT_INTERVAL_SECONDS };
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(seconds) || seconds < 0.1 || seconds > MAX_INTERVAL_SECONDS) {
    return { ok: false, message: `--interval ${JSON.stringify(text)} is not a number of seconds between 0.1 and ${MAX_INTERVAL_SECONDS}` };
  }
  return { ok: true, seconds };
}

/** A command line as a person would read it: arguments with spaces or quotes shown quoted. */
export function displayCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function clock(at: Date): string {
  return at.toTimeString().slice(0, 8);
}

function seconds(value: number): string {
  return Number.isInteger(value) ? `${value} s` : `${value.toFixed(1)} s`;
}

export function headerLine(argv: readonly string[], intervalSeconds: number, startedAt: Date): string {
  return `\x1b[2mevery ${seconds(intervalSeconds)}: ${displayCommand(argv)} · run at ${clock(startedAt)}\x1b[0m\r\n`;
}

export function endLine(end: RunEnd, startedAt: Date, endedAt: Date, intervalSeconds: number): string {
  const took = (endedAt.getTime() - startedAt.getTime()) / 1000;
  const outcome = end.kind === 'exit' ? `exit ${end.code}` : end.kind === 'signal' ? `killed by ${end.signal}` : end.reason;
  const colour = end.kind === 'exit' && end.code === 0 ? '2' : '33';
  return `\r\n\x1b[${colour}m— ${clock(endedAt)} · ${outcome} · took ${took.toFixed(1)} s · next run in ${seconds(intervalSeconds)}\x1b[0m\r\n`;
}
