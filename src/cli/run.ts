// Runs the CLI: parse, dispatch, and turn every error into a sentence and an exit code.
// This is the only place that decides how a command ends.
import { CommanderError } from 'commander';
import { ExitCode } from '../common/errors.js';
import type { CliIO } from './io.js';
import { buildProgram, type CommandContext } from './program.js';
import { registrars } from './commands/index.js';
import { reportError } from './report-error.js';

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = ExitCode.ok;
  try {
    // --remote is taken out before commander sees it: one place for every verb that has it
    // (loaded only then: ssh and the config schemas would slow every other command).
    let ctxIO = io;
    let words = [...argv];
    if (argv.some((word) => word === '--remote' || word.startsWith('--remote='))) {
      const remote = await import('./remote-option.js');
      const split = remote.splitRemoteOption(argv);
      if ('error' in split) throw remote.remoteOptionError(split.error);
      words = split.argv;
      if (split.remote !== null && split.verb === 'host') return await remote.runOnRemote(io, split.remote, split.argv);
      if (split.remote !== null) ctxIO = { ...io, env: { ...io.env, [remote.REMOTE_ENV]: split.remote } };
    }
    const ctx: CommandContext = { io: ctxIO, setExit: (code) => void (exitCode = code) };
    const program = buildProgram(ctx, registrars);
    await program.parseAsync(words, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportCommandError(error, io);
  }
}

function reportCommandError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // help and version "errors" are normal exits; everything else commander raises is usage.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    return ExitCode.usage;
  }
  return reportError(error, io);
}
