// How `delegate` and `work-done` find their deck: the pane and agent ids a pane's environment
// carries, and a connection to the daemon that already runs (they never start one: a stray call
// from outside the deck must not spawn a second, empty deck).
import { statSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../common/errors.js';
import { findTextProblem } from '../common/text-bytes.js';
import { socketPath } from '../config/paths.js';
import type { Connection } from '../protocol/connection.js';
import { MAX_TASK_TEXT } from '../protocol/messages.js';
import { PANE_ENV } from '../pty/pane-env.js';
import { connectExisting } from './daemon-client.js';
import { readAll } from './io.js';

/** Checks that this process runs inside a deck pane; the connection presents the pane's
 *  credential (cli/daemon-client.ts), which is what the daemon believes. */
export function assertInsidePane(env: NodeJS.ProcessEnv, verb: string): void {
  if (!env[PANE_ENV.paneId] || !env[PANE_ENV.token] || !env[PANE_ENV.socket]) {
    throw new UserError(`\`${verb}\` must run inside a dot-agent-deck pane (${PANE_ENV.paneId}, ${PANE_ENV.token} and ${PANE_ENV.socket} are not all set).`, {
      hint: 'agents in an orchestration tab run it; open one with `dot-agent-deck up`',
    });
  }
}

export async function connectFromPane(env: NodeJS.ProcessEnv): Promise<Connection> {
  const connection = await connectExisting({ env });
  if (!connection) {
    throw new UserError(`The dot-agent-deck daemon is not reachable at ${socketPath(env)}.`, {
      hint: 'it may have stopped or restarted; check with `dot-agent-deck daemon status` (delegate and work-done never start a daemon)',
    });
  }
  return connection;
}

const MIB = 1024 * 1024;

/** Text from `--task TEXT`, `--task-file PATH` or standard input (`-`), capped at MAX_TASK_TEXT
 *  and refused when it is not text (a NUL byte, invalid UTF-8). */
export async function readTaskText(
  source: { task?: string; taskFile?: string },
  io: { cwd: string; stdin: NodeJS.ReadableStream },
  what: string,
): Promise<string> {
  const given = [source.task !== undefined, source.taskFile !== undefined].filter(Boolean).length;
  if (given !== 1) {
    throw new UserError(`Give the ${what} exactly once: --task TEXT, --task-file PATH, or --task-file - for standard input.`, { exitCode: 2 });
  }
  let text: string;
  if (source.task !== undefined) {
    if (Buffer.byteLength(source.task) > MAX_TASK_TEXT)
      throw tooLarge(`The ${what} given with --task is ${sizeText(Buffer.byteLength(source.task))}, ${overLimit}.`, what);
    text = source.task;
  } else if (source.taskFile === '-') {
    let bytes: Buffer;
    try {
      bytes = await readAll(io.stdin, MAX_TASK_TEXT);
    } catch (error) {
      // Reading stops at the limit (standard input may never end), so its real size is unknown.
      if (error instanceof RangeError)
        throw tooLarge(`The ${what} on standard input is over the ${MAX_TASK_TEXT / MIB} MiB limit (reading stopped there).`, what);
      throw error;
    }
    text = decodeTaskBytes(bytes, 'on standard input', what);
  } else {
    text = readTaskFile(resolve(io.cwd, source.taskFile!), source.taskFile!, what);
  }
  if (text.trim() === '') throw new UserError(`The ${what} is empty.`, { hint: `write what you want in the ${what}` });
  return text;
}

/** Text from `--text TEXT` or `--file PATH` (`-` for standard input), as `ask`, `reply` and
 *  `checkpoint` take it; the same limits as a task. */
export function readTextOrFile(source: { text?: string; file?: string }, io: { cwd: string; stdin: NodeJS.ReadableStream }, what: string): Promise<string> {
  if ((source.text === undefined) === (source.file === undefined)) {
    throw new UserError(`Give the ${what} exactly once: --text TEXT, --file PATH, or --file - for standard input.`, { exitCode: 2 });
  }
  return readTaskText(
    { ...(source.text !== undefined ? { task: source.text } : {}), ...(source.file !== undefined ? { taskFile: source.file } : {}) },
    io,
    what,
  );
}

/** A task or report file: a plain file, at most MAX_TASK_TEXT, text. `shown` is how the caller named it. */
export function readTaskFile(path: string, shown: string, what: string): string {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new UserError(`${shown} is not a file.`, { hint: `write the ${what} to a file and pass its path` });
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`The ${what} file ${shown} does not exist or cannot be read.`, {
      hint: `write the ${what} to a file first (with your file tool), then pass its path`,
    });
  }
  // Checked before reading: a 100 MB file is refused without being loaded.
  if (size > MAX_TASK_TEXT) throw tooLarge(`The ${what} file ${shown} is ${sizeText(size)}, ${overLimit}.`, what);
  return decodeTaskBytes(readFileSync(path), `in ${shown}`, what);
}

/** `where`: "in notes.md", "on standard input". */
function decodeTaskBytes(bytes: Buffer, where: string, what: string): string {
  const problem = findTextProblem(bytes);
  if (problem) {
    const found = problem.kind === 'nul' ? 'a NUL byte' : 'a byte that is not UTF-8 text';
    throw new UserError(`The ${what} ${where} has ${found} at byte offset ${problem.offset}, so it was not sent: a ${what} must be text.`, {
      hint: `write the ${what} as plain UTF-8 text, and name binary files by their path instead of passing them`,
    });
  }
  return bytes.toString('utf8');
}

/** "95.4 MiB"; close to the limit in bytes, so 1 MiB and one byte does not read as "1.0 MiB". */
function sizeText(bytes: number): string {
  return bytes < 1.1 * MIB ? `${bytes.toLocaleString('en-US')} bytes` : `${(bytes / MIB).toFixed(1)} MiB`;
}

const overLimit = `over the ${MAX_TASK_TEXT / MIB} MiB limit`;

function tooLarge(sentence: string, what: string): UserError {
  return new UserError(sentence, {
    hint: `keep the ${what} short and name the files that hold the bulk of the material`,
  });
}
