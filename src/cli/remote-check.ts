// `remote check` and `remote upgrade`: one ssh run of `daemon info` on the host, read as data, and
// the install command this deck's version needs there, run with the remote's own npm.
import { execa } from 'execa';
import { z } from 'zod';
import { UserError } from '../common/errors.js';
import { VERSION } from '../common/version.js';
import { PROTOCOL_VERSION } from '../protocol/messages.js';
import { destination, installCommand, sshArgv, sshFailure, type SshTarget } from '../protocol/ssh-command.js';
import { sshOutput } from '../protocol/ssh-stream.js';
import type { CliIO } from './io.js';
import { firstIssue } from '../protocol/message-socket.js';
import { resolveRemote, sshEnv, sshTarget } from './remote-target.js';

const DeckInfo = z.object({
  version: z.string(),
  protocol: z.number(),
  node: z.string(),
  platform: z.string(),
  daemon: z.union([
    z.object({ running: z.literal(false) }),
    z.object({ running: z.literal(true), pid: z.number(), version: z.string() }),
    z.object({ running: z.literal(true), refused: z.string() }),
  ]),
});

export interface RemoteReport {
  ok: boolean;
  remote: string;
  info: z.infer<typeof DeckInfo>;
  lines: string[];
}

export async function checkRemote(io: CliIO, name: string): Promise<RemoteReport> {
  const remote = await resolveRemote(io, name);
  const target = sshTarget(remote, io.env);
  const output = await sshOutput({ target, words: ['daemon', 'info'], env: sshEnv(io.env), version: VERSION });
  let parsed: ReturnType<typeof DeckInfo.safeParse>;
  try {
    parsed = DeckInfo.safeParse(JSON.parse(output));
  } catch {
    throw tooOld(target, 'its `daemon info` printed no JSON');
  }
  if (!parsed.success) throw tooOld(target, `its \`daemon info\` says something else (${firstIssue(parsed.error)})`);
  const info = parsed.data;
  const lines = [
    `remote ${name} (${destination(target)}${target.port ? `:${target.port}` : ''}): dot-agent-deck ${info.version}, protocol ${info.protocol}, Node ${info.node}, ${info.platform}`,
    info.daemon.running
      ? 'refused' in info.daemon
        ? `  daemon: running, but refuses its own deck (${info.daemon.refused})`
        : `  daemon: running (pid ${info.daemon.pid}, version ${info.daemon.version})`
      : '  daemon: not running (connect and --remote start it)',
  ];
  const ok = info.protocol === PROTOCOL_VERSION;
  if (!ok) {
    lines.push(
      `  it speaks protocol ${info.protocol}, this deck ${PROTOCOL_VERSION}: install ${VERSION} there with \`${installCommand(VERSION).join(' ')}\` (\`dot-agent-deck remote upgrade ${name}\` runs it)`,
    );
  }
  return { ok, remote: name, info, lines };
}

/** `npm install --global dot-agent-deck@VERSION` on the host, then `daemon restart` there. */
export async function upgradeRemote(io: CliIO, name: string): Promise<void> {
  const remote = await resolveRemote(io, name);
  const target = sshTarget(remote, io.env);
  const [npm, ...npmWords] = installCommand(VERSION);
  io.stdout(`Running \`${installCommand(VERSION).join(' ')}\` on ${name}…\n`);
  await streamed(io, { ...target, deck: npm! }, npmWords);
  io.stdout(`Restarting the daemon on ${name} (its panes are started again)…\n`);
  await streamed(io, target, ['daemon', 'restart']);
}

async function streamed(io: CliIO, target: SshTarget, words: string[]): Promise<void> {
  const child = execa('ssh', sshArgv(target, words), { env: sshEnv(io.env), extendEnv: false, reject: false, buffer: false, stdin: 'ignore' });
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => io.stdout(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8192);
    io.stderr(chunk.toString('utf8'));
  });
  const result = await child;
  if (result.exitCode !== 0) throw sshFailure(target, result.exitCode ?? null, stderr, VERSION);
}

function tooOld(target: SshTarget, why: string): UserError {
  return new UserError(`The dot-agent-deck on remote "${target.name}" cannot be checked: ${why}.`, {
    hint: `run \`dot-agent-deck remote upgrade ${target.name}\``,
  });
}
