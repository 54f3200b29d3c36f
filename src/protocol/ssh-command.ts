// The ssh side of a remote, as values: the argv for the system `ssh` (never a shell string here;
// the one string is the remote command, each word quoted for the remote's POSIX shell), and a
// failed ssh turned into one sentence a person can act on. Pure, so both are table tests.
import { UserError } from '../common/errors.js';

export interface SshTarget {
  /** The remote's name in config.toml, for messages. */
  name: string;
  host: string;
  user?: string | undefined;
  port?: number | undefined;
  identity?: string | undefined;
  /** The command that runs dot-agent-deck on the remote. */
  deck: string;
  /** An ssh config file in place of ~/.ssh/config (`DOT_AGENT_DECK_SSH_CONFIG`). */
  configFile?: string | undefined;
}

/**
 * 10 s × 3: a dead link (a laptop that slept, a Wi-Fi change) is noticed within 30 s and the deck
 * reconnects; a live one costs one small packet every 10 s. BatchMode: ssh never prompts, since
 * the terminal belongs to the deck; a missing key or an unknown host key is an error instead.
 */
export const SSH_OPTIONS = ['-o', 'BatchMode=yes', '-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3', '-o', 'ConnectTimeout=15'] as const;

/** A word as the remote shell must see it: single-quoted, quotes inside closed and escaped. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function destination(target: Pick<SshTarget, 'host' | 'user'>): string {
  return target.user ? `${target.user}@${target.host}` : target.host;
}

/** `ssh … -- [user@]host 'deck' words…`; the deck runs `words` on the remote, in `cwd` if given. */
export function sshArgv(target: SshTarget, words: readonly string[], cwd?: string): string[] {
  const command = [target.deck, ...words].map(shellWord).join(' ');
  return [
    ...SSH_OPTIONS,
    ...(target.configFile ? ['-F', target.configFile] : []),
    ...(target.port ? ['-p', String(target.port)] : []),
    ...(target.identity ? ['-i', target.identity, '-o', 'IdentitiesOnly=yes'] : []),
    '-T',
    '--',
    destination(target),
    cwd === undefined ? command : `cd ${shellWord(cwd)} && ${command}`,
  ];
}

/** What a person types to reach the host the way the deck does (to accept a host key, say). */
export function sshHint(target: SshTarget): string {
  return ['ssh', ...(target.configFile ? ['-F', target.configFile] : []), ...(target.port ? ['-p', String(target.port)] : []), destination(target)].join(' ');
}

/** The command that installs this deck's version on a remote, with the registry npm there uses. */
export function installCommand(version: string): string[] {
  return ['npm', 'install', '--global', `dot-agent-deck@${version}`];
}

/** Why an ssh to the remote ended with `exitCode`, from what ssh and the remote printed. */
export function sshFailure(target: SshTarget, exitCode: number | null, stderr: string, version: string): UserError {
  const where = `remote "${target.name}" (${destination(target)}${target.port ? `:${target.port}` : ''})`;
  const last = lastLine(stderr);
  const install = installCommand(version).join(' ');
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(stderr)) {
    return new UserError(`The host key of ${where} changed since it was last seen: the host was reinstalled, or someone is in the middle.`, {
      hint: `if you know the host was reinstalled, remove the old key with \`ssh-keygen -R ${target.host}\` and connect once with \`${sshHint(target)}\` to accept the new one`,
    });
  }
  if (/Host key verification failed|No (?:ED25519|RSA|ECDSA)? ?host key is known/i.test(stderr)) {
    return new UserError(`The host key of ${where} is not known, and the deck never asks (ssh runs with BatchMode).`, {
      hint: `connect once with \`${sshHint(target)}\`, check the fingerprint and accept it`,
    });
  }
  if (/Permission denied/.test(stderr)) {
    return new UserError(`${capital(where)} refused the login: ssh offered no key it accepts (${last}).`, {
      hint: `add your key to ssh-agent (\`ssh-add\`), or name one with \`dot-agent-deck remote add ${target.name} … --identity FILE\` (remove and add again)`,
    });
  }
  if (/Could not resolve hostname/.test(stderr)) {
    return new UserError(`The host name "${target.host}" of remote "${target.name}" does not resolve.`, {
      hint: 'check it with `dot-agent-deck remote list`, or use an address or a Host alias of your ssh config',
    });
  }
  if (/Connection refused/.test(stderr)) {
    return new UserError(`Nothing accepts ssh connections at ${where} (connection refused).`, { hint: 'check that sshd runs there and the port is right' });
  }
  if (/timed out|No route to host|Network is unreachable|Connection closed by|Connection reset/.test(stderr)) {
    return new UserError(`Cannot reach ${where}: ${last}.`, { hint: 'check the network, then try again' });
  }
  if (exitCode === 127 || /command not found|not found$/m.test(stderr)) {
    return new UserError(`dot-agent-deck is not installed on ${where} ("${target.deck}" is not on the PATH of a non-interactive ssh session).`, {
      hint: `install it there with \`${install}\` (\`dot-agent-deck remote upgrade ${target.name}\` runs it), or name its full path with --deck`,
    });
  }
  if (/unknown command|unknown option/.test(stderr)) {
    return new UserError(`The dot-agent-deck on ${where} is too old to be reached from here (${last}).`, {
      hint: `run \`dot-agent-deck remote upgrade ${target.name}\` (it runs \`${install}\` there)`,
    });
  }
  if (exitCode === 255) return new UserError(`ssh to ${where} failed: ${last || 'no message'}.`, { hint: `try \`${sshHint(target)}\` to see why` });
  return new UserError(`The dot-agent-deck on ${where} stopped (exit ${exitCode ?? 'by a signal'})${last ? `: ${last}` : '.'}`, {
    hint: `run \`dot-agent-deck remote check ${target.name}\``,
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^(?:error|ssh): /, '').trim())
    .filter((line) => line !== '' && !/^(?:Warning: Permanently added|hint:)/.test(line));
  return (lines.at(-1) ?? '').replace(/\.$/, '');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
