// The hosts link against fake connections and virtual time: every request, keystroke and frame
// reaches the daemon that owns the pane, the lists merge with host-keyed ids, and one host's drop
// leaves the others alone.
import { describe, expect, it } from 'vitest';
import type { PaneFrame } from '../../../../src/protocol/pane-types.js';
import type { LinkConnection } from '../../../../src/tui/link/daemon-link.js';
import { HostsLink, type HostLinkChange } from '../../../../src/tui/link/hosts-link.js';
import { FakeClock } from '../../../helpers/fake-clock.js';
import { pane } from '../state/fixtures.js';
import { FakeConnection } from './fake-connection.js';

const frame = (paneId: string): PaneFrame => ({
  paneId,
  cols: 2,
  rows: 1,
  full: true,
  lines: [],
  cursor: { x: 0, y: 0, visible: true },
  modes: {
    bracketedPaste: false,
    applicationCursor: false,
    applicationKeypad: false,
    mouseTracking: 'none',
    mouseSgr: false,
    focusEvents: false,
    alternateScreen: false,
    cursorVisible: true,
  },
  title: '',
  scroll: { offset: 0, total: 0 },
});

/** Two daemons that both have a p1; box's connect answers `boxAttempts` in turn (the last repeats). */
function twoHosts(boxAttempts: Array<FakeConnection | Error> = [new FakeConnection(2, [pane('p1', { name: 'far' })])]) {
  const clock = new FakeClock();
  const local = new FakeConnection(1, [pane('p1', { name: 'near' }), pane('p2', { tab: 'dev' })]);
  let tries = 0;
  const link = new HostsLink(
    [
      { name: 'local', connect: () => Promise.resolve(local as unknown as LinkConnection) },
      {
        name: 'box',
        connect: () => {
          const next = boxAttempts[Math.min(tries++, boxAttempts.length - 1)]!;
          return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as unknown as LinkConnection);
        },
      },
    ],
    clock,
  );
  const changes: HostLinkChange[] = [];
  link.onHostState((change) => changes.push(change));
  const box = boxAttempts.find((attempt): attempt is FakeConnection => attempt instanceof FakeConnection)!;
  return { link, local, box, clock, changes };
}

describe('HostsLink', () => {
  it('merges both daemons’ panes with host-keyed ids', async () => {
    const { link } = twoHosts();
    await link.open();
    expect(link.panes?.map((p) => [p.id, p.tab, p.name])).toEqual([
      ['local/p1', null, 'near'],
      ['local/p2', 'local/dev', 'pane-p2'],
      ['box/p1', null, 'far'],
    ]);
    link.dispose();
  });

  it.each([
    ['kill', { kind: 'kill', pane: 'box/p1' }, 'box', { kind: 'kill', pane: 'p1' }],
    ['subscribe', { kind: 'subscribe', pane: 'local/p1', cols: 80, rows: 24 }, 'local', { kind: 'subscribe', pane: 'p1', cols: 80, rows: 24 }],
    ['rename', { kind: 'rename', pane: 'box/p1', name: 'x' }, 'box', { kind: 'rename', pane: 'p1', name: 'x' }],
    ['timeline', { kind: 'timeline', tab: 'local/dev' }, 'local', { kind: 'timeline', tab: 'dev' }],
  ] as const)('sends %s to the host that owns it, with the daemon’s own id', async (_kind, body, to, sent) => {
    const { link, local, box } = twoHosts();
    await link.open();
    await link.request(body);
    const target = to === 'box' ? box : local;
    const other = to === 'box' ? local : box;
    expect(target.bodies.at(-1)).toEqual(sent);
    expect(other.bodies.map((b) => b.kind)).toEqual(['list']);
    link.dispose();
  });

  it('types into the pane of the right host', async () => {
    const { link, local, box } = twoHosts();
    await link.open();
    link.sendInput('box/p1', 'far');
    link.sendInput('local/p1', 'near');
    link.sendInput('nosuch/p1', 'lost');
    expect(box.typed).toEqual(['p1:far']);
    expect(local.typed).toEqual(['p1:near']);
    link.dispose();
  });

  it('qualifies frames and a new pane’s answer with their host', async () => {
    const { link, box } = twoHosts();
    await link.open();
    const frames: string[] = [];
    link.onFrame((f) => frames.push(f.paneId));
    box.frameEmitter.fire(frame('p1'));
    expect(frames).toEqual(['box/p1']);
    box.request = (body) => {
      box.bodies.push(body as never);
      return Promise.resolve({ pane: pane('p7', { tab: 't' }) });
    };
    const created = await link.request({ kind: 'new', command: 'bash', cwd: '/srv', name: 'n', cols: 80, rows: 24 }, 'box');
    expect([created.pane.id, created.pane.tab]).toEqual(['box/p7', 'box/t']);
    link.dispose();
  });

  it('keeps the other host up while one drops, and says which one is reconnecting', async () => {
    const first = new FakeConnection(2, [pane('p1', { name: 'far' })]);
    const again = new FakeConnection(3, [pane('p1', { name: 'far' })]);
    const { link, local, clock, changes } = twoHosts([first, new Error('ssh: connection refused'), again]);
    await link.open();
    const opened = changes.length;
    first.drop();
    expect(changes.at(-1)).toEqual({ host: 'box', state: expect.objectContaining({ kind: 'reconnecting', host: 'box' }) });
    expect(link.state.kind).toBe('up');
    // Typing into the local pane goes on; box's keys are dropped while it is away.
    link.sendInput('local/p1', 'x');
    link.sendInput('box/p1', 'y');
    expect(local.typed).toEqual(['p1:x']);
    expect(first.typed).toEqual([]);
    // Its last panes stay (greyed by the deck), and it comes back on its own.
    expect(link.panes?.map((p) => p.id)).toContain('box/p1');
    await clock.run(new Promise<void>((resolve) => link.onHostState((change) => change.state.kind === 'up' && resolve())));
    expect(changes.slice(opened).filter((c) => c.host === 'local')).toEqual([]);
    link.sendInput('box/p1', 'z');
    expect(again.typed).toEqual(['p1:z']);
    link.dispose();
  });

  it('opens with a host that cannot be reached yet, and retries it', async () => {
    const late = new FakeConnection(2, [pane('p1')]);
    const { link, clock } = twoHosts([new Error('ssh: no route to host'), late]);
    await link.open();
    expect(link.takeNotices()).toEqual(['box could not be reached, retrying: ssh: no route to host']);
    expect(link.hostState('box')?.kind).toBe('reconnecting');
    await clock.run(new Promise<void>((resolve) => link.onHostState((change) => change.state.kind === 'up' && resolve())));
    expect(link.panes?.map((p) => p.id)).toContain('box/p1');
    link.dispose();
  });

  it('fails to open only when no host answers', async () => {
    const clock = new FakeClock();
    const link = new HostsLink(
      [
        { name: 'local', connect: () => Promise.reject(new Error('no daemon')) },
        { name: 'box', connect: () => Promise.reject(new Error('ssh: refused')) },
      ],
      clock,
    );
    await expect(link.open()).rejects.toThrow('No host of --hosts could be reached (local: no daemon; box: ssh: refused).');
    link.dispose();
  });

  it('sends Stop all to every host that is up', async () => {
    const { link, local, box } = twoHosts();
    await link.open();
    await link.request({ kind: 'shutdown', force: true });
    expect(local.bodies.at(-1)).toEqual({ kind: 'shutdown', force: true });
    expect(box.bodies.at(-1)).toEqual({ kind: 'shutdown', force: true });
    link.dispose();
  });

  it('drops a stopped host’s panes and ends only when every host is gone', async () => {
    const { link, local, box } = twoHosts();
    await link.open();
    const ends: string[] = [];
    link.onState((state) => ends.push(state.kind));
    link.expectClose();
    box.drop();
    expect(link.panes?.map((p) => p.id)).toEqual(['local/p1', 'local/p2']);
    expect(ends).toEqual([]);
    local.drop();
    expect(ends).toEqual(['closed']);
    link.dispose();
  });
});
