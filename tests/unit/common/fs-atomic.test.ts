import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../../src/common/fs-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dad-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (file: string) => statSync(file).mode & 0o777;

describe.each([
  ['writeFileAtomic', (file: string, data: string, options?: { mode?: number }) => writeFileAtomic(file, data, options)],
  ['writeFileAtomicSync', async (file: string, data: string, options?: { mode?: number }) => writeFileAtomicSync(file, data, options)],
])('%s', (_name, write) => {
  it('creates a file and leaves no temporary file behind', async () => {
    const file = join(dir, 'a.toml');
    await write(file, 'x = 1\n');
    expect(readFileSync(file, 'utf8')).toBe('x = 1\n');
    expect(readdirSync(dir)).toEqual(['a.toml']);
  });

  it('replaces a file and keeps its mode', async () => {
    const file = join(dir, 'a.toml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await write(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o640);
  });

  it('applies an explicit mode regardless of the umask', async () => {
    const file = join(dir, 'secret.json');
    await write(file, '{}', { mode: 0o600 });
    expect(mode(file)).toBe(0o600);
  });

  it('replaces a symlink planted at the name instead of writing through it (issue 11, item 4)', async () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    chmodSync(victim, 0o644);
    const file = join(dir, 'daemon.sock.pid');
    symlinkSync(victim, file);
    await write(file, '4242', { mode: 0o600 });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(mode(victim)).toBe(0o644);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('4242');
  });

  it('fails without touching anything when the directory is missing', async () => {
    await expect(write(join(dir, 'missing', 'a.toml'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
