import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCachedScript } from '../../../src/common/code-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dad-code-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const source = '(function twice(n) { return n * 2; })';
const run = (cacheFile: string | null, text = source) => runCachedScript({ source: text, filename: join(dir, 'script.js'), cacheFile, stalePrefix: 'deck-' });

describe('runCachedScript', () => {
  it('compiles without a cache, writes one on save, and the next run takes it', async () => {
    const file = join(dir, 'cache', 'deck-a.v8');
    const first = run(file);
    expect(first.fromCache).toBe(false);
    expect((first.value as (n: number) => number)(21)).toBe(42);
    await first.save();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'cache')).mode & 0o777).toBe(0o700);
    const second = run(file);
    expect(second.fromCache).toBe(true);
    expect((second.value as (n: number) => number)(4)).toBe(8);
    // Taken from the cache: nothing to write.
    const before = readFileSync(file);
    await second.save();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('compiles from source when V8 rejects the cache, and replaces it on save', async () => {
    const file = join(dir, 'deck-a.v8');
    writeFileSync(file, 'not V8 code');
    const script = run(file);
    expect(script.fromCache).toBe(false);
    expect((script.value as (n: number) => number)(1)).toBe(2);
    await script.save();
    expect(run(file).fromCache).toBe(true);
  });

  it('says nothing when the cache cannot be written', async () => {
    writeFileSync(join(dir, 'not-a-dir'), '');
    const script = run(join(dir, 'not-a-dir', 'deck-a.v8'));
    await expect(script.save()).resolves.toBeUndefined();
    expect(existsSync(join(dir, 'not-a-dir', 'deck-a.v8'))).toBe(false);
  });

  it('removes the caches of other builds when it writes, and nothing else', async () => {
    writeFileSync(join(dir, 'deck-old.v8'), 'x');
    writeFileSync(join(dir, 'other.txt'), 'x');
    await run(join(dir, 'deck-new.v8')).save();
    expect(readdirSync(dir).sort()).toEqual(['deck-new.v8', 'other.txt']);
  });

  it('runs without a cache file at all', async () => {
    const script = run(null);
    expect(script.fromCache).toBe(false);
    await script.save();
    expect(readdirSync(dir)).toEqual([]);
  });
});
