// Opening the deck's own files in its runtime and state dirs without following a symlink planted
// at their names: a link there is replaced by a plain file, never written through, so nobody can
// point `daemon.sock.pid` or `daemon.log` at a file of the user's and have the deck overwrite it.
// Whole-file replacements go through fs-atomic (a fresh temp file, then rename, which replaces a
// link rather than following it); this module is for files opened in place (appends, logs).
import { closeSync, constants, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** O_NOFOLLOW: open() fails with ELOOP when the last component is a symlink. */
export const NO_FOLLOW = constants.O_NOFOLLOW;

const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW;

/**
 * Opens `file` for appending, creating it with `mode`. A symlink at `file` is removed and a new
 * plain file created in its place (O_EXCL, so a link planted again in between is refused too).
 */
export function openAppendNoFollowSync(file: string, mode = 0o600): number {
  try {
    return openSync(file, APPEND, mode);
  } catch (error) {
    if (!isSymlinkRefusal(error, file)) throw error;
  }
  unlinkSync(file);
  return openSync(file, APPEND | constants.O_EXCL, mode);
}

/** Appends `data` to `file` without following a symlink at its name (see openAppendNoFollowSync). */
export function appendFileNoFollowSync(file: string, data: string | Uint8Array, mode = 0o600): void {
  const fd = openAppendNoFollowSync(file, mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}

/** Reads `file` as UTF-8, refusing a symlink at its name (ELOOP) rather than reading its target. */
export function readFileNoFollowSync(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | NO_FOLLOW);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** ELOOP from an O_NOFOLLOW open means the name is a symlink; confirm with lstat so a genuine
 *  symlink loop further up the path is reported as the error it is. */
function isSymlinkRefusal(error: unknown, file: string): boolean {
  if ((error as NodeJS.ErrnoException).code !== 'ELOOP') return false;
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
