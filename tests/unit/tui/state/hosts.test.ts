// A deck over several hosts as pure state: host-keyed ids, merged lists, labels, greying, the
// host-link messages, and Ctrl+n's Host field.
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import type { KeyEvent } from '../../../../src/tui/input/input-event.js';
import type { DeckHost, DeckState, HostLink } from '../../../../src/tui/state/deck-state.js';
import type { Effect } from '../../../../src/tui/state/deck-msg.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { defaultHostFor, hostLabel, hostOf, hostOffline, mergeHostPanes, qualify, splitQualified, stopsOn, tabLabel } from '../../../../src/tui/state/hosts.js';
import { cardsOf, selectedPane, tabsOf } from '../../../../src/tui/state/selectors.js';
import { deck, keys, pane } from './fixtures.js';

const up: HostLink = { kind: 'up' };
const reconnecting: HostLink = { kind: 'reconnecting', attempt: 2, downForMs: 300, error: 'ssh: connection refused', host: 'box' };
const host = (name: string, link: HostLink = up, dir: string | null = null): DeckHost => ({ name, link, dir });

/** Both daemons number their panes from p1, and both have a tab "dev". */
const LOCAL_PANES = [pane('p1', { name: 'near' }), pane('p2', { name: 'lead', tab: 'dev' })];
const BOX_PANES = [pane('p1', { name: 'far' }), pane('p2', { name: 'coder', tab: 'dev' })];
const merged = mergeHostPanes([
  { host: 'local', panes: LOCAL_PANES },
  { host: 'box', panes: BOX_PANES },
]);

function hostsDeck(overrides: Partial<DeckState> = {}): DeckState {
  return deck({ panes: merged, hosts: [host('local'), host('box', up, '/srv/proj')], selection: { '': 'local/p1' }, ...overrides });
}

function keysIn(state: DeckState, input: string): { state: DeckState; effects: Effect[] } {
  let effects: Effect[] = [];
  for (const event of parseInput(Buffer.from(input), { flush: true }).events as KeyEvent[]) {
    const step = update(state, { type: 'dialog-input', event }, keys);
    state = step.state;
    effects = [...effects, ...step.effects];
  }
  return { state, effects };
}

describe('host-keyed ids', () => {
  it.each([
    ['local', 'p1', 'local/p1'],
    ['gpu-box', 'p12', 'gpu-box/p12'],
    ['box', 'dev/flow', 'box/dev/flow'],
  ])('%s + %s → %s and back', (name, id, qualified) => {
    expect(qualify(name, id)).toBe(qualified);
    expect(splitQualified(qualified)).toEqual({ host: name, id });
  });

  it.each(['p1', '/p1', ''])('%j names no host', (id) => expect(splitQualified(id)).toBeNull());

  it('keeps two daemons’ p1 apart, ids and tabs alike, in the order of the hosts', () => {
    expect(merged.map((p) => [p.id, p.tab, p.name])).toEqual([
      ['local/p1', null, 'near'],
      ['local/p2', 'local/dev', 'lead'],
      ['box/p1', null, 'far'],
      ['box/p2', 'box/dev', 'coder'],
    ]);
  });

  it('adds nothing for a host not heard from yet', () => {
    expect(
      mergeHostPanes([
        { host: 'local', panes: LOCAL_PANES },
        { host: 'box', panes: null },
      ]).map((p) => p.id),
    ).toEqual(['local/p1', 'local/p2']);
  });

  it('gives each host’s "dev" its own tab, labelled with the remote’s name', () => {
    expect(tabsOf(merged, hostsDeck()).map((t) => [t.tab, t.label])).toEqual([
      [null, 'Dashboard'],
      ['local/dev', 'dev'],
      ['box/dev', 'box · dev'],
    ]);
  });

  it('leaves a deck of one daemon as it was: no host, no label', () => {
    const one = deck();
    expect(hostOf(one, 'p1')).toBeNull();
    expect(hostLabel(one, 'p1')).toBeNull();
    expect(tabLabel(one, 'a/b')).toBe('a/b');
  });

  it.each<[string, string | null]>([
    ['local/p1', null],
    ['box/p1', 'box'],
    ['box/dev', 'box'],
  ])('the label of %s is %j', (id, label) => expect(hostLabel(hostsDeck(), id)).toBe(label));
});

describe('greying a lost host', () => {
  it.each<[string, HostLink, string | null]>([
    ['up', up, null],
    ['reconnecting', reconnecting, 'reconnecting to box…'],
    ['refused', { kind: 'refused' }, 'box runs another version'],
    ['lost', { kind: 'lost', message: 'gave up' }, 'lost box'],
    ['stopped', { kind: 'stopped' }, 'box stopped'],
  ])('%s: %j', (_kind, link, text) => expect(hostOffline(host('box', link))).toBe(text));

  it('greys only the host that dropped, and says so once', () => {
    const down = update(hostsDeck(), { type: 'host-link', host: 'box', status: reconnecting }, keys).state;
    expect(hostOffline(hostOf(down, 'box/p1'))).toBe('reconnecting to box…');
    expect(hostOffline(hostOf(down, 'local/p1'))).toBeNull();
    expect(down.message?.text).toMatch(/^Lost the link to box, reconnecting…/);
    expect(down.link).toEqual({ kind: 'up' });
    // The next try is no news.
    const retried = update(down, { type: 'host-link', host: 'box', status: { ...reconnecting, attempt: 3 } }, keys).state;
    expect(retried.message?.id).toBe(down.message?.id);
    const back = update(retried, { type: 'host-link', host: 'box', status: up }, keys).state;
    expect(back.message?.text).toBe('Reconnected to box (2 panes)');
    expect(hostOffline(hostOf(back, 'box/p1'))).toBeNull();
  });

  it('keeps the selection and typing on another host’s pane while one host is away', () => {
    const typing = hostsDeck({ mode: 'typing' });
    const down = update(typing, { type: 'host-link', host: 'box', status: reconnecting }, keys).state;
    expect(down.mode).toBe('typing');
    expect(selectedPane(down)?.id).toBe('local/p1');
    expect(cardsOf(down).map((p) => p.id)).toEqual(['local/p1', 'box/p1']);
  });

  it.each<[string, HostLink, RegExp]>([
    ['refused', { kind: 'refused' }, /remote upgrade box/],
    ['lost', { kind: 'lost', message: 'ssh: no route' }, /^Gave up reconnecting to box: ssh: no route/],
    ['stopped', { kind: 'stopped' }, /daemon on box was stopped/],
  ])('says what to do when box is %s', (_kind, status, text) => {
    expect(update(hostsDeck(), { type: 'host-link', host: 'box', status }, keys).state.message?.text).toMatch(text);
  });

  it('ignores a host the deck does not have', () => {
    const state = hostsDeck();
    expect(update(state, { type: 'host-link', host: 'nosuch', status: reconnecting }, keys).state).toBe(state);
  });

  it('Stop all stops the hosts that are up and names the others', () => {
    const state = hostsDeck({ hosts: [host('local'), host('box', reconnecting), host('gpu')] });
    expect(stopsOn(state)).toEqual({ stops: ['local', 'gpu'], unreachable: ['box'] });
  });
});

describe('Ctrl+n on a deck over several hosts', () => {
  it.each<[string, string, string]>([
    ['a local pane focused', 'local/p1', 'local'],
    ['a box pane focused', 'box/p1', 'box'],
  ])('with %s the Host field starts on %s', (_what, selected, expected) => {
    const state = hostsDeck({ selection: { '': selected } });
    expect(defaultHostFor(state, selected)).toBe(expected);
    const opened = update(state, { type: 'action', action: 'new_pane' }, keys).state;
    expect(opened.dialog?.kind === 'new-pane' && opened.dialog.hostPick).toEqual({
      hosts: [
        { name: 'local', dir: null },
        { name: 'box', dir: '/srv/proj' },
      ],
      index: expected === 'local' ? 0 : 1,
    });
  });

  it('asks for no host on a deck of one daemon', () => {
    const opened = update(deck(), { type: 'action', action: 'new_pane' }, keys).state;
    expect(opened.dialog?.kind === 'new-pane' && opened.dialog.hostPick).toBeUndefined();
  });

  it.each<[string, string, Effect]>([
    // Space chooses the picker's directory; the form starts on Name.
    ['Enter on the default host', ' \r', { type: 'create-pane', cwd: '/home/me', name: 'me', command: 'bash', host: 'local' }],
    // Up twice reaches Host (above Mode), → moves it to box: the pane opens in box's directory.
    ['→ on the Host field', ' \x1b[A\x1b[A\x1b[C\r', { type: 'create-pane', cwd: '/srv/proj', name: 'me', command: 'bash', host: 'box' }],
    ['← wraps around', ' \x1b[A\x1b[A\x1b[D\r', { type: 'create-pane', cwd: '/srv/proj', name: 'me', command: 'bash', host: 'box' }],
  ])('%s', (_what, input, effect) => {
    const opened = update(hostsDeck(), { type: 'action', action: 'new_pane' }, keys).state;
    const listed = update(opened, { type: 'dir-listed', dir: '/home/me', entries: [], error: null }, keys).state;
    const { effects } = keysIn(listed, input);
    expect(effects.filter((e) => e.type === 'create-pane')).toEqual([effect]);
  });

  it('opens an orchestration on the chosen host', () => {
    const opened = update(hostsDeck(), { type: 'action', action: 'new_pane' }, keys).state;
    const listed = update(opened, { type: 'dir-listed', dir: '/home/me', entries: [], error: null }, keys).state;
    const form = keysIn(listed, ' ').state;
    const inspected = update(form, { type: 'dir-inspected', dir: '/home/me', notes: [], orchestrations: ['dev-flow'] }, keys).state;
    // Up to Mode, → to the orchestration; up to Host, → to box.
    const { effects } = keysIn(inspected, '\x1b[A\x1b[C\x1b[A\x1b[C\r');
    expect(effects).toEqual([{ type: 'open-orchestration', cwd: '/srv/proj', orchestration: 'dev-flow', host: 'box' }]);
  });
});
