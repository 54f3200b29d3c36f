// `--remote NAME` on the CLI verbs, handled once for all of them. Verbs that talk to the daemon
// (ls, send, capture, …) keep their code: the option names the remote in the environment and
// connectDaemon takes the ssh transport. Verbs that read or name the project's files (up, new,
// log, report, validate) run on the remote host itself, in its project directory, because that
// is where the files are. The split of argv is pure; the remote run is a thin shell.
import { execa } from 'execa';
import { ExitCode, UserError } from '../common/errors.js';
import { VERSION } from '../common/version.js';
import { sshArgv, sshFailure } from '../protocol/ssh-command.js';
import type { CliIO } from './io.js';
import { REMOTE_ENV, resolveRemote, sshEnv, sshTarget } from './remote-target.js';

/** Reach the remote daemon through the transport seam. */
export const DAEMON_VERBS: ReadonlySet<string> = new Set(['ls', 'send', 'capture', 'kill', 'explain', 'watch', 'daemon']);
/** Run on the remote host, where the project's files are. */
export const HOST_VERBS: ReadonlySet<string> = new Set(['up', 'new', 'log', 'report', 'validate']);

export type RemoteSplit = { remote: null; argv: string[] } | { remote: string; verb: 'daemon' | 'host'; argv: string[] } | { error: string };

/** Takes `--remote NAME` / `--remote=NAME` out of argv (up to a `--`), and says how the verb runs. */
export function splitRemoteOption(argv: readonly string[]): RemoteSplit {
  const rest: string[] = [];
  let remote: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (word === '--remote' || word.startsWith('--remote=')) {
      const value = word === '--remote' ? argv[++i] : word.slice('--remote='.length);
      if (value === undefined || value === '' || value.startsWith('-'))
        return { error: '--remote needs the name of a remote (see `dot-agent-deck remote list`).' };
      remote = value;
      continue;
    }
    rest.push(word);
  }
  if (remote === null) return { remote: null, argv: rest };
  const verb = rest[0];
  if (verb !== undefined && DAEMON_VERBS.has(verb)) return { remote, verb: 'daemon', argv: rest };
  if (verb !== undefined && HOST_VERBS.has(verb)) return { remote, verb: 'host', argv: rest };
  return {
    error: `${verb === undefined ? 'The deck itself' : `"${verb}"`} has no --remote (it takes: ${[...DAEMON_VERBS, ...HOST_VERBS].join(', ')}); use \`dot-agent-deck connect NAME\` for the deck.`,
  };
}

/** Runs `argv` with the deck on the remote, in its project directory; returns the exit code. */
export async function runOnRemote(io: CliIO, name: string, argv: readonly string[]): Promise<number> {
  const remote = await resolveRemote(io, name);
  const target = sshTarget(remote, io.env);
  const child = execa('ssh', sshArgv(target, argv, remote.dir), {
    env: sshEnv(io.env),
    extendEnv: false,
    reject: false,
    buffer: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => io.stdout(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr = (stderr + text).slice(-8192);
    io.stderr(text);
  });
  const result = await child;
  // 255: ssh itself failed; 127: no deck there. Anything else is the remote command's own ending.
  if (result.exitCode === 255 || result.exitCode === 127) throw sshFailure(target, result.exitCode, stderr, VERSION);
  return result.exitCode ?? ExitCode.failure;
}

export function remoteOptionError(message: string): UserError {
  return new UserError(message, { exitCode: ExitCode.usage });
}

export { REMOTE_ENV };
