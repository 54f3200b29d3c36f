// The socket and lock live in a directory only this user can enter (tmux does the same).
// We create it 0700, and refuse one that is a symlink, someone else's, or open to others.
import { lstatSync, mkdirSync } from 'node:fs';
import { UserError } from './errors.js';

export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UserError(`Cannot create the runtime directory ${dir}: ${(error as Error).message}`, {
      hint: 'set DOT_AGENT_DECK_RUNTIME_DIR to a directory you can write',
    });
  }
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new UserError(`The runtime directory ${dir} is not a plain directory.`, {
      hint: `remove it, or set DOT_AGENT_DECK_RUNTIME_DIR to a private directory`,
    });
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : stat.uid;
  if (stat.uid !== uid) {
    throw new UserError(`The runtime directory ${dir} belongs to another user (uid ${stat.uid}).`, {
      hint: 'set DOT_AGENT_DECK_RUNTIME_DIR to a directory of your own',
    });
  }
  if ((stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    throw new UserError(`The runtime directory ${dir} is accessible by other users (mode ${mode}).`, {
      hint: `run \`chmod 700 ${dir}\`, or set DOT_AGENT_DECK_RUNTIME_DIR to a private directory`,
    });
  }
}
