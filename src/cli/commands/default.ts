// `dot-agent-deck` with no command (cli/open-deck.ts), `--hosts` (cli/deck-hosts.ts), and a
// mistyped command's suggestion.
import { UserError } from '../../common/errors.js';
import type { CommandRegistrar } from '../program.js';

export const registerDefault: CommandRegistrar = (program, ctx) => {
  // Extra words reach the action instead of commander's "too many arguments", so a mistyped
  // command gets a suggestion-bearing error rather than a usage dump.
  program
    .option('--hosts <names>', 'attach one deck to several hosts: "local" (this machine) and remotes, e.g. local,gpu-box')
    .allowExcessArguments(true)
    .action(async (options: { hosts?: string }, command: { args: string[] }) => {
      const word = command.args[0];
      if (word !== undefined) {
        const names = program.commands.map((command) => command.name());
        throw new UserError(`Unknown command "${word}".`, { hint: `commands: ${names.join(', ')}; see dot-agent-deck --help`, exitCode: 2 });
      }
      // Loaded only here: Ink and React would double the start-up time of every other command.
      const { openDeck } = await import('../open-deck.js');
      await openDeck(ctx.io, options.hosts);
    });
};
