// opencode's "install at start?" check, and the lock edits that make it answer no.
import { describe, expect, it } from 'vitest';
import { lockWithoutPlugin, lockWithPlugin, unlistedDependencies } from '../../../src/agents/opencode-lock.js';

const listed = (deps: Record<string, string>) => ({ lockfileVersion: 3, requires: true, packages: { '': { dependencies: deps } } });

describe('opencode config-dir lock', () => {
  it.each([
    ['no lock', null, null, ['@opencode-ai/plugin']],
    ['a lock with the plugin', null, listed({ '@opencode-ai/plugin': '1.18.33' }), []],
    ['a manifest dependency missing from the lock', { dependencies: { zod: '4' } }, listed({ '@opencode-ai/plugin': '*' }), ['zod']],
    [
      'dev and optional dependencies count',
      { devDependencies: { a: '1' }, optionalDependencies: { b: '1' } },
      listed({ a: '1' }),
      ['b', '@opencode-ai/plugin'],
    ],
  ])('%s: opencode would install %j', (_name, manifest, lock, expected) => {
    expect(unlistedDependencies(manifest, lock)).toEqual(expected);
  });

  it('adds the plugin to a lock without touching the rest, and nothing when listed', () => {
    const lock = { name: 'x', lockfileVersion: 3, packages: { '': { name: 'x', dependencies: { zod: '4' } }, 'node_modules/zod': { version: '4' } } };
    expect(lockWithPlugin(lock)).toEqual({
      name: 'x',
      lockfileVersion: 3,
      packages: { '': { name: 'x', dependencies: { zod: '4', '@opencode-ai/plugin': '*' } }, 'node_modules/zod': { version: '4' } },
    });
    expect(lockWithPlugin(listed({ '@opencode-ai/plugin': '*' }))).toBeNull();
    expect(lockWithPlugin(null)).toEqual(listed({ '@opencode-ai/plugin': '*' }));
  });

  it('undoes its entry: the whole file when only the deck wrote it, else just the entry', () => {
    expect(lockWithoutPlugin(lockWithPlugin(null))).toBe('delete');
    expect(lockWithoutPlugin(listed({ zod: '4', '@opencode-ai/plugin': '*' }))).toEqual(listed({ zod: '4' }));
    expect(lockWithoutPlugin(listed({ zod: '4' }))).toBeNull();
    expect(lockWithoutPlugin({ name: 'mine', ...lockWithPlugin(null) })).toEqual({ name: 'mine', lockfileVersion: 3, requires: true, packages: { '': {} } });
  });
});
