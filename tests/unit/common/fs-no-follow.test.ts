import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileNoFollowSync, readFileNoFollowSync } from '../../../src/common/fs-no-follow.js';
import { createFileLogger } from '../../../src/common/logger.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dad-nofollow-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('appendFileNoFollowSync (issue 11, item 4)', () => {
  it('creates the file with the mode given and appends to it', () => {
    const file = join(dir, 'daemon.log');
    appendFileNoFollowSync(file, 'one\n', 0o600);
    appendFileNoFollowSync(file, 'two\n', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('replaces a symlink planted at the name with a plain file and leaves its target alone', () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    const file = join(dir, 'daemon.log');
    symlinkSync(victim, file);
    appendFileNoFollowSync(file, 'line\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('line\n');
  });

  it('replaces a dangling symlink without creating its target', () => {
    const file = join(dir, 'daemon.log');
    symlinkSync(join(dir, 'created-through-the-link'), file);
    appendFileNoFollowSync(file, 'line\n');
    expect(() => lstatSync(join(dir, 'created-through-the-link'))).toThrow(/ENOENT/);
    expect(readFileSync(file, 'utf8')).toBe('line\n');
  });

  it('reports a directory at the name rather than replacing it', () => {
    const file = join(dir, 'daemon.log');
    mkdirSync(file);
    expect(() => appendFileNoFollowSync(file, 'line\n')).toThrow(/EISDIR/);
  });
});

describe('readFileNoFollowSync', () => {
  it('reads a plain file and refuses a symlink', () => {
    const file = join(dir, 'session.json');
    writeFileSync(join(dir, 'real'), '{}');
    symlinkSync(join(dir, 'real'), file);
    expect(() => readFileNoFollowSync(file)).toThrow(/ELOOP/);
    expect(readFileNoFollowSync(join(dir, 'real'))).toBe('{}');
  });
});

describe('createFileLogger', () => {
  it('never writes through a symlink at the log name', () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    const file = join(dir, 'logs', 'daemon.log');
    mkdirSync(join(dir, 'logs'));
    symlinkSync(victim, file);
    createFileLogger(file).info('daemon listening');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(file, 'utf8')).toMatch(/INFO {2}daemon listening\n$/);
  });
});
