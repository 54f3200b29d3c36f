// The daemon's life: racing starts, a kill -9 and the restore that follows, hostile clients,
// and a runtime directory it must refuse.
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { isProcessAlive } from '../../../src/common/process-alive.js';
import { waitFor } from '../../helpers/wait.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/protocol-version.js';

describe('daemon lifecycle', () => {
  let h: DaemonHarness;
  beforeEach(() => {
    h = createDaemonHarness({ PS1: '$ ' });
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('ends ten concurrent auto-starts with exactly one daemon', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => h.ok(['daemon', 'start'])));
    const pids = new Set(results.map((out) => /pid (\d+)/.exec(out)?.[1]));
    expect(pids.size).toBe(1);
    expect([...pids][0]).toBe(String(h.daemonPid()));
  });

  it('restores panes after the daemon is killed with SIGKILL, on the next client command', async () => {
    const work = join(h.deck.root, 'work');
    const gone = join(h.deck.root, 'gone');
    mkdirSync(work);
    mkdirSync(gone);
    await h.ok(['new', '--name', 'keeper', '-p', work, '--', 'bash', '--norc', '--noprofile']);
    await h.ok(['new', '--name', 'orphan', '-p', gone, '--', 'bash', '--norc', '--noprofile']);
    const before = await h.panes();
    // The session file is written shortly after a change; wait until both panes are in it.
    await waitFor('both panes are saved', async () => {
      try {
        const saved = JSON.parse((await import('node:fs')).readFileSync(join(h.deck.stateDir, 'session.json'), 'utf8')) as { panes: unknown[] };
        return saved.panes.length === 2;
      } catch {
        return false;
      }
    });
    const pid = h.daemonPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('the daemon is gone', () => !isProcessAlive(pid));
    rmSync(gone, { recursive: true });

    const after = await h.panes();
    expect(h.daemonPid()).not.toBe(pid);
    const keeper = after.find((pane) => pane.name === 'keeper');
    const orphan = after.find((pane) => pane.name === 'orphan');
    expect(keeper).toMatchObject({ id: before.find((p) => p.name === 'keeper')!.id, state: 'running', restored: true, cwd: work });
    expect(orphan).toMatchObject({ state: 'failed', restored: true });
    expect(orphan!.failure).toContain(gone);
    await h.ok(['send', 'keeper', 'pwd']);
    await h.waitForScreen('keeper', 'the restored pane runs in its directory', new RegExp(`^${work}$`, 'm'));
    // A new pane never reuses a restored id.
    const fresh = (await h.ok(['new', '--', 'bash', '--norc', '--noprofile'])).trim();
    expect(after.map((pane) => pane.id)).not.toContain(fresh);
  });

  it('keeps serving after garbage, a 100 MB frame, invalid JSON and a wrong protocol version', async () => {
    await h.ok(['new', '--name', 'survivor', '--', 'bash', '--norc', '--noprofile']);
    const raw = (payload: Buffer | string) =>
      new Promise<string>((resolve) => {
        const socket = createConnection(h.deck.socket);
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
        socket.on('error', () => resolve(answer));
        socket.on('close', () => resolve(answer));
        socket.on('connect', () => socket.end(payload));
      });

    await raw(randomBytes(64 * 1024));
    await raw('{"type":"hello", this is not json}\n');
    await raw(`${JSON.stringify({ type: 'request', id: 1, body: { kind: 'list' } })}\n`); // no handshake
    await raw(
      `${JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'cli', version: 'x', pid: 1 })}\n${JSON.stringify({ type: 'request', id: 1, body: { kind: 'launch-missiles' } })}\n`,
    );
    const refused = await raw(`${JSON.stringify({ type: 'hello', protocol: 999, client: 'cli', version: '9.9.9', pid: 1 })}\n`);
    expect(refused).toContain('"type":"refused"');
    expect(refused).toContain('dot-agent-deck daemon restart');
    // 100 MB without a newline: the daemon must cut the connection, not buffer it.
    await raw(Buffer.alloc(100 * 1024 * 1024, 0x61));

    const panes = await h.panes();
    expect(panes.map((pane) => pane.name)).toEqual(['survivor']);
    await h.ok(['send', 'survivor', 'echo alive']);
    await h.waitForScreen('survivor', 'the pane still works', /^alive$/m);
  });

  it('refuses a runtime directory that other users can enter', async () => {
    chmodSync(h.deck.runtimeDir, 0o755);
    const result = await h.cli(['daemon', 'start']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The runtime directory ${h.deck.runtimeDir} is accessible by other users (mode 0755).`);
    expect(result.stderr).toContain(`chmod 700 ${h.deck.runtimeDir}`);
    expect(h.daemonPid()).toBeNull();
  });

  it('exits by itself after a quiet spell with no clients and no panes', async () => {
    const quiet = createDaemonHarness({ DOT_AGENT_DECK_IDLE_EXIT_MS: '300' });
    try {
      await quiet.ok(['daemon', 'start']);
      const pid = quiet.daemonPid()!;
      await waitFor('the idle daemon exits', () => !isProcessAlive(pid), { timeoutMs: 10_000 });
    } finally {
      await quiet.dispose();
    }
  });
});
