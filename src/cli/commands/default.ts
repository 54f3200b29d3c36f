// `dot-agent-deck` with no command. Until the TUI lands it explains what the deck can do.
import { UserError } from '../../common/errors.js';
import type { CommandRegistrar } from '../program.js';

export const registerDefault: CommandRegistrar = (program, ctx) => {
  // Extra words reach the action instead of commander's "too many arguments", so a mistyped
  // command gets a suggestion-bearing error rather than a usage dump.
  program.allowExcessArguments(true).action((_options: unknown, command: { args: string[] }) => {
    const word = command.args[0];
    if (word !== undefined) {
      const names = program.commands.map((command) => command.name());
      throw new UserError(`Unknown command "${word}".`, { hint: `commands: ${names.join(', ')}; see dot-agent-deck --help`, exitCode: 2 });
    }
    ctx.io.stdout(
      [
        'dot-agent-deck — a terminal deck for teams of interactive AI coding agents.',
        '',
        'Start here:',
        '  dot-agent-deck init        write a starter .dot-agent-deck.toml in this directory',
        '  dot-agent-deck validate    check the project file and explain every problem',
        '  dot-agent-deck new -- CMD  open a pane running CMD in the background daemon',
        '  dot-agent-deck ls          list panes',
        '  dot-agent-deck --help      list every command',
        '',
      ].join('\n'),
    );
  });
};
