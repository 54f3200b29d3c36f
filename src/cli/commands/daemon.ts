// `daemon start|stop|restart|status|run`: manage the per-user daemon that owns every pane.
import { Option } from 'commander';
import { UserError } from '../../common/errors.js';
import { isProcessAlive } from '../../common/process-alive.js';
import { socketPath } from '../../config/paths.js';
import { connectDaemon, connectExisting, readDaemonPid } from '../daemon-client.js';
import { json } from '../format.js';
import type { CommandContext, CommandRegistrar } from '../program.js';

export const registerDaemon: CommandRegistrar = (program, ctx) => {
  const daemon = program.command('daemon').description('manage the background daemon that keeps agents alive');

  daemon
    .command('start')
    .description('start the daemon if it is not running')
    .action(async () => {
      const connection = await connectDaemon({ env: ctx.io.env });
      ctx.io.stdout(`daemon running (pid ${connection.daemonPid}, socket ${socketPath(ctx.io.env)})\n`);
      connection.dispose();
    });

  daemon
    .command('stop')
    .description('stop the daemon; refuses while panes run unless --force')
    .option('--force', 'stop every running pane too')
    .action(async (options: { force?: boolean }) => {
      const connection = await connectExisting({ env: ctx.io.env });
      if (!connection) {
        ctx.io.stdout('daemon not running\n');
        return;
      }
      try {
        const result = await connection.request({ kind: 'shutdown', force: Boolean(options.force) });
        await waitForExit(ctx, connection.daemonPid);
        ctx.io.stdout(`daemon stopped${result.panes > 0 ? ` (${result.panes} pane${result.panes === 1 ? '' : 's'} closed)` : ''}\n`);
      } finally {
        connection.dispose();
      }
    });

  daemon
    .command('restart')
    .description('restart the daemon; running panes are started again in their directories')
    .action(async () => restart(ctx));

  daemon
    .command('status')
    .description('show whether the daemon runs, its pid, socket, panes and log')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const connection = await connectExisting({ env: ctx.io.env });
      if (!connection) {
        ctx.io.stdout(options.json ? json({ running: false, socket: socketPath(ctx.io.env) }) : 'daemon not running\n');
        ctx.setExit(1);
        return;
      }
      try {
        const status = await connection.request({ kind: 'status' });
        if (options.json) {
          ctx.io.stdout(json({ running: true, ...status }));
          return;
        }
        ctx.io.stdout(
          [
            `daemon running (pid ${status.pid}, version ${status.version}, protocol ${status.protocol})`,
            `  socket   ${status.socket}`,
            `  uptime   ${formatDuration(status.uptimeSeconds)}`,
            `  panes    ${status.panes} (${status.runningPanes} running)`,
            `  clients  ${status.clients}`,
            `  log      ${status.logFile}`,
            '',
          ].join('\n'),
        );
        for (const notice of status.notices ?? []) ctx.io.stderr(`warning: ${notice}\n`);
      } finally {
        connection.dispose();
      }
    });

  daemon
    .command('bridge')
    .description("pipe stdin/stdout to this host's daemon, starting it if needed (what `connect` and --remote run over ssh)")
    .option('--existing', `only if a daemon runs; otherwise exit 3`)
    .action(async (options: { existing?: boolean }) => {
      const { runBridge } = await import('../bridge.js');
      ctx.setExit(await runBridge(thisHost(ctx), process.stdin, process.stdout, options.existing === true));
    });

  daemon
    .command('info')
    .description("print this deck's version, protocol and Node, and whether the daemon runs, as JSON (what `remote check` reads)")
    .action(async () => {
      const { deckInfo } = await import('../bridge.js');
      ctx.io.stdout(json(await deckInfo(thisHost(ctx))));
    });

  daemon
    .command('run')
    .description('run the daemon in the foreground (what auto-start runs, detached)')
    .addOption(new Option('--scrollback <lines>', 'scrollback lines per pane (default: scrollback_lines in config.toml)').argParser(parsePositive))
    .action(async (options: { scrollback?: number }) => {
      // Loaded only here: every other command stays free of node-pty and the daemon's code.
      const { runDaemon } = await import('../../daemon/main.js');
      ctx.setExit(await runDaemon({ env: ctx.io.env, ...(options.scrollback ? { scrollback: options.scrollback } : {}) }));
    });
};

/** The bridge and info always speak for the host they run on, whatever --remote said. */
function thisHost(ctx: CommandContext): NodeJS.ProcessEnv {
  const { DOT_AGENT_DECK_REMOTE: _remote, ...env } = ctx.io.env;
  return env;
}

async function restart(ctx: CommandContext): Promise<void> {
  const env = ctx.io.env;
  let pid: number | null = null;
  try {
    const connection = await connectExisting({ env });
    pid = connection?.daemonPid ?? null;
    connection?.dispose();
  } catch {
    // A daemon of another protocol version refuses the handshake; its pid file still names it.
    pid = readDaemonPid(env);
  }
  if (pid !== null) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await waitForExit(ctx, pid);
  }
  const connection = await connectDaemon({ env });
  const status = await connection.request({ kind: 'status' });
  connection.dispose();
  ctx.io.stdout(`daemon restarted (pid ${status.pid}; ${status.panes} pane${status.panes === 1 ? '' : 's'} restored)\n`);
  for (const notice of status.notices ?? []) ctx.io.stderr(`warning: ${notice}\n`);
}

/** Waits until the daemon process is gone and its socket no longer answers. */
async function waitForExit(ctx: CommandContext, pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) {
      const connection = await connectExisting({ env: ctx.io.env }).catch(() => null);
      if (!connection) return;
      // Another daemon answers already: an attached deck that lost this one started it.
      const other = connection.daemonPid !== pid;
      connection.dispose();
      if (other) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new UserError(`The daemon (pid ${pid}) did not exit within 10 s.`, { hint: `kill it with \`kill ${pid}\`` });
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`Expected a positive whole number, got "${value}".`, { exitCode: 2 });
  return n;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}
