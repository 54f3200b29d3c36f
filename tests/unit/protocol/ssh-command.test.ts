import { describe, expect, it } from 'vitest';
import { shellWord, sshArgv, sshFailure, type SshTarget } from '../../../src/protocol/ssh-command.js';

const target: SshTarget = { name: 'gpu', host: 'gpu.example', user: 'ana', port: 2222, identity: '/k/id', deck: 'dot-agent-deck' };

describe('shellWord', () => {
  it.each([
    ['bridge', 'bridge'],
    ['/opt/deck bin/dot-agent-deck', `'/opt/deck bin/dot-agent-deck'`],
    [`it's`, `'it'\\''s'`],
    ['$(rm -rf ~)', `'$(rm -rf ~)'`],
    ['a;b', `'a;b'`],
  ])('quotes %s as %s', (word, quoted) => expect(shellWord(word)).toBe(quoted));
});

describe('sshArgv', () => {
  it.each<[string, SshTarget, string[], string | undefined, string[]]>([
    [
      'every option of the remote, the destination after --',
      target,
      ['daemon', 'bridge'],
      undefined,
      ['-p', '2222', '-i', '/k/id', '-o', 'IdentitiesOnly=yes', '-T', '--', 'ana@gpu.example', 'dot-agent-deck daemon bridge'],
    ],
    [
      'a bare host, in a directory',
      { name: 'b', host: 'b', deck: 'dot-agent-deck' },
      ['ls'],
      '/srv/my app',
      ['-T', '--', 'b', `cd '/srv/my app' && dot-agent-deck ls`],
    ],
    [
      'an ssh config file',
      { name: 'b', host: 'b', deck: 'dot-agent-deck', configFile: '/t/ssh_config' },
      ['ls'],
      undefined,
      ['-F', '/t/ssh_config', '-T', '--', 'b', 'dot-agent-deck ls'],
    ],
  ])('%s', (_what, t, words, cwd, tail) => {
    const argv = sshArgv(t, words, cwd);
    expect(argv.slice(0, 8)).toEqual(['-o', 'BatchMode=yes', '-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3', '-o', 'ConnectTimeout=15']);
    expect(argv.slice(8)).toEqual(tail);
  });
});

describe('sshFailure', () => {
  it.each<[string, number, string, RegExp, RegExp]>([
    [
      'a changed host key',
      255,
      '@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n',
      /host key of remote "gpu" \(ana@gpu.example:2222\) changed/,
      /ssh-keygen -R gpu.example/,
    ],
    ['an unknown host key', 255, 'Host key verification failed.\n', /is not known, and the deck never asks/, /ssh -p 2222 ana@gpu.example/],
    ['a refused key', 255, 'ana@gpu.example: Permission denied (publickey).\n', /refused the login.*Permission denied \(publickey\)/, /--identity FILE/],
    [
      'an unresolvable name',
      255,
      'ssh: Could not resolve hostname gpu.example: Name or service not known\n',
      /"gpu.example" of remote "gpu" does not resolve/,
      /remote list/,
    ],
    ['no sshd', 255, 'ssh: connect to host gpu.example port 2222: Connection refused\n', /connection refused/, /sshd runs/],
    ['no deck', 127, 'bash: line 1: dot-agent-deck: command not found\n', /not installed on remote "gpu"/, /npm install --global dot-agent-deck@1\.2\.3/],
    ['a deck without the bridge', 1, "error: unknown command 'bridge'\n", /too old to be reached/, /remote upgrade gpu/],
    [
      'the deck failing over there',
      1,
      'error: The dot-agent-deck daemon did not start within 8000 ms.\nhint: look at the log\n',
      /stopped \(exit 1\): The dot-agent-deck daemon did not start/,
      /remote check gpu/,
    ],
  ])('says what to do about %s', (_what, code, stderr, message, hint) => {
    const error = sshFailure(target, code, stderr, '1.2.3');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.hint).toMatch(hint);
  });
});
