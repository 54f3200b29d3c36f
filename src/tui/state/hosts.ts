// One deck over several daemons (`--hosts local,gpu-box`, ARCHITECTURE.md §1): every pane and tab
// id is qualified with its host ("gpu-box/p3"), because two daemons number their panes alike.
// The hosts link qualifies at its edge and strips the host again for each request; everything in
// between (state, input routing, frames, subscriptions) keys by the qualified id. A deck on one
// daemon has no hosts and its ids are the daemon's own.
import type { PaneInfo } from '../../protocol/messages.js';
import type { DeckHost, DeckState } from './deck-state.js';

export type { DeckHost, HostLink } from './deck-state.js';

/** This machine's daemon in a host list. */
export const LOCAL_HOST = 'local';

/** Host names are remote names (letters, digits, "-", "_"), so the first "/" ends the host. */
const SEPARATOR = '/';

export function qualify(host: string, id: string): string {
  return `${host}${SEPARATOR}${id}`;
}

/** The host and the daemon's own id of a qualified id; null when it names no host. */
export function splitQualified(id: string): { host: string; id: string } | null {
  const at = id.indexOf(SEPARATOR);
  return at <= 0 ? null : { host: id.slice(0, at), id: id.slice(at + 1) };
}

/** One daemon's pane as the deck keys it: id and tab carry the host. */
export function qualifyPane(host: string, pane: PaneInfo): PaneInfo {
  return { ...pane, id: qualify(host, pane.id), tab: pane.tab === null ? null : qualify(host, pane.tab) };
}

/** The daemons' pane lists as one, in the order of the hosts; a host not heard from yet adds nothing. */
export function mergeHostPanes(lists: ReadonlyArray<{ host: string; panes: readonly PaneInfo[] | null }>): PaneInfo[] {
  return lists.flatMap(({ host, panes }) => (panes ?? []).map((pane) => qualifyPane(host, pane)));
}

/** The host of a pane or tab id on this deck, or null on a deck of one daemon. */
export function hostOf(state: Pick<DeckState, 'hosts'>, id: string | null): DeckHost | null {
  if (id === null || state.hosts.length === 0) return null;
  const host = splitQualified(id)?.host;
  return state.hosts.find((candidate) => candidate.name === host) ?? null;
}

/** The label a card or tab carries for its host: none for this machine or a deck of one daemon. */
export function hostLabel(state: Pick<DeckState, 'hosts'>, id: string | null): string | null {
  const host = hostOf(state, id);
  return host && host.name !== LOCAL_HOST ? host.name : null;
}

/** A tab's name without its host, as its label shows it next to the host's. */
export function tabLabel(state: Pick<DeckState, 'hosts'>, tab: string): string {
  if (state.hosts.length === 0) return tab;
  const split = splitQualified(tab);
  if (!split) return tab;
  return split.host === LOCAL_HOST ? split.id : `${split.host} · ${split.id}`;
}

/** What a card, tab or pane title of a host that is not up says instead of its status; null when up. */
export function hostOffline(host: DeckHost | null): string | null {
  if (!host) return null;
  switch (host.link.kind) {
    case 'up':
      return null;
    case 'reconnecting':
      return `reconnecting to ${host.name}…`;
    case 'refused':
      return `${host.name} runs another version`;
    case 'lost':
      return `lost ${host.name}`;
    case 'stopped':
      return `${host.name} stopped`;
  }
}

/** The host a new pane opens on: the focused pane's, else the first configured. */
export function defaultHostFor(state: Pick<DeckState, 'hosts'>, focusedId: string | null): string | null {
  return hostOf(state, focusedId)?.name ?? state.hosts[0]?.name ?? null;
}

/** What Stop all reaches on a deck over several hosts: the hosts whose daemon is up (it stops
 *  those), and the others (they keep running: nothing can reach them now). */
export function stopsOn(state: Pick<DeckState, 'hosts'>): { stops: string[]; unreachable: string[] } {
  const up = state.hosts.filter((host) => host.link.kind === 'up').map((host) => host.name);
  return { stops: up, unreachable: state.hosts.map((host) => host.name).filter((name) => !up.includes(name)) };
}
