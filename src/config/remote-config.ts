// A remote host the deck reaches over the system `ssh`, as stored in config.toml under
// `[remotes.NAME]`. Every field ends up in an ssh argv, so each is checked to be what it claims
// (a host cannot start with "-" and become an ssh option; a name is a safe identifier).
import { z } from 'zod';

/** 32 characters: a name is typed on the command line and shown on cards. */
export const REMOTE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export const RemoteName = z.string().regex(REMOTE_NAME_PATTERN, { error: 'must be 1–32 letters, digits, "-" or "_", starting with a letter or digit' });

export const RemoteConfig = z
  .strictObject({
    host: z
      .string()
      .regex(/^[A-Za-z0-9_.:%[\]][A-Za-z0-9_.:%[\]-]{0,252}$/, {
        error: 'must be a host name, an address or a Host alias of your ssh config (letters, digits, ".", "-", ":"; not starting with "-")',
      })
      .describe('The host ssh connects to: a name, an address or a Host alias of ~/.ssh/config.'),
    user: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/, { error: 'must be a user name (letters, digits, ".", "-", "_")' })
      .optional()
      .describe('The remote user (default: what ssh picks, your ssh config or your local name).'),
    port: z
      .int()
      .min(1, { error: 'must be a port, 1–65535' })
      .max(65535, { error: 'must be a port, 1–65535' })
      .optional()
      .describe('The ssh port (default: your ssh config, or 22).'),
    identity: z
      .string()
      .min(1, { error: 'must name a key file' })
      .optional()
      .describe('A private key file for this host (default: your ssh agent and ssh config).'),
    dir: z
      .string()
      .regex(/^\//, { error: 'must be an absolute path on the remote host' })
      .optional()
      .describe('The project directory on the remote host (what `up --remote` opens and roles on this host work in).'),
    deck: z
      .string()
      .min(1, { error: 'must name the command' })
      .default('dot-agent-deck')
      .describe('The command that runs dot-agent-deck on the remote host (default "dot-agent-deck", found on its PATH).'),
  })
  .describe('A remote host, reached with the system ssh; add one with `dot-agent-deck remote add`.');
export type RemoteConfig = z.infer<typeof RemoteConfig>;

export const RemotesConfig = z.record(RemoteName, RemoteConfig).default({}).describe('Remote hosts by name (`dot-agent-deck remote list`).');

/** A remote with its name: what the transport and the commands carry around. */
export interface Remote extends RemoteConfig {
  name: string;
}

/** `[user@]host` as ssh's destination. */
export function sshDestination(remote: Pick<RemoteConfig, 'host' | 'user'>): string {
  return remote.user ? `${remote.user}@${remote.host}` : remote.host;
}
