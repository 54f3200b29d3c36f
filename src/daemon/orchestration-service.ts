// The daemon's orchestrations: one OrchestrationGroup per opened tab, the shared delivery service,
// the journal (appends, write failures told to the caller, rotation with a snapshot), the watch
// clock, and the restore after a daemon restart that hands every open task back to its worker.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Emitter } from '../common/event.js';
import { errorMessage } from '../common/errors.js';
import type { Disposable } from '../common/disposable.js';
import type { Logger } from '../common/logger.js';
import { initialBrokerState, pendingNoticeLine, type Commission, type Observation } from '../orchestration/broker.js';
import { orchestratorContextText, writeCoordinationFile, type OpenTask } from '../orchestration/coordination-files.js';
import type { Clock, DeliveryOutcome } from '../orchestration/delivery.js';
import type { JournalDraft, JournalEntry, PendingNotice } from '../orchestration/journal-entry.js';
import { appendJournal, JournalFileError, readJournal, rotateJournal, ROTATE_JOURNAL_BYTES } from '../orchestration/journal.js';
import { openedGroups, openWork, unheardNotices } from '../orchestration/journal-replay.js';
import { contextFile, groupDir, orchestratorRestartLine, taskSourceFile } from '../orchestration/prompt-lines.js';
import type { ReadinessCheck } from '../orchestration/readiness-check.js';
import { tasksToPrune, type TaskEntry } from '../orchestration/task-status.js';
import { AgentStarter } from './agent-start.js';
import { DeliveryService } from './delivery-service.js';
import { sessionCpuMs } from './session-cpu.js';
import { HostedRoles } from './remote-hosted-roles.js';
import { loadOrchestration } from './orchestration-config.js';
import { OrchestrationGroup, settingsOf, type GroupInit } from './orchestration-group.js';
import { systemClock } from './orchestration-pane.js';
import type { PaneRegistry } from './pane-registry.js';
import type { PaneWriters } from './pane-writer.js';

export interface OrchestrationOptions {
  registry: PaneRegistry;
  writers: PaneWriters;
  logger: Logger;
  readiness?: ReadinessCheck;
  clock?: Clock;
  deliveryDeadlineMs?: number;
  /** Overrides the agents' silent-start limit (agent-start.ts; tests shorten it). */
  silentStartMs?: number;
  /** How often watches are checked (default 1 s), only while a group is open. */
  tickMs?: number;
  /** What a worker's pane shows (status, prompt); default: the status tracker and readiness. */
  observe?: (paneId: string) => Observation | null;
  /** Jitter added to a usage limit's reset time before resuming (default up to 60 s). */
  jitterMs?: () => number;
  /** The journal rotates past this many bytes (tests lower it). */
  rotateBytes?: number;
  /** Where config.toml's remotes and the ssh settings come from (default: the daemon's own). */
  env?: NodeJS.ProcessEnv;
}

/** Task directories kept per group beyond the open ones; older ones go when the journal rotates. */
const KEEP_TASK_SOURCES = 200;

export class OrchestrationService implements Disposable {
  readonly groups = new Map<string, OrchestrationGroup>();
  readonly clock: Clock;
  readonly delivery: DeliveryService;
  readonly starter: AgentStarter;
  /** Roles this daemon runs for orchestrations on other hosts (`host = …` there). */
  readonly hosted: HostedRoles;
  private readonly finishedEmitter = new Emitter<string>();
  /** A group's orchestrator finished the run; the value is the orchestrator's pane id. */
  readonly onRunFinished = this.finishedEmitter.event;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly options: OrchestrationOptions) {
    this.clock = options.clock ?? systemClock;
    this.delivery = new DeliveryService({
      registry: options.registry,
      writers: options.writers,
      clock: this.clock,
      logger: options.logger,
      ...(options.readiness ? { readiness: options.readiness } : {}),
      ...(options.deliveryDeadlineMs ? { deadlineMs: options.deliveryDeadlineMs } : {}),
    });
    const delivery = this.delivery;
    this.starter = new AgentStarter({
      clock: this.clock,
      logger: options.logger,
      looks: {
        drewText: (paneId, agentId) => delivery.activity(paneId)?.lastOutputAgent === agentId && delivery.screenTail(paneId, 1).length > 0,
        currentAgent: (paneId) => delivery.currentAgent(paneId),
        atPrompt: (paneId, agentId) => delivery.activity(paneId)?.lastOutputAgent === agentId && delivery.atPrompt(paneId),
        cpuMs: (paneId) => {
          const pid = options.registry.list().find((pane) => pane.id === paneId)?.pid ?? null;
          return pid === null ? null : sessionCpuMs(pid);
        },
      },
      ...(options.silentStartMs ? { silentRestartMs: options.silentStartMs } : {}),
    });
    this.hosted = new HostedRoles({ registry: options.registry, delivery: this.delivery });
  }

  /** A group id for a new tab of `name`: the name itself, then `name-2`, `name-3`, … */
  uniqueGroupId(name: string): string {
    const used = new Set([...this.groups.keys(), ...this.options.registry.list().map((pane) => pane.tab)]);
    if (!used.has(name)) return name;
    for (let n = 2; ; n++) if (!used.has(`${name}-${n}`)) return `${name}-${n}`;
  }

  addGroup(init: GroupInit): OrchestrationGroup {
    const group = new OrchestrationGroup(
      {
        registry: this.options.registry,
        delivery: this.delivery,
        starter: this.starter,
        clock: this.clock,
        env: this.options.env ?? process.env,
        logger: this.options.logger,
        observe: (paneId) => (this.options.observe ?? ((id: string) => this.observe(id)))(paneId),
        journal: (target, entry) => this.journal(target, entry),
        runFinished: (target) => {
          const paneId = target.roles.get(target.orchestratorRole);
          if (paneId !== undefined) this.finishedEmitter.fire(paneId);
        },
        logError: (message, fields) => this.options.logger.error(message, fields),
      },
      init,
    );
    this.groups.set(group.id, group);
    this.startTicking();
    return group;
  }

  /** The group a pane belongs to, if it is a role pane of an open orchestration. */
  groupOfPane(paneId: string): { group: OrchestrationGroup; role: string } | null {
    for (const group of this.groups.values()) {
      for (const [role, id] of group.roles) if (id === paneId) return { group, role };
    }
    return null;
  }

  /** Appends to the group's journal; a failure is logged, kept for the next caller to hear, and
   *  shown on the group's panes (the deck's status bar warns) until an append lands again. */
  journal(group: Pick<OrchestrationGroup, 'id' | 'projectDir' | 'journalFailure' | 'roles'>, entry: JournalDraft): boolean {
    try {
      const size = appendJournal(group.projectDir, { ...entry, group: group.id });
      this.showJournalProblem(group, null);
      if (size > (this.options.rotateBytes ?? ROTATE_JOURNAL_BYTES)) this.rotate(group.projectDir);
      return true;
    } catch (error) {
      group.journalFailure = errorMessage(error);
      this.showJournalProblem(group, error instanceof JournalFileError ? error.summary : errorMessage(error));
      this.options.logger.error('journal write failed', { group: group.id, error: errorMessage(error) });
      return false;
    }
  }

  private showJournalProblem(group: Pick<OrchestrationGroup, 'roles'>, problem: string | null): void {
    for (const paneId of group.roles.values()) this.options.registry.setJournalProblem(paneId, problem);
  }

  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** Types one line into any running pane the way delegations are delivered (readiness, one
   *  line, confirmation): config generation and seed prompts use this too. Not journaled. */
  deliverToPane(paneId: string, line: string): Promise<DeliveryOutcome> {
    const name = this.options.registry.get(paneId).name;
    return this.delivery.deliver(paneId, this.delivery.currentAgent(paneId), line, name);
  }

  /**
   * Rebuilds groups from restored panes and their projects' journals (after a daemon restart),
   * and hands the work back: every open commission is bound to its pane's new agent and its task
   * typed again, queues resume, and the orchestrator reads its context (with what is open) again.
   */
  async restore(responseTimeoutMs: number): Promise<void> {
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
        await this.restoreGroup(tab, projectDir, roles, responseTimeoutMs);
      } catch (error) {
        this.options.logger.error('could not restore an orchestration', { tab, error: errorMessage(error) });
      }
    }
  }

  dispose(): void {
    this.stopTicking();
    for (const group of this.groups.values()) group.dispose();
    this.groups.clear();
    this.hosted.dispose();
    this.delivery.dispose();
    this.finishedEmitter.dispose();
  }

  private async restoreGroup(tab: string, projectDir: string, roles: Map<string, string>, responseTimeoutMs: number): Promise<void> {
    const { entries } = readJournal(projectDir);
    const opened = openedGroups(entries).get(tab);
    if (!opened?.orchestrator) return;
    const loaded = await loadOrchestration(projectDir, opened.orchestration).catch(() => null);
    const work = openWork(entries, tab, responseTimeoutMs);
    // The digest makes a repeated delegation recognisable after the restart, too.
    const commissions = work.commissions.map((c): Commission => ({ ...c, digest: c.digest || this.digestOf(projectDir, tab, c.id) }));
    const queued = work.queued.map((q) => ({ ...q, digest: q.digest || this.digestOf(projectDir, tab, q.id) }));
    const timeoutMinutes = loaded ? loaded.config.worker_response_timeout_minutes : Math.round(responseTimeoutMs / 60_000);
    const group = this.addGroup({
      id: tab,
      orchestration: opened.orchestration,
      projectDir,
      orchestratorRole: opened.orchestrator,
      roles,
      state: initialBrokerState(tab, { commissions, queued, ...(loaded ? { settings: settingsOf(loaded) } : {}) }),
      config: loaded?.roles ?? [],
      timeoutMinutes,
      ...(loaded ? { shared: loaded.shared } : {}),
    });
    group.journal({
      at: this.now(),
      event: 'restored',
      detail: `${commissions.length} open commission(s) and ${queued.length} queued delegation(s) rebuilt after a daemon restart`,
    });
    if (loaded) {
      const open: OpenTask[] = [
        ...commissions.map((c) => ({
          role: c.role,
          since: new Date(c.delegatedAt).toISOString(),
          state: c.deliveredAt === null ? 'delegated, being delivered again' : 'working on its task, given it again',
        })),
        ...queued.map((q) => ({ role: q.role, since: new Date(q.queuedAt).toISOString(), state: 'a task waits in its queue' })),
      ];
      writeCoordinationFile(
        projectDir,
        contextFile(tab),
        orchestratorContextText({
          group: tab,
          orchestration: loaded.name,
          orchestrator: loaded.orchestrator,
          workers: loaded.workers,
          open,
          shared: loaded.shared,
          enforceStages: loaded.enforceStages,
        }),
      );
    }
    const at = this.clock.now();
    for (const commission of commissions) {
      const agentId = this.delivery.currentAgent(commission.paneId);
      if (agentId) group.dispatch({ type: 'restarted', at, role: commission.role, agentId });
    }
    group.dispatch({ type: 'drain', at });
    group.dispatch({ type: 'notice', at, notice: { role: opened.orchestrator, line: orchestratorRestartLine(tab) } });
    // What the orchestrator was never told before the crash, it is told now (its new process
    // heard none of it either way).
    for (const notice of unheardNotices(entries, tab)) {
      group.dispatch({ type: 'notice', at, notice: { role: notice.role, line: pendingNoticeLine(tab, notice, timeoutMinutes), about: notice } });
    }
  }

  private digestOf(projectDir: string, group: string, id: string): string {
    try {
      return createHash('sha256')
        .update(readFileSync(join(projectDir, taskSourceFile(group, id)), 'utf8').trim())
        .digest('hex');
    } catch {
      return '';
    }
  }

  /** Starts a new journal for `projectDir` with a snapshot of every live group's open work. */
  private rotate(projectDir: string): void {
    const at = this.now();
    const snapshot: JournalEntry[] = [];
    const live = [...this.groups.values()].filter((group) => group.projectDir === projectDir);
    for (const group of live) {
      const { commissions, queues, queue, notifying } = group.state;
      const notices: PendingNotice[] = [...(notifying ? [notifying] : []), ...queue].flatMap((notice) => (notice.about ? [notice.about] : []));
      snapshot.push({
        at,
        event: 'snapshot',
        group: group.id,
        orchestration: group.orchestration,
        from: group.orchestratorRole,
        roles: Object.fromEntries(group.roles),
        snapshot: {
          commissions: Object.values(commissions).map((c) => ({
            id: c.id,
            role: c.role,
            paneId: c.paneId,
            taskFile: c.taskFile,
            delegatedAt: c.delegatedAt,
            deliveredAt: c.deliveredAt,
            from: c.from,
            digest: c.digest,
          })),
          queues: Object.values(queues).flat(),
          notices,
        },
      });
    }
    try {
      rotateJournal(projectDir, snapshot);
      for (const group of live) this.pruneTaskSources(group);
      this.options.logger.info('journal rotated', { projectDir, groups: live.length });
    } catch (error) {
      this.options.logger.error('journal rotation failed', { projectDir, error: errorMessage(error) });
    }
  }

  /** Keeps the task directories of open and queued work and the newest others; deletes the
   *  rest (and task texts from before tasks had directories). Never follows a symlink. */
  private pruneTaskSources(group: OrchestrationGroup): void {
    const dir = join(group.projectDir, groupDir(group.id), 'tasks');
    const keep = new Set([...Object.values(group.state.commissions).map((c) => c.id), ...Object.values(group.state.queues).flatMap((q) => q.map((d) => d.id))]);
    let entries: TaskEntry[];
    try {
      entries = readdirSync(dir).flatMap((name) => {
        try {
          const info = lstatSync(join(dir, name));
          return info.isDirectory() || info.isFile() ? [{ name, mtime: info.mtimeMs }] : [];
        } catch {
          return [];
        }
      });
    } catch {
      return;
    }
    for (const name of tasksToPrune(entries, keep, KEEP_TASK_SOURCES)) {
      try {
        rmSync(join(dir, name), { recursive: true, force: true });
      } catch (error) {
        this.options.logger.warn('could not prune a task directory', { group: group.id, name, error: errorMessage(error) });
      }
    }
  }

  private startTicking(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 1000);
    this.timer.unref();
  }

  /** No groups, no timer: an idle daemon wakes for nothing. */
  private stopTicking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Feeds pane activity, status and the clock to every group's watches; forgets groups whose
   *  panes are all gone. */
  private tick(): void {
    const live = new Set(this.options.registry.list().map((pane) => pane.id));
    for (const group of [...this.groups.values()]) {
      if (!group.isLive(live)) {
        group.dispose();
        this.groups.delete(group.id);
        continue;
      }
      group.tick(this.options.jitterMs ?? (() => Math.floor(Math.random() * 60_000)));
    }
    this.delivery.prune(live);
    if (this.groups.size === 0) this.stopTicking();
  }

  private observe(paneId: string): Observation | null {
    try {
      const { status } = this.options.registry.get(paneId);
      const inputs = this.options.registry.host(paneId).inputCount;
      // Reading the screen for readiness costs a render: only when the status says idle.
      return {
        status: status.kind,
        reason: status.reason,
        until: status.until ?? null,
        atPrompt: status.kind === 'idle' && this.delivery.atPrompt(paneId),
        inputs,
      };
    } catch {
      return null;
    }
  }
}
