// The heavy-work lock with real panes: five bash panes contend for one lock through the built
// CLI; the daemon grants it in order, frees it when the holder's pane dies, and a waiter that
// runs out of time gets a sentence and exit 124.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LockState } from '../../../src/protocol/messages.js';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { waitFor } from '../../helpers/wait.js';

const BASH = ['bash', '--norc', '--noprofile'];

describe('dot-agent-deck lock', () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness({ PS1: '$ ' });
  });
  afterEach(async () => {
    await h.dispose();
  });

  const status = async (): Promise<LockState[]> => (JSON.parse(await h.ok(['lock', 'status', '--json'])) as { locks: LockState[] }).locks;
  const order = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []);

  it('grants one lock to five panes in the order they asked, and passes it on when a holder pane dies', { timeout: 90_000 }, async () => {
    const dir = h.deck.root;
    const log = join(dir, 'order.log');
    const panes: string[] = [];
    for (let n = 1; n <= 5; n++) panes.push((await h.ok(['new', '--name', `w${n}`, '-p', dir, '--', ...BASH])).trim());
    for (let n = 1; n <= 5; n++) {
      // Each command records its start, then holds the lock until the test opens its gate.
      const script = `echo start-${n} >> order.log; while [ ! -e gate-${n} ]; do sleep 0.05; done; echo end-${n} >> order.log`;
      await h.ok(['send', panes[n - 1]!, `dot-agent-deck lock --name build -- sh -c '${script}'; echo "lock-exit=$?"`]);
      await waitFor(`w${n} holds or waits for the lock`, async () => {
        const build = (await status()).find((state) => state.name === 'build');
        return build !== undefined && 1 + build.waiters.length === n;
      });
    }
    const [build] = await status();
    expect(build!.holder).toMatchObject({ label: 'w1', paneId: panes[0] });
    expect(build!.waiters.map((entry) => entry.label)).toEqual(['w2', 'w3', 'w4', 'w5']);
    await waitFor('w2 card says it waits for w1', async () => {
      const info = (await h.panes()).find((pane) => pane.id === panes[1]);
      return /^waiting for lock build \(held by w1, \d+s\)$/.test(info?.statusDetail ?? '');
    });
    expect(order(log)).toEqual(['start-1']);

    writeFileSync(join(dir, 'gate-1'), '');
    await waitFor('w2 runs after w1 finished', () => order(log).includes('start-2'));
    await h.waitForScreen(panes[0]!, 'w1 lock returns the exit code', /^lock-exit=0$/m);
    writeFileSync(join(dir, 'gate-2'), '');
    await waitFor('w3 runs after w2', () => order(log).includes('start-3'));

    // w3 holds the lock; its pane is killed with the command inside it.
    await h.ok(['kill', panes[2]!]);
    await waitFor('w4 gets the lock the dead pane held', () => order(log).includes('start-4'));
    writeFileSync(join(dir, 'gate-4'), '');
    await waitFor('w5 gets it next', () => order(log).includes('start-5'));
    writeFileSync(join(dir, 'gate-5'), '');
    await waitFor('the lock is free', async () => (await status()).length === 0);
    expect(order(log)).toEqual(['start-1', 'end-1', 'start-2', 'end-2', 'start-3', 'start-4', 'end-4', 'start-5', 'end-5']);
    const cards = await h.panes();
    expect(cards.every((pane) => !pane.statusDetail)).toBe(true);
  });

  it('streams the command output, returns its exit code, and gives up after --timeout with exit 124', async () => {
    const done = await h.cli(['lock', '--', 'sh', '-c', 'echo out-line; echo err-line >&2; exit 7']);
    expect(done).toMatchObject({ code: 7, stdout: 'out-line\n', stderr: 'err-line\n' });

    const gate = join(h.deck.root, 'gate');
    const holder = h.cli(['lock', '--name', 'tests', '--', 'sh', '-c', `while [ ! -e ${gate} ]; do sleep 0.05; done; echo held-done`], {});
    await waitFor('the holder has the lock', async () => (await status()).some((state) => state.name === 'tests' && state.holder !== null));
    const late = await h.cli(['lock', '--name', 'tests', '--timeout', '1s', '--', 'sh', '-c', 'echo must-not-run']);
    expect(late.code).toBe(124);
    expect(late.stdout).toBe('');
    expect(late.stderr).toMatch(
      /^dot-agent-deck: waiting for lock tests \(held by pid \d+, \d+s\)\nerror: Gave up waiting for lock "tests" after 1s \(held by pid \d+ for \d+s\); the command did not run\.\nhint: /,
    );
    writeFileSync(gate, '');
    expect(await holder).toMatchObject({ code: 0, stdout: 'held-done\n' });
    expect(await status()).toEqual([]);
  });

  it.each([
    [['lock', '--name', 'a b', '--', 'true'], 2, /^error: The lock name "a b" contains a space; .*\nhint: use a word such as build or tests\n$/],
    [['lock', '--timeout', 'soon', '--', 'true'], 2, /^error: --timeout "soon" is not a duration\.\nhint: write it like 90s, 30m, 2h or 1h30m\n$/],
    [['lock'], 2, /^error: lock needs the command to run\.\nhint: put it after --/],
    [['lock', '--', 'no-such-program-here'], 127, /^error: The command "no-such-program-here" was not found\.\nhint: check its name and PATH\n$/],
  ])('refuses %j with one sentence', async (args, code, message) => {
    const result = await h.cli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});
