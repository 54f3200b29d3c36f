import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/common/errors.js';
import { ConfigGenMemory, configGenNeverFile, MAX_NEVER_DIRECTORIES, parseNeverFile, withDirectory } from '../../../src/config-gen/config-gen-memory.js';

let root: string;
let file: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dad-never-'));
  file = join(root, 'state', 'config-gen-never.json');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const saved = () => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('configGenNeverFile', () => {
  it.each([
    [{ XDG_STATE_HOME: '/x/state' }, '/x/state/dot-agent-deck/config-gen-never.json'],
    [{ HOME: '/home/u' }, '/home/u/.local/state/dot-agent-deck/config-gen-never.json'],
    [{ DOT_AGENT_DECK_STATE_DIR: '/s', XDG_STATE_HOME: '/x' }, '/s/config-gen-never.json'],
  ])('%j → %s', (env, expected) => {
    expect(configGenNeverFile(env)).toBe(expected);
  });
});

describe('parseNeverFile', () => {
  it.each([
    ['a file we wrote', '{"version":1,"directories":["/a","/b"]}', ['/a', '/b']],
    ['not JSON', '{"version":1,', []],
    ['another version', '{"version":2,"directories":["/a"]}', []],
    ['a wrong shape', '{"version":1,"directories":"/a"}', []],
    ['an unknown key', '{"version":1,"directories":[],"extra":true}', []],
    ['an empty entry', '{"version":1,"directories":[""]}', []],
    ['too many entries', JSON.stringify({ version: 1, directories: Array.from({ length: MAX_NEVER_DIRECTORIES + 1 }, (_, i) => `/p${i}`) }), []],
    ['null', 'null', []],
  ])('%s', (_what, text, expected) => {
    expect(parseNeverFile(text)).toEqual(expected);
  });
});

describe('withDirectory', () => {
  it.each([
    ['adds to the end', ['/a'], '/b', 3, ['/a', '/b']],
    ['moves a known directory to the end', ['/a', '/b', '/c'], '/a', 3, ['/b', '/c', '/a']],
    ['drops the oldest past the bound', ['/a', '/b', '/c'], '/d', 3, ['/b', '/c', '/d']],
    ['starts a list', [], '/a', 3, ['/a']],
  ])('%s', (_what, list, dir, max, expected) => {
    expect(withDirectory(list, dir, max)).toEqual(expected);
  });
});

describe('ConfigGenMemory', () => {
  it('remembers "Never" for a directory, by its absolute path, across instances', async () => {
    await new ConfigGenMemory(file).rememberNever('/projects/app/');
    const memory = new ConfigGenMemory(file);
    expect([await memory.isNever('/projects/app'), await memory.isNever('/projects/app/../app'), await memory.isNever('/projects/other')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(saved()).toEqual({ version: 1, directories: ['/projects/app'] });
  });

  it('writes a private file and leaves no temporary file behind', async () => {
    await new ConfigGenMemory(file).rememberNever('/a');
    expect([statSync(file).mode & 0o777, readdirSync(join(root, 'state'))]).toEqual([0o600, ['config-gen-never.json']]);
  });

  it('keeps every answer given at the same time', async () => {
    const memory = new ConfigGenMemory(file);
    await Promise.all(['/a', '/b', '/c'].map((dir) => memory.rememberNever(dir)));
    expect(await memory.directories()).toEqual(['/a', '/b', '/c']);
  });

  it('keeps a bounded list, dropping the oldest answer', async () => {
    mkdirSync(join(root, 'state'));
    const full = Array.from({ length: MAX_NEVER_DIRECTORIES }, (_, i) => `/p${i}`);
    writeFileSync(file, JSON.stringify({ version: 1, directories: full }));
    await new ConfigGenMemory(file).rememberNever('/new');
    const directories = await new ConfigGenMemory(file).directories();
    expect([directories.length, directories[0], directories.at(-1)]).toEqual([MAX_NEVER_DIRECTORIES, '/p1', '/new']);
  });

  it.each([
    ['garbage', 'not json at all'],
    ['a wrong shape', '{"version":1,"directories":{"/a":true}}'],
    ['an empty file', ''],
  ])('treats a file holding %s as empty and replaces it', async (_what, text) => {
    mkdirSync(join(root, 'state'));
    writeFileSync(file, text);
    const memory = new ConfigGenMemory(file);
    expect(await memory.isNever('/a')).toBe(false);
    await memory.rememberNever('/b');
    expect(saved()).toEqual({ version: 1, directories: ['/b'] });
  });

  it('treats a missing file, or a directory in its place, as empty', async () => {
    expect(await new ConfigGenMemory(file).directories()).toEqual([]);
    mkdirSync(file, { recursive: true });
    expect(await new ConfigGenMemory(file).isNever('/a')).toBe(false);
  });

  // Root ignores permission bits, so this case only means something for a normal user.
  it('says what to do when the state directory cannot be written', async () => {
    // A regular file where the state directory should be: no one, not even root, can create it.
    const blocker = join(root, 'not-a-dir');
    writeFileSync(blocker, '');
    const failure = await new ConfigGenMemory(join(blocker, 'state', 'never.json')).rememberNever('/a').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).hint).toContain('DOT_AGENT_DECK_STATE_DIR');
  });

  it('says what to do when the file cannot be replaced', async () => {
    mkdirSync(file, { recursive: true });
    writeFileSync(join(file, 'child'), '');
    const memory = new ConfigGenMemory(file);
    await expect(memory.rememberNever('/a')).rejects.toThrow(/^Cannot remember "Never" for \/a: /);
    // A failed write does not block the next one.
    rmSync(file, { recursive: true });
    await memory.rememberNever('/b');
    expect(saved()).toEqual({ version: 1, directories: ['/b'] });
  });
});
