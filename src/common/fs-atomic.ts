// Replace a file so readers see the old content or the new, never a torn mix: write a temporary
// file in the same directory (same filesystem, so rename is atomic), flush it, then rename.
// Neither step follows a symlink: the temporary file is created fresh (O_EXCL|O_NOFOLLOW), and
// rename replaces a symlink at the target's name instead of writing through it.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NO_FOLLOW } from './fs-no-follow.js';

/** Never follow or reuse something already sitting at the temporary name. */
const CREATE_FRESH = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

export interface AtomicWriteOptions {
  /**
   * Permission bits of the new file. Without it an existing file keeps its mode (a user who
   * chmod'ed their config keeps that), and a new file gets 0o644 less the umask.
   */
  mode?: number;
}

function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

// lstat, not stat: a symlink at the name is replaced, and its target's mode is none of ours.
function existingMode(file: string): number | undefined {
  try {
    const found = lstatSync(file);
    return found.isFile() ? found.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

async function existingModeAsync(file: string): Promise<number | undefined> {
  try {
    const found = await lstat(file);
    return found.isFile() ? found.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? (await existingModeAsync(file)) ?? 0o644;
  const temp = tempPathFor(file);
  const handle = await open(temp, CREATE_FRESH, mode);
  try {
    await handle.writeFile(data);
    // chmod explicitly: the mode given to open() is reduced by the umask, an explicit mode is not.
    if (options.mode !== undefined) await handle.chmod(options.mode);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The synchronous twin, for the few places that must finish before the process exits. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const mode = options.mode ?? existingMode(file) ?? 0o644;
  const temp = tempPathFor(file);
  const fd = openSync(temp, CREATE_FRESH, mode);
  let closed = false;
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    renameSync(temp, file);
  } catch (error) {
    if (!closed) closeQuietly(fd);
    unlinkQuietly(temp);
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing; the original error is the one worth reporting.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // The temporary file may never have been created.
  }
}
