// `connect NAME`: the deck on this terminal, attached to the daemon on a remote host over ssh
// (`dot-agent-deck daemon bridge` there). When the link drops the remote agents keep running and
// the deck reconnects with backoff, as it does when a local daemon restarts.
import { UserError } from '../../common/errors.js';
import { connectDaemon } from '../daemon-client.js';
import type { CommandRegistrar } from '../program.js';

export const registerConnect: CommandRegistrar = (program, ctx) => {
  program
    .command('connect')
    .description('open the deck attached to the daemon on a remote host (see `remote add`)')
    .argument('<name>', 'a remote of `dot-agent-deck remote list`')
    .action(async (name: string) => {
      const { io } = ctx;
      if (!io.isTTY || !process.stdin.isTTY || !process.stdout.isTTY) {
        throw new UserError('connect opens the deck, which needs a terminal.', {
          hint: `run it in a terminal, or use \`dot-agent-deck ls --remote ${name}\` and the other verbs with --remote`,
          exitCode: 2,
        });
      }
      const { resolveRemote } = await import('../remote-target.js');
      const remote = await resolveRemote(io, name);
      const env = { ...io.env, DOT_AGENT_DECK_REMOTE: remote.name };
      const { runDeck } = await import('../../tui/app/run-deck.js');
      const exit = await runDeck({
        env: io.env,
        cwd: remote.dir ?? io.cwd,
        host: remote.name,
        stdin: process.stdin,
        stdout: process.stdout,
        connect: () => connectDaemon({ env, client: 'tui' }),
      });
      switch (exit.kind) {
        case 'detached':
          io.stdout(`Detached from ${remote.name}; its panes keep running. \`dot-agent-deck connect ${remote.name}\` comes back.\n`);
          return;
        case 'stopped':
          io.stdout(`Stopped the deck on ${remote.name} and every pane there.\n`);
          return;
        case 'lost':
          throw new UserError(exit.message, { hint: exit.hint ?? `run \`dot-agent-deck remote check ${remote.name}\`` });
      }
    });
};
