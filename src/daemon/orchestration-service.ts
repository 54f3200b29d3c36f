// The broker's shell in the daemon: one routing group per opened orchestration tab, each with the
// pure broker state of src/orchestration/broker.ts. It performs the broker's effects (journal
// lines, deliveries into panes, notices to the orchestrator) and feeds their outcomes back.
// Opening, delegating and reporting live in orchestration-requests.ts; this file owns the groups.
import { randomBytes } from 'node:crypto';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import { errorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { detectAgentType } from '../agents/detect-agent.js';
import { readiness } from '../agents/readiness.js';
import { initialBrokerState, step, type BrokerEffect, type BrokerEvent, type BrokerState, type Commission } from '../orchestration/broker.js';
import { deliverLine, type Clock, type DeliveryOutcome } from '../orchestration/delivery.js';
import type { JournalDraft } from '../orchestration/journal-entry.js';
import { appendJournal, readJournal } from '../orchestration/journal.js';
import { openCommissions, openedGroups } from '../orchestration/journal-replay.js';
import type { ReadinessCheck } from '../orchestration/readiness-check.js';
import { deliveryPane, PaneActivity, systemClock, type HookView } from './orchestration-pane.js';
import type { PaneRegistry } from './pane-registry.js';
import type { PaneWriters } from './pane-writer.js';

/** Hook events that echo a submitted prompt (Claude Code / Codex, Gemini CLI). */
const PROMPT_HOOKS = ['UserPromptSubmit', 'BeforeAgent'];

export interface Group {
  id: string;
  orchestration: string;
  projectDir: string;
  orchestratorRole: string;
  /** role → pane id */
  roles: Map<string, string>;
  state: BrokerState;
  activity: Map<string, PaneActivity>;
  subscriptions: DisposableStore;
  /** Deliveries a `delegate` request is waiting for, by commission id. */
  waiting: Map<string, (outcome: DeliveryOutcome) => void>;
  /** Panes being restarted on purpose: their exit is not a watch. */
  respawning: Set<string>;
}

export interface OrchestrationOptions {
  registry: PaneRegistry;
  writers: PaneWriters;
  logger: Logger;
  readiness?: ReadinessCheck;
  clock?: Clock;
  deliveryDeadlineMs?: number;
  /** How often watches are checked (default 1 s). */
  tickMs?: number;
}

export class OrchestrationService implements Disposable {
  readonly groups = new Map<string, Group>();
  readonly clock: Clock;
  private readonly finishedEmitter = new Emitter<string>();
  /** A group's orchestrator finished the run; the value is the orchestrator's pane id. */
  readonly onRunFinished = this.finishedEmitter.event;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly options: OrchestrationOptions) {
    this.clock = options.clock ?? systemClock;
    this.timer = setInterval(() => this.tick(), options.tickMs ?? 1000);
    this.timer.unref();
  }

  /** Tells listeners (notifications) that `group`'s orchestrator closed the run. */
  runFinished(group: Pick<Group, 'roles' | 'orchestratorRole'>): void {
    const paneId = group.roles.get(group.orchestratorRole);
    if (paneId !== undefined) this.finishedEmitter.fire(paneId);
  }

  /** A group id for a new tab of `name`: the name itself, then `name-2`, `name-3`, … */
  uniqueGroupId(name: string): string {
    const used = new Set([...this.groups.keys(), ...this.options.registry.list().map((pane) => pane.tab)]);
    if (!used.has(name)) return name;
    for (let n = 2; ; n++) if (!used.has(`${name}-${n}`)) return `${name}-${n}`;
  }

  addGroup(init: Pick<Group, 'id' | 'orchestration' | 'projectDir' | 'orchestratorRole' | 'roles' | 'state'>): Group {
    const group: Group = { ...init, activity: new Map(), subscriptions: new DisposableStore(), waiting: new Map(), respawning: new Set() };
    for (const [role, paneId] of group.roles) this.watchPane(group, role, paneId);
    this.groups.set(group.id, group);
    return group;
  }

  journal(group: Pick<Group, 'id' | 'projectDir'>, entry: JournalDraft): void {
    try {
      appendJournal(group.projectDir, { ...entry, group: group.id });
    } catch (error) {
      this.options.logger.error('journal write failed', { group: group.id, error: errorMessage(error) });
    }
  }

  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  dispatch(group: Group, event: BrokerEvent): void {
    const { state, effects } = step(group.state, event);
    group.state = state;
    for (const effect of effects) this.perform(group, effect);
  }

  newCommissionId(): string {
    return `c-${randomBytes(4).toString('hex')}`;
  }

  /** Rebuilds groups from restored panes and their projects' journals (after a daemon restart). */
  restore(responseTimeoutMs: number): void {
    const byTab = new Map<string, { projectDir: string; roles: Map<string, string> }>();
    for (const pane of this.options.registry.list()) {
      if (!pane.tab || !pane.role || !pane.restored) continue;
      const entry = byTab.get(pane.tab) ?? { projectDir: pane.cwd, roles: new Map<string, string>() };
      entry.roles.set(pane.role, pane.id);
      byTab.set(pane.tab, entry);
    }
    for (const [tab, { projectDir, roles }] of byTab) {
      if (this.groups.has(tab)) continue;
      try {
        const { entries } = readJournal(projectDir);
        const opened = openedGroups(entries).get(tab);
        if (!opened) continue;
        const orchestratorRole = openedOrchestrator(entries, tab);
        if (!orchestratorRole) continue;
        const commissions = openCommissions(entries, tab, responseTimeoutMs);
        const group = this.addGroup({ id: tab, orchestration: opened.orchestration, projectDir, orchestratorRole, roles, state: initialBrokerState(commissions) });
        this.journal(group, { at: this.now(), event: 'restored', detail: `${commissions.length} open commission(s) rebuilt after a daemon restart` });
      } catch (error) {
        this.options.logger.error('could not restore an orchestration', { tab, error: errorMessage(error) });
      }
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const group of this.groups.values()) this.dropGroup(group);
    this.finishedEmitter.dispose();
  }

  private dropGroup(group: Group): void {
    group.subscriptions.dispose();
    for (const activity of group.activity.values()) activity.dispose();
    this.groups.delete(group.id);
  }

  private watchPane(group: Group, role: string, paneId: string): void {
    let host;
    try {
      host = this.options.registry.host(paneId);
    } catch {
      return;
    }
    const activity = new PaneActivity(host, this.clock);
    group.activity.set(paneId, activity);
    group.subscriptions.add(host.onExit(() => {
      if (group.respawning.has(paneId)) return;
      this.dispatch(group, { type: 'exited', at: this.clock.now(), role, agentId: host.agentId });
    }));
  }

  private perform(group: Group, effect: BrokerEffect): void {
    switch (effect.type) {
      case 'journal':
        this.journal(group, effect.entry);
        return;
      case 'deliver': {
        const { commission, line } = effect;
        void this.deliver(group, commission.paneId, commission.agentId, line, commission.role).then((outcome) => {
          this.dispatch(group, outcomeEvent(this.clock.now(), commission, outcome));
          group.waiting.get(commission.id)?.(outcome);
          group.waiting.delete(commission.id);
        });
        return;
      }
      case 'notify': {
        const paneId = group.roles.get(group.orchestratorRole);
        const agentId = paneId ? this.currentAgent(paneId) : null;
        void this.deliver(group, paneId ?? '', agentId, effect.notice.line, group.orchestratorRole).then((outcome) => {
          // Retried only when nothing was typed and the orchestrator still runs: never a duplicate.
          const retry = !outcome.ok && outcome.textAttempts === 0 && paneId !== undefined && this.currentAgent(paneId) !== null && this.groups.has(group.id);
          this.dispatch(group, { type: 'notice-result', at: this.clock.now(), ok: outcome.ok, ms: outcome.ms, ...(outcome.ok ? {} : { reason: outcome.reason, retry }) });
        });
        return;
      }
    }
  }

  /**
   * Types one line into any running pane the way delegations are delivered (readiness, one line,
   * confirmation), for panes outside an orchestration too (`generate-config`). A pane not watched
   * by a group gets a watcher for this delivery only, primed with what the registry saw of it.
   */
  async deliverToPane(paneId: string, line: string): Promise<DeliveryOutcome> {
    const name = this.options.registry.get(paneId).name;
    // Not journalled: the journal records an orchestration's commissions, and this is none.
    const watched = [...this.groups.values()].find((group) => group.activity.has(paneId))?.activity.get(paneId);
    if (watched) return this.deliverThrough(watched, paneId, this.currentAgent(paneId), line, name);
    const host = this.options.registry.host(paneId);
    const activity = new PaneActivity(host, this.clock);
    const lastOutput = this.options.registry.get(paneId).lastActivityAt;
    if (lastOutput !== null) {
      activity.lastOutputAt = Date.parse(lastOutput);
      activity.lastOutputAgent = host.agentId;
    }
    try {
      return await this.deliverThrough(activity, paneId, this.currentAgent(paneId), line, name);
    } finally {
      activity.dispose();
    }
  }

  private currentAgent(paneId: string): string | null {
    try {
      const host = this.options.registry.host(paneId);
      return host.state.kind === 'running' ? host.agentId : null;
    } catch {
      return null;
    }
  }

  private deliver(group: Group, paneId: string, agentId: string | null, line: string, role: string): Promise<DeliveryOutcome> {
    return this.deliverThrough(group.activity.get(paneId), paneId, agentId, line, role, () =>
      this.journal(group, { at: this.now(), event: 'delivery-attempt', role, paneId, agentId: agentId! }),
    );
  }

  private async deliverThrough(activity: PaneActivity | undefined, paneId: string, agentId: string | null, line: string, role: string, beforeTyping: () => void = () => undefined): Promise<DeliveryOutcome> {
    const failed = (reason: string): DeliveryOutcome => ({ ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason });
    if (!agentId || !activity) return failed(`the ${role} pane is closed or not running`);
    try {
      const host = this.options.registry.host(paneId);
      beforeTyping();
      return await deliverLine(deliveryPane(host, activity, this.options.writers, this.clock, () => this.hookView(paneId)), agentId, line, {
        readiness: this.options.readiness ?? readiness,
        agentType: detectAgentType(this.options.registry.get(paneId).command),
        clock: this.clock,
        ...(this.options.deliveryDeadlineMs ? { deadlineMs: this.options.deliveryDeadlineMs } : {}),
      });
    } catch (error) {
      return failed(errorMessage(error));
    }
  }

  /** The pane's hook facts from the status tracker: readiness input and proof of submission. */
  private hookView(paneId: string): HookView {
    try {
      const tracker = this.options.registry.statusTracker(paneId);
      const submitted = tracker.recentEvents().filter((event) => event.kind === 'hook' && PROMPT_HOOKS.some((name) => event.text.startsWith(name)));
      const last = submitted.at(-1);
      return { ...(tracker.lastHook ? { lastHookEvent: tracker.lastHook } : {}), ...(last ? { promptHookAt: Date.parse(last.at) } : {}) };
    } catch {
      return {};
    }
  }

  /** Feeds pane activity and the clock to every group's watches; forgets groups whose panes are all gone. */
  private tick(): void {
    const now = this.clock.now();
    const live = new Set(this.options.registry.list().map((pane) => pane.id));
    for (const group of [...this.groups.values()]) {
      if (![...group.roles.values()].some((paneId) => live.has(paneId))) {
        this.dropGroup(group);
        continue;
      }
      for (const commission of Object.values(group.state.commissions)) {
        const activity = group.activity.get(commission.paneId);
        const agentId = this.currentAgent(commission.paneId);
        if (activity && agentId && commission.deliveredAt !== null && activity.lastOutputAt > (commission.lastActivityAt ?? commission.deliveredAt)) {
          this.dispatch(group, { type: 'activity', at: activity.lastOutputAt, role: commission.role, agentId });
        }
      }
      this.dispatch(group, { type: 'tick', at: now });
    }
  }
}

function outcomeEvent(at: number, commission: Commission, outcome: DeliveryOutcome): BrokerEvent {
  return { type: 'delivery-result', at, commissionId: commission.id, role: commission.role, ok: outcome.ok, ms: outcome.ms, attempts: outcome.textAttempts + outcome.enterPresses, ...(outcome.ok ? {} : { reason: outcome.reason }) };
}

/** The orchestrator role recorded when the group was opened (`from` of its open entry). */
function openedOrchestrator(entries: ReturnType<typeof readJournal>['entries'], group: string): string | undefined {
  return [...entries].reverse().find((entry) => entry.event === 'open' && entry.group === group)?.from;
}
