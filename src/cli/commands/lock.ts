// `lock [--name build] [--timeout 30m] -- CMD…`: run CMD only while this host's daemon gives this
// process the named lock (FIFO), streaming its output and ending with its exit code.
// `lock status`: who holds each lock, who waits. The daemon frees a lock when this process
// exits or its pane dies, so nothing stale is left behind (ARCHITECTURE.md §3.6).
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import { UserError } from '../../common/errors.js';
import { nameProblem } from '../../config/project-fields.js';
import { waitingText } from '../../daemon/lock-service.js';
import type { LockEntry } from '../../protocol/messages.js';
import { shortDuration } from '../../orchestration/morning-report-text.js';
import { connectDaemon } from '../daemon-client.js';
import { parseDuration } from '../duration.js';
import { json, table } from '../format.js';
import type { CommandContext, CommandRegistrar } from '../program.js';

const DEFAULT_LOCK = 'build';
const DEFAULT_TIMEOUT = '30m';

export const registerLock: CommandRegistrar = (program, ctx) => {
  const lock = program
    .command('lock')
    .description('run a heavy command (a build, a test run) only while no other pane on this host holds the lock')
    .usage('[--name build] [--timeout 30m] -- CMD…')
    .argument('[command...]', 'the command to run; put it after --')
    .option('--name <lock>', 'which lock', DEFAULT_LOCK)
    .option('--timeout <duration>', 'give up waiting after this long (90s, 30m, 2h)', DEFAULT_TIMEOUT)
    .action(async (words: string[], options: { name: string; timeout: string }) => runLocked(ctx, words, options));

  lock
    .command('status')
    .description('list who holds each lock and who waits for it')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const { locks } = await connection.request({ kind: 'lock-status' });
        if (options.json) return void ctx.io.stdout(json({ locks }));
        if (locks.length === 0) return void ctx.io.stdout('no locks held\n');
        const now = Date.now();
        const who = (entry: LockEntry) => `${entry.label} (${shortDuration(now - Date.parse(entry.since))})`;
        ctx.io.stdout(
          table(
            ['LOCK', 'HOLDER', 'COMMAND', 'WAITING'],
            locks.map((state) => [state.name, state.holder ? who(state.holder) : '-', state.holder?.command ?? '-', state.waiters.map(who).join(', ') || '-']),
          ),
        );
      } finally {
        connection.dispose();
      }
    });
};

async function runLocked(ctx: CommandContext, words: string[], options: { name: string; timeout: string }): Promise<void> {
  const [file, ...args] = words;
  if (!file) {
    throw new UserError('lock needs the command to run.', { hint: 'put it after --, e.g. `dot-agent-deck lock -- npm run build`', exitCode: 2 });
  }
  const problem = nameProblem(options.name);
  if (problem) throw new UserError(`The lock name ${problem}.`, { hint: 'use a word such as build or tests', exitCode: 2 });
  const timeoutMs = parseDuration(options.timeout, '--timeout');
  const command = words.join(' ').slice(0, 500);
  const connection = await connectDaemon({ env: ctx.io.env });
  try {
    const { locks } = await connection.request({ kind: 'lock-status' });
    const held = locks.find((state) => state.name === options.name)?.holder;
    if (held) ctx.io.stderr(`dot-agent-deck: ${waitingText(options.name, { label: held.label, heldMs: Date.now() - Date.parse(held.since) })}\n`);
    await connection.request({ kind: 'lock-acquire', name: options.name, timeoutMs, pid: process.pid, command });
    ctx.setExit(await runStreaming(ctx, file, args));
    if (!connection.isClosed) await connection.request({ kind: 'lock-release', name: options.name });
  } finally {
    connection.dispose();
  }
}

/** Runs the command with the terminal's stdin and its output passed through; its exit code. */
async function runStreaming(ctx: CommandContext, file: string, args: string[]): Promise<number> {
  const child = execa(file, args, { cwd: ctx.io.cwd, env: ctx.io.env, extendEnv: false, stdin: 'inherit', reject: false, buffer: false });
  const out = new StringDecoder('utf8');
  const err = new StringDecoder('utf8');
  child.stdout?.on('data', (chunk: Buffer) => ctx.io.stdout(out.write(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => ctx.io.stderr(err.write(chunk)));
  const result = await child;
  ctx.io.stdout(out.end());
  ctx.io.stderr(err.end());
  if (result.failed && result.exitCode === undefined && result.signal === undefined) {
    const code = (result.cause as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new UserError(`The command ${JSON.stringify(file)} was not found.`, { hint: 'check its name and PATH', exitCode: 127 });
    throw new UserError(`The command ${JSON.stringify(file)} could not start: ${result.shortMessage}`, { exitCode: 126 });
  }
  // A shell's convention for a command killed by a signal: 128 + the signal's number.
  if (result.signal) return 128 + (constants.signals[result.signal] ?? 0);
  return result.exitCode ?? 1;
}
