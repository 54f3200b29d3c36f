// `kill`: stop a pane's processes (TERM to its process group, then KILL) and close it.
import { connectDaemon } from '../daemon-client.js';
import type { CommandRegistrar } from '../program.js';

export const registerKill: CommandRegistrar = (program, ctx) => {
  program
    .command('kill')
    .description("stop a pane's processes and close it")
    .argument('<pane>', 'pane id or unique name')
    .action(async (pane: string) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const { paneId } = await connection.request({ kind: 'kill', pane });
        ctx.io.stdout(`killed ${paneId}\n`);
      } finally {
        connection.dispose();
      }
    });
};
