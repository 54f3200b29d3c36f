// `watch [--interval N] -- CMD…`: runs a command again and again, like watch(1), for the
// persistent panes of a workspace mode. One run at a time (the next starts N seconds after the
// last ended), a clean screen for each, and a line after it with the time and the exit; a command
// that fails or cannot start is shown and tried again. The command runs as argv, never through a
// shell, with the pane's terminal as its own, so stdout and stderr interleave as in a terminal.
import { UserError } from '../../common/errors.js';
import type { CommandRegistrar } from '../program.js';
import { CLEAR_SCREEN, endLine, headerLine, parseInterval, type RunEnd } from '../watch/watch-text.js';

export const registerWatch: CommandRegistrar = (program, ctx) => {
  program
    .command('watch')
    .description('run a command every N seconds, one run at a time, on a clean screen (for mode panes)')
    .option('-n, --interval <seconds>', 'seconds between the end of one run and the start of the next (default 10)')
    .argument('<command...>', 'the command and its arguments (put -- before it)')
    .action(async (argv: string[], options: { interval?: string }) => {
      const interval = parseInterval(options.interval);
      if (!interval.ok) throw new UserError(interval.message, { hint: 'e.g. dot-agent-deck watch --interval 5 -- git status', exitCode: 2 });
      const { execa } = await import('execa');
      const [file, ...args] = argv as [string, ...string[]];
      let stopping = false;
      let child: ReturnType<typeof execa> | null = null;
      let wake: (() => void) | null = null;
      const stop = () => {
        stopping = true;
        child?.kill('SIGTERM');
        wake?.();
      };
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
      while (!stopping) {
        const startedAt = new Date();
        ctx.io.stdout(CLEAR_SCREEN + headerLine(argv, interval.seconds, startedAt));
        child = execa(file, args, { stdio: 'inherit', reject: false, env: ctx.io.env, cwd: ctx.io.cwd, extendEnv: false });
        const result = await child;
        child = null;
        if (stopping) break;
        ctx.io.stdout(endLine(runEnd(result), startedAt, new Date(), interval.seconds));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, interval.seconds * 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      ctx.setExit(0);
    });
};

function runEnd(result: {
  exitCode?: number | undefined;
  signal?: string | undefined;
  failed: boolean;
  code?: string | undefined;
  shortMessage?: string;
}): RunEnd {
  if (result.signal) return { kind: 'signal', signal: result.signal };
  if (result.exitCode !== undefined) return { kind: 'exit', code: result.exitCode };
  if (result.code === 'ENOENT') return { kind: 'failed', reason: 'could not start: no such program on PATH' };
  if (result.code === 'EACCES') return { kind: 'failed', reason: 'could not start: not executable' };
  return { kind: 'failed', reason: `could not start: ${result.shortMessage ?? 'unknown error'}` };
}
