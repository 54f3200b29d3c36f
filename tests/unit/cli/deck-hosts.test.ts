// `--hosts` and config.toml's `hosts`: which daemons one deck attaches to, and the one sentence
// for a name that is neither "local" nor a remote.
import { describe, expect, it } from 'vitest';
import { resolveDeckHosts } from '../../../src/cli/deck-hosts.js';
import type { Remote } from '../../../src/config/remote-config.js';

const remotes: Remote[] = [
  { name: 'gpu-box', host: 'gpu.example', deck: 'dot-agent-deck', dir: '/srv/proj' },
  { name: 'vm', host: '10.0.0.2', deck: 'dot-agent-deck' },
];

describe('resolveDeckHosts', () => {
  it.each<[string, string[] | null, string[] | null]>([
    ['no setting: the plain deck', null, null],
    ['only this machine: the plain deck', ['local'], null],
    ['this machine and a remote', ['local', 'gpu-box'], ['local', 'gpu-box']],
    ['spaces and empty words are ignored', [' local', '', 'vm '], ['local', 'vm']],
    ['remotes only', ['vm', 'gpu-box'], ['vm', 'gpu-box']],
  ])('%s', (_what, words, names) => {
    expect(resolveDeckHosts(words, remotes, '--hosts')?.map((host) => host.name) ?? null).toEqual(names);
  });

  it('carries the remote of each remote host', () => {
    expect(resolveDeckHosts(['local', 'gpu-box'], remotes, '--hosts')).toEqual([{ name: 'local' }, { name: 'gpu-box', remote: remotes[0] }]);
  });

  it.each<[string, string[], RegExp]>([
    [
      'an unknown name',
      ['local', 'gpu-bx'],
      /^--hosts names "gpu-bx", which is neither local nor a remote \(did you mean gpu-box\?\): run `dot-agent-deck remote list`/,
    ],
    ['a name twice', ['vm', 'vm'], /^--hosts names vm twice\.$/],
    ['no name at all', [' ', ''], /^--hosts names no host\.$/],
  ])('refuses %s with exit 2', (_what, words, message) => {
    let error: unknown;
    try {
      resolveDeckHosts(words, remotes, '--hosts');
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toMatch(message);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
  });
});
