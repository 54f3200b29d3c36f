// `dot-agent-deck` with no command: opens the deck on a terminal; elsewhere (a pipe, a script)
// it explains what the deck can do.
import { UserError } from '../../common/errors.js';
import { connectDaemon } from '../daemon-client.js';
import type { CommandRegistrar } from '../program.js';

const EXPLANATION = [
  'dot-agent-deck — a terminal deck for teams of interactive AI coding agents.',
  '',
  'Start here:',
  '  dot-agent-deck             open the deck (in a terminal)',
  '  dot-agent-deck demo        watch a team of simulated agents at work (no API keys)',
  '  dot-agent-deck init        write a starter .dot-agent-deck.toml in this directory',
  '  dot-agent-deck validate    check the project file and explain every problem',
  '  dot-agent-deck new -- CMD  open a pane running CMD in the background daemon',
  '  dot-agent-deck ls          list panes',
  '  dot-agent-deck --help      list every command',
  '',
].join('\n');

export const registerDefault: CommandRegistrar = (program, ctx) => {
  // Extra words reach the action instead of commander's "too many arguments", so a mistyped
  // command gets a suggestion-bearing error rather than a usage dump.
  program.allowExcessArguments(true).action(async (_options: unknown, command: { args: string[] }) => {
    const word = command.args[0];
    if (word !== undefined) {
      const names = program.commands.map((command) => command.name());
      throw new UserError(`Unknown command "${word}".`, { hint: `commands: ${names.join(', ')}; see dot-agent-deck --help`, exitCode: 2 });
    }
    const { io } = ctx;
    if (!io.isTTY || !process.stdin.isTTY || !process.stdout.isTTY) {
      io.stdout(EXPLANATION);
      return;
    }
    // Loaded only here: Ink and React would double the start-up time of every other command.
    const { runDeck } = await import('../../tui/app/run-deck.js');
    const { hooksOffer } = await import('./hooks.js');
    const exit = await runDeck({
      notice: hooksOffer(io.env),
      env: io.env,
      cwd: io.cwd,
      stdin: process.stdin,
      stdout: process.stdout,
      connect: (signal) => connectDaemon({ env: io.env, client: 'tui', ...(signal ? { signal } : {}) }),
    });
    switch (exit.kind) {
      case 'detached':
        io.stdout(
          exit.panes > 0
            ? `Detached. ${exit.panes === 1 ? 'The pane keeps' : `${exit.panes} panes keep`} running; run dot-agent-deck to come back.\n`
            : 'Detached.\n',
        );
        return;
      case 'stopped':
        io.stdout('Stopped the deck and every pane.\n');
        return;
      case 'lost':
        throw new UserError(exit.message, { hint: exit.hint ?? 'run `dot-agent-deck daemon status`; the daemon log is in the state directory' });
    }
  });
};
