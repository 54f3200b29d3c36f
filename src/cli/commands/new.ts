// `new`: open a pane without the TUI; prints its id.
import { resolve } from 'node:path';
import { requireCommand } from '../command-line.js';
import { connectDaemon } from '../daemon-client.js';
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';

export const registerNew: CommandRegistrar = (program, ctx) => {
  program
    .command('new')
    .description('open a pane running COMMAND (default: your shell) and print its id')
    .argument('[command...]', 'the command line; put it after -- when it has options of its own')
    .option('-p, --project <dir>', 'directory the command runs in', '.')
    .option('-n, --name <name>', 'pane name (default: the directory name)')
    .option('-t, --tab <tab>', 'put the pane in this tab of the deck (default: the Dashboard)')
    .option('--json', 'print the new pane as JSON')
    .action(async (words: string[], options: { project: string; name?: string; tab?: string; json?: boolean }) => {
      const command = requireCommand(words, ctx.io.env);
      const cwd = resolve(ctx.io.cwd, options.project);
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const { pane } = await connection.request({
          kind: 'new',
          command,
          cwd,
          ...(options.name ? { name: options.name } : {}),
          ...(options.tab ? { tab: options.tab } : {}),
        });
        ctx.io.stdout(options.json ? json(pane) : `${pane.id}\n`);
      } finally {
        connection.dispose();
      }
    });
};
