// `remote add|list|remove|check|upgrade`: the hosts the deck reaches over ssh, kept in
// config.toml under [remotes.NAME]. The work is in ../remote-store.ts and ../remote-target.ts,
// loaded on use.
import { Option } from 'commander';
import { UserError } from '../../common/errors.js';
import { json, table } from '../format.js';
import type { CommandContext, CommandRegistrar } from '../program.js';

interface AddOptions {
  port?: number;
  identity?: string;
  dir?: string;
  deck?: string;
}

export const registerRemote: CommandRegistrar = (program, ctx) => {
  const remote = program
    .command('remote')
    .description('hosts the deck reaches over ssh (`connect NAME`, `--remote NAME`)')
    .addHelpText('after', '\nThe system ssh is used with your ssh config and agent; no port is opened on the remote.');

  remote
    .command('add')
    .description('remember a host as NAME')
    .argument('<name>', 'what you call it: letters, digits, "-", "_"')
    .argument('<destination>', '[user@]host, or a Host alias of your ssh config')
    .addOption(new Option('--port <n>', 'ssh port').argParser(parsePort))
    .option('--identity <file>', 'private key file for this host')
    .option('--dir <path>', 'the project directory on the remote host (absolute)')
    .option('--deck <command>', 'the dot-agent-deck command on the remote (default: dot-agent-deck on its PATH)')
    .action(async (name: string, destination: string, options: AddOptions) => {
      const { addRemote } = await import('../remote-store.js');
      const at = destination.lastIndexOf('@');
      const fields = {
        host: at === -1 ? destination : destination.slice(at + 1),
        ...(at === -1 ? {} : { user: destination.slice(0, at) }),
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.identity === undefined ? {} : { identity: options.identity }),
        ...(options.dir === undefined ? {} : { dir: options.dir }),
        ...(options.deck === undefined ? {} : { deck: options.deck }),
      };
      const added = await addRemote(ctx.io, name, fields);
      ctx.io.stdout(`Added remote ${added.name} (${describe(added)}); \`dot-agent-deck remote check ${added.name}\` tries it.\n`);
    });

  remote
    .command('list')
    .description('list the remotes')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listRemotes } = await import('../remote-store.js');
      const remotes = await listRemotes(ctx.io);
      if (options.json) ctx.io.stdout(json({ remotes }));
      else if (remotes.length === 0) ctx.io.stdout('no remotes; add one with `dot-agent-deck remote add NAME [user@]host`\n');
      else
        ctx.io.stdout(
          table(
            ['NAME', 'DESTINATION', 'DIR', 'DECK'],
            remotes.map((r) => [r.name, describe(r), r.dir ?? '-', r.deck]),
          ),
        );
    });

  remote
    .command('remove')
    .description('forget a remote (nothing changes on the host)')
    .argument('<name>')
    .action(async (name: string) => {
      const { removeRemote } = await import('../remote-store.js');
      await removeRemote(ctx.io, name);
      ctx.io.stdout(`Removed remote ${name}.\n`);
    });

  remote
    .command('check')
    .description("connect over ssh; report the remote deck's version, Node and daemon; exit 1 if it needs an install or upgrade")
    .argument('<name>')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => check(ctx, name, options.json === true));

  remote
    .command('upgrade')
    .description("install this deck's version on the remote with its own npm and registry, then restart its daemon")
    .argument('<name>')
    .action(async (name: string) => {
      const { upgradeRemote } = await import('../remote-check.js');
      await upgradeRemote(ctx.io, name);
    });
};

async function check(ctx: CommandContext, name: string, asJson: boolean): Promise<void> {
  const { checkRemote } = await import('../remote-check.js');
  const report = await checkRemote(ctx.io, name);
  if (asJson) ctx.io.stdout(json(report));
  else ctx.io.stdout(`${report.lines.join('\n')}\n`);
  if (!report.ok) ctx.setExit(1);
}

function describe(remote: { host: string; user?: string | undefined; port?: number | undefined }): string {
  return `${remote.user ? `${remote.user}@` : ''}${remote.host}${remote.port ? `:${remote.port}` : ''}`;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UserError(`--port must be a port number (1–65535), not "${value}".`, { exitCode: 2 });
  return n;
}
