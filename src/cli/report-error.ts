// How a command's error ends the process: a person's mistake is one sentence and its hint, a bug
// says it is one. Shared by cli/run.ts and the deck's fast path in cli/main.ts.
import { ExitCode, errorMessage, isUserError } from '../common/errors.js';
import type { CliIO } from './io.js';

export function reportError(error: unknown, io: CliIO): number {
  if (isUserError(error)) {
    io.stderr(`error: ${error.message}\n`);
    if (error.hint) io.stderr(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  // A bug, not a user error: say so in one line and point at the verbose form.
  io.stderr(`error: ${errorMessage(error)}\n`);
  if (io.env.DOT_AGENT_DECK_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('hint: this looks like a bug in dot-agent-deck; run again with DOT_AGENT_DECK_DEBUG=1 for details\n');
  return ExitCode.failure;
}
