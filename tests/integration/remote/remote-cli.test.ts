// Remotes over a real sshd on loopback: `remote add/list/check/remove`, CLI verbs with --remote
// reaching the remote's daemon through `daemon bridge`, and each bad input ending in a sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { hasSshd, startSshd, type RemoteLogin, type Sshd } from '../../helpers/sshd.js';
import { waitFor } from '../../helpers/wait.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/protocol-version.js';

let sshd: Sshd;
let box: RemoteLogin;

const local = (args: readonly string[], timeoutMs = 40_000): Promise<CliResult> => runCli(args, { env: sshd.local.env, timeoutMs });

/** One sentence on stderr (an error line and at most a hint), no stack trace, non-zero exit. */
function expectSentence(result: CliResult, pattern: RegExp): void {
  expect(result.code, result.stderr).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(lines.length, result.stderr).toBeLessThanOrEqual(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe.skipIf(!hasSshd)('remotes over ssh', () => {
  beforeAll(async () => {
    sshd = await startSshd();
    box = sshd.addLogin('box');
  }, 30_000);
  afterAll(async () => sshd?.dispose(), 30_000);

  it('adds, lists and checks a remote, then reaches its daemon with --remote', async () => {
    const added = await local(['remote', 'add', 'box', 'box', '--dir', box.world.home]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added remote box \(box\)/);
    const listed = JSON.parse((await local(['remote', 'list', '--json'])).stdout) as { remotes: { name: string; host: string; dir: string }[] };
    expect(listed.remotes).toEqual([expect.objectContaining({ name: 'box', host: 'box', dir: box.world.home })]);

    const before = await local(['remote', 'check', 'box']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toMatch(/^remote box \(box\): dot-agent-deck \d+\.\d+\.\d+, protocol \d+, Node v\d+/);
    expect(before.stdout).toMatch(/daemon: not running/);
    // Asking whether the daemon runs does not start it (`daemon bridge --existing`).
    const status = await local(['daemon', 'status', '--remote', 'box', '--json']);
    expect(status.code).toBe(1);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: false });
    expect((await local(['remote', 'check', 'box'])).stdout).toMatch(/daemon: not running/);

    // `new` runs on the remote host (its directory); `ls` and `capture` go through the bridge.
    const created = await local(['new', '--remote', 'box', '-n', 'far', '--', 'bash', '--norc', '--noprofile']);
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.trim();
    const ls = JSON.parse((await local(['ls', '--remote', 'box', '--json'])).stdout) as { panes: { id: string; name: string; cwd: string }[] };
    expect(ls.panes).toEqual([expect.objectContaining({ id, name: 'far', cwd: box.world.home })]);
    // The local deck world has no daemon and no pane: everything happened over there.
    const here = await runCli(['daemon', 'status', '--json'], { env: sshd.local.env });
    expect(JSON.parse(here.stdout)).toMatchObject({ running: false });

    expect((await local(['send', '--remote', 'box', id, 'echo far-$((40+2))'])).code).toBe(0);
    await waitFor('the remote pane shows the echo', async () => /^far-42$/m.test((await local(['capture', '--remote', 'box', id])).stdout), {
      timeoutMs: 20_000,
    });

    const after = await local(['remote', 'check', 'box', '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ ok: true, info: { daemon: { running: true } } });
  }, 90_000);

  it('removes a remote and keeps the rest of config.toml as written', async () => {
    expect((await local(['remote', 'add', 'spare', 'someone@spare.example', '--port', '2222'])).code).toBe(0);
    expect((await local(['remote', 'remove', 'spare'])).stdout).toBe('Removed remote spare.\n');
    const names = (JSON.parse((await local(['remote', 'list', '--json'])).stdout) as { remotes: { name: string }[] }).remotes.map((r) => r.name);
    expect(names).toEqual(['box']);
  });

  it.each<[string, (s: Sshd) => Promise<string[]>, RegExp]>([
    ['an unknown remote name', async () => ['ls', '--remote', 'nope'], /No remote named "nope"/],
    [
      'a host name that does not resolve',
      async () => {
        await local(['remote', 'add', 'ghost', 'no-such-host.invalid']);
        return ['ls', '--remote', 'ghost'];
      },
      /The host name "no-such-host.invalid" of remote "ghost" does not resolve/,
    ],
    [
      'a key the host does not accept',
      async (s) => {
        s.addLogin('wrongkey', { authorized: false });
        await local(['remote', 'add', 'wrongkey', 'wrongkey']);
        return ['ls', '--remote', 'wrongkey'];
      },
      /refused the login: ssh offered no key it accepts/,
    ],
    [
      'a host key that changed',
      async (s) => {
        s.addLogin('changed', { knownHost: 'wrong' });
        await local(['remote', 'add', 'changed', 'changed']);
        return ['ls', '--remote', 'changed'];
      },
      /The host key of remote "changed" .* changed since it was last seen/,
    ],
    [
      'a host key never seen',
      async (s) => {
        s.addLogin('unseen', { knownHost: 'none' });
        await local(['remote', 'add', 'unseen', 'unseen']);
        return ['ls', '--remote', 'unseen'];
      },
      /The host key of remote "unseen" .* is not known/,
    ],
    [
      'a remote without the deck',
      async (s) => {
        s.addLogin('bare', { withDeck: false });
        await local(['remote', 'add', 'bare', 'bare']);
        return ['remote', 'check', 'bare'];
      },
      /dot-agent-deck is not installed on remote "bare"/,
    ],
    [
      'a remote whose deck speaks an older protocol',
      async (s) => {
        s.addLogin('old', { env: { DOT_AGENT_DECK_TEST_PROTOCOL_VERSION: '0' } });
        await local(['remote', 'add', 'old', 'old']);
        return ['ls', '--remote', 'old'];
      },
      /The deck on remote "old" speaks another protocol/,
    ],
    ['--remote on a verb without it', async () => ['init', '--remote', 'box'], /"init" has no --remote/],
  ])(
    '%s ends in one sentence',
    async (_what, prepare, pattern) => {
      expectSentence(await local(await prepare(sshd)), pattern);
    },
    60_000,
  );

  it('check says what to install when the remote speaks another protocol', async () => {
    const result = await local(['remote', 'check', 'old']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`protocol 0, this deck ${PROTOCOL_VERSION}: install .* with \`npm install --global dot-agent-deck@`));
  }, 30_000);
});
