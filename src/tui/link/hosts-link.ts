// The deck's line to several daemons at once (`--hosts local,gpu-box`): one DaemonLink per host,
// each reconnecting on its own, behind the one surface the rest of the TUI talks to. Pane and tab
// ids are qualified with their host on the way in (state/hosts.ts) and stripped again on the way
// out, so a request, a keystroke, a subscription or a kill reaches the daemon that owns the pane.
// It merges the hosts' pane lists; it decides nothing about what the deck shows of a lost host.
import { assertNever, UserError } from '../../common/errors.js';
import { DisposableStore, type Disposable } from '../../common/disposable.js';
import { Emitter } from '../../common/event.js';
import type { PaneInfo, RequestKind, RequestOf, ResponseMap } from '../../protocol/messages.js';
import type { PaneFrame } from '../../protocol/pane-types.js';
import { mergeHostPanes, qualify, qualifyPane, splitQualified, type HostLink } from '../state/hosts.js';
import { DaemonLink, type LinkClock, type LinkConnection, type LinkState } from './daemon-link.js';

export interface HostSpec {
  name: string;
  connect(signal: AbortSignal): Promise<LinkConnection>;
  /** This machine's daemon only: whether a drop was a stop with its panes (see DaemonLink). */
  stoppedOnPurpose?(lastPanes: readonly PaneInfo[]): boolean;
}

export interface HostLinkChange {
  host: string;
  state: LinkState;
}

interface Host {
  name: string;
  link: DaemonLink;
  /** Its daemon was stopped: its panes are gone, whatever the link last heard. */
  stopped: boolean;
}

export class HostsLink implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly hosts: Host[];
  private closeExpected = false;
  private finalState: LinkState | null = null;
  private unheard: string[] = [];

  private readonly frameEmitter = this.disposables.add(new Emitter<PaneFrame>());
  private readonly panesEmitter = this.disposables.add(new Emitter<PaneInfo[]>());
  private readonly finishedEmitter = this.disposables.add(new Emitter<string>());
  private readonly stateEmitter = this.disposables.add(new Emitter<LinkState>());
  private readonly hostStateEmitter = this.disposables.add(new Emitter<HostLinkChange>());
  private readonly noticeEmitter = this.disposables.add(new Emitter<void>());

  readonly onFrame = this.frameEmitter.event;
  readonly onPanes = this.panesEmitter.event;
  readonly onFinished = this.finishedEmitter.event;
  /** Fires only when every host is gone for good (lost or closed): the deck then ends. */
  readonly onState = this.stateEmitter.event;
  /** One host's link changed; the others are untouched. */
  readonly onHostState = this.hostStateEmitter.event;
  readonly onNotice = this.noticeEmitter.event;

  constructor(specs: readonly HostSpec[], clock?: LinkClock) {
    this.hosts = specs.map((spec) => ({
      name: spec.name,
      stopped: false,
      link: this.disposables.add(
        new DaemonLink({
          connect: (signal) => spec.connect(signal),
          host: spec.name,
          ...(spec.stoppedOnPurpose ? { stoppedOnPurpose: spec.stoppedOnPurpose } : {}),
          ...(clock ? { clock } : {}),
        }),
      ),
    }));
    for (const host of this.hosts) this.listen(host);
  }

  get names(): string[] {
    return this.hosts.map((host) => host.name);
  }

  /** Up while any host may still come back; lost or closed once none can. */
  get state(): LinkState {
    return this.finalState ?? { kind: 'up', reconnected: false };
  }

  hostState(name: string): LinkState | null {
    return this.find(name)?.link.state ?? null;
  }

  /** Every host's newest panes, qualified and merged (a lost host's last list stays). */
  get panes(): PaneInfo[] | null {
    if (this.hosts.every((host) => host.link.panes === null)) return null;
    return mergeHostPanes(this.hosts.map((host) => ({ host: host.name, panes: host.stopped ? [] : host.link.panes })));
  }

  takeNotices(): string[] {
    const taken = this.unheard;
    this.unheard = [];
    return taken;
  }

  /**
   * Opens every host at once. A host that cannot be reached does not keep the deck closed: it is
   * retried and its cards show it; the open fails only when no host answers at all.
   */
  async open(): Promise<void> {
    const failures = await Promise.all(this.hosts.map((host) => host.link.openOrRetry()));
    const reached = this.hosts.filter((host) => host.link.state.kind !== 'reconnecting');
    if (reached.length === 0) {
      const why = this.hosts.map((host, i) => `${host.name}: ${failures[i] ?? 'no answer'}`).join('; ');
      throw new UserError(`No host of --hosts could be reached (${why}).`, {
        hint: 'check each with `dot-agent-deck remote check NAME`, or `dot-agent-deck daemon status` for this machine',
      });
    }
    failures.forEach((failure, i) => {
      if (failure !== null) this.unheard.push(`${this.hosts[i]!.name} could not be reached, retrying: ${failure}`);
    });
  }

  /** Requests about a pane or tab go to its host; `host` names one for the rest (a new pane);
   *  `shutdown` goes to every host that is up; anything else to the first host. */
  async request<K extends RequestKind>(body: RequestOf<K>, host?: string): Promise<ResponseMap[K]> {
    if (body.kind === 'shutdown') {
      const up = this.hosts.filter((candidate) => candidate.link.state.kind === 'up');
      const answers = await Promise.all(up.map((candidate) => candidate.link.request(body)));
      return answers[0] as ResponseMap[K];
    }
    const { target, local } = this.route(body, host);
    return qualifyResponse(target.name, body.kind, await target.link.request(local as RequestOf<K>));
  }

  sendInput(pane: string, bytes: Buffer | string): void {
    const split = splitQualified(pane);
    const host = split ? this.find(split.host) : undefined;
    if (host && split) host.link.sendInput(split.id, bytes);
  }

  /** No host here is restarted from the mismatch dialog (a person runs the upgrade). */
  reconnect(): void {}

  expectClose(): void {
    this.closeExpected = true;
    for (const host of this.hosts) host.link.expectClose();
  }

  dispose(): void {
    this.closeExpected = true;
    this.disposables.dispose();
  }

  private find(name: string): Host | undefined {
    return this.hosts.find((host) => host.name === name);
  }

  private route(body: RequestOf<RequestKind>, host: string | undefined): { target: Host; local: RequestOf<RequestKind> } {
    const byId = (id: string) => {
      const split = splitQualified(id);
      const target = split ? this.find(split.host) : undefined;
      if (!target || !split) throw new UserError(`No host of this deck has ${id}.`);
      return { target, id: split.id };
    };
    if ('pane' in body && typeof body.pane === 'string') {
      const { target, id } = byId(body.pane);
      return { target, local: { ...body, pane: id } };
    }
    if (body.kind === 'timeline') {
      const { target, id } = byId(body.tab);
      return { target, local: { ...body, tab: id } };
    }
    const target = host === undefined ? this.hosts[0] : this.find(host);
    if (!target) throw new UserError(`No host named ${host} on this deck.`, { hint: `hosts: ${this.names.join(', ')}` });
    return { target, local: body };
  }

  private listen(host: Host): void {
    const { link, name } = host;
    this.disposables.add(link.onFrame((frame) => this.frameEmitter.fire({ ...frame, paneId: qualify(name, frame.paneId) })));
    this.disposables.add(link.onFinished((paneId) => this.finishedEmitter.fire(qualify(name, paneId))));
    this.disposables.add(
      link.onPanes(() => {
        host.stopped = false;
        this.firePanes();
      }),
    );
    this.disposables.add(
      link.onNotice(() => {
        this.unheard = [...this.unheard, ...link.takeNotices().map((text) => `${name}: ${text}`)].slice(-8);
        this.noticeEmitter.fire();
      }),
    );
    this.disposables.add(
      link.onState((state) => {
        if (state.kind === 'closed') {
          host.stopped = true;
          this.firePanes();
        }
        this.hostStateEmitter.fire({ host: name, state });
        this.checkAllGone();
      }),
    );
  }

  private firePanes(): void {
    const panes = this.panes;
    if (panes) this.panesEmitter.fire(panes);
  }

  /** The deck ends only when no host can come back. */
  private checkAllGone(): void {
    if (this.finalState) return;
    const states = this.hosts.map((host) => host.link.state);
    if (!states.every((state) => state.kind === 'lost' || state.kind === 'closed')) return;
    const lost = states.filter((state): state is Extract<LinkState, { kind: 'lost' }> => state.kind === 'lost');
    this.finalState =
      this.closeExpected || lost.length === 0
        ? { kind: 'closed', by: this.closeExpected ? 'expected' : 'elsewhere' }
        : { kind: 'lost', message: `Lost every host of this deck: ${lost.map((state) => state.message).join('; ')}`, hint: lost[0]!.hint };
    this.stateEmitter.fire(this.finalState);
  }
}

/** How one host's link shows on its cards (state/hosts.ts). */
export function hostLinkOf(state: LinkState): HostLink {
  switch (state.kind) {
    case 'up':
      return { kind: 'up' };
    case 'reconnecting':
      return state;
    case 'refused':
      return { kind: 'refused' };
    case 'lost':
      return { kind: 'lost', message: state.message };
    case 'closed':
      return { kind: 'stopped' };
    default:
      return assertNever(state, 'link state');
  }
}

/** The ids in an answer, qualified with the host that gave it. */
function qualifyResponse<K extends RequestKind>(host: string, kind: K, response: ResponseMap[K]): ResponseMap[K] {
  const answer = response as Record<string, unknown>;
  const pane = (value: unknown) => qualifyPane(host, value as PaneInfo);
  // Only the answers that name panes the deck shows; the others carry no id the TUI keys by.
  if (kind === 'new') return { ...answer, pane: pane(answer.pane) } as ResponseMap[K];
  if (kind === 'up')
    return { ...answer, panes: (answer.panes as PaneInfo[]).map(pane), orchestrator: qualify(host, answer.orchestrator as string) } as ResponseMap[K];
  if (kind === 'open-mode') {
    const panes = (answer.panes as PaneInfo[]).map(pane);
    return { ...answer, tab: qualify(host, answer.tab as string), panes, agent: qualify(host, answer.agent as string) } as ResponseMap[K];
  }
  return response;
}
