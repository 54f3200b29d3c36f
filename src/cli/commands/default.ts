// `dot-agent-deck` with no command. Until the TUI lands it explains what the deck can do.
import type { CommandRegistrar } from '../program.js';

export const registerDefault: CommandRegistrar = (program, ctx) => {
  program.action(() => {
    ctx.io.stdout(
      [
        'dot-agent-deck — a terminal deck for teams of interactive AI coding agents.',
        '',
        'Start here:',
        '  dot-agent-deck init        write a starter .dot-agent-deck.toml in this directory',
        '  dot-agent-deck validate    check the project file and explain every problem',
        '  dot-agent-deck --help      list every command',
        '',
      ].join('\n'),
    );
  });
};
