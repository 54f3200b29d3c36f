// The commander program: one file per subcommand under commands/, registered here in help order.
import { Command } from 'commander';
import type { CliIO } from './io.js';
import { VERSION } from '../common/version.js';

export type CommandResult = number | void;

/** A subcommand module registers itself on the program and reports its exit code via `setExit`. */
export interface CommandContext {
  io: CliIO;
  setExit(code: number): void;
}

export type CommandRegistrar = (program: Command, ctx: CommandContext) => void;

export function buildProgram(ctx: CommandContext, registrars: readonly CommandRegistrar[]): Command {
  const program = new Command('dot-agent-deck')
    .description('A keyboard-driven terminal deck for running teams of interactive AI coding agents.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    })
    .exitOverride();
  for (const register of registrars) register(program, ctx);
  for (const sub of program.commands) applyCommon(sub, ctx);
  return program;
}

function applyCommon(command: Command, ctx: CommandContext): void {
  command
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) })
    .exitOverride();
  for (const sub of command.commands) applyCommon(sub, ctx);
}
