// One opened orchestration tab (a routing group): it owns its broker state, its role panes, the
// commissions' deliveries and the watches, and performs the broker's effects — journal lines,
// task files, respawns, typed lines, evidence files (orchestration-effects.ts). Requests enter
// through its methods; everything is checked before anything changes.
import { createHash, randomBytes } from 'node:crypto';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { performEffect } from './orchestration-effects.js';
import { UserError } from '../common/errors.js';
import type { Role } from '../config/project-schema.js';
import { describeOpenWork } from '../orchestration/stages.js';
import { step, type BrokerEvent, type BrokerSettings, type BrokerState, type Commission, type Observation } from '../orchestration/broker.js';
import { reportSummary, reportText, writeCoordinationFile, type SharedRules } from '../orchestration/coordination-files.js';
import type { Clock, DeliveryOutcome } from '../orchestration/delivery.js';
import type { JournalDraft, Outcome, QueuedDelegation } from '../orchestration/journal-entry.js';
import { taskReportFile, taskSourceFile, unsolicitedFile, workDoneFile, workerTaskFile } from '../orchestration/prompt-lines.js';
import type { Logger } from '../common/logger.js';
import { LocalWorkerPane, type WorkerPane } from './orchestration-worker.js';
import { RemoteLink } from './remote-link.js';
import { remotePaneId, RemoteWorkerPane } from './remote-worker-pane.js';
import type { AgentStarter } from './agent-start.js';
import type { DeliveryService } from './delivery-service.js';
import type { LoadedOrchestration } from './orchestration-config.js';
import { planDelegations } from './delegation-plan.js';
import type { PaneRegistry } from './pane-registry.js';

/** What a group needs of the daemon around it. */
export interface GroupHost {
  registry: PaneRegistry;
  delivery: DeliveryService;
  starter: AgentStarter;
  clock: Clock;
  /** Where config.toml's remotes and the ssh settings come from (roles on other hosts). */
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** What a local worker's pane shows (status, prompt), for the watches. */
  observe(paneId: string): Observation | null;
  /** Appends a journal line; false when it could not be written (the reason is kept). */
  journal(group: OrchestrationGroup, entry: JournalDraft): boolean;
  runFinished(group: OrchestrationGroup): void;
  logError(message: string, fields: Record<string, unknown>): void;
}

export interface GroupInit {
  id: string;
  orchestration: string;
  projectDir: string;
  orchestratorRole: string;
  roles: Map<string, string>;
  state: BrokerState;
  config: readonly Role[];
  timeoutMinutes: number;
  shared?: SharedRules;
  /** The size a remote role's pane opens with. */
  size?: { cols?: number | undefined; rows?: number | undefined };
}

export interface DelegateRequest {
  /** The role of the calling pane. */
  from: string;
  roles: readonly string[];
  task: string;
  again: boolean;
}

export interface DelegateResult {
  delivered: string[];
  failed: Array<{ role: string; reason: string }>;
  queued: Array<{ role: string; position: number; behind: string }>;
  warnings: string[];
}

export type WorkDoneResult = { recorded: 'completion' | 'unrequested' | 'done'; file: string };

export class OrchestrationGroup implements Disposable {
  readonly id: string;
  readonly orchestration: string;
  readonly projectDir: string;
  readonly orchestratorRole: string;
  /** role → pane id (a role on another host: `HOST:group/role`, remote-worker-pane.ts) */
  readonly roles: Map<string, string>;
  /** The worker panes by pane id, here or on another host (orchestration-worker.ts). */
  readonly workers = new Map<string, WorkerPane>();
  /** One link per remote host the roles run on, held while the tab is open. */
  private readonly links = new Map<string, RemoteLink>();
  state: BrokerState;
  /** The roles as the project file last said (refreshed by every delegation). */
  config = new Map<string, Role>();
  readonly subscriptions = new DisposableStore();
  /** Panes being restarted on purpose: their exit is not a watch. */
  readonly respawning = new Set<string>();
  /** Deliveries in flight, by commission id: a `delegate` request waits for its own. */
  readonly deliveries = new Map<string, Promise<DeliveryOutcome>>();
  /** The workers' response timeout in minutes, as the project file last said. */
  timeoutMinutes: number;
  /** The team's shared rules, as the project file last said. */
  shared: SharedRules;
  /** The newest checkpointed commission per role and task digest: the same task handed to a
   *  fresh agent later (after its worker crashed) continues from that checkpoint. */
  private readonly checkpoints = new Map<string, string>();
  /** The last journal write failure, for the next `delegate` to report. */
  journalFailure: string | null = null;

  constructor(
    readonly host: GroupHost,
    init: GroupInit,
  ) {
    this.id = init.id;
    this.orchestration = init.orchestration;
    this.projectDir = init.projectDir;
    this.orchestratorRole = init.orchestratorRole;
    this.roles = init.roles;
    this.state = init.state;
    this.timeoutMinutes = init.timeoutMinutes;
    this.shared = init.shared ?? {};
    this.setConfig(init.config);
    for (const [role, paneId] of this.roles) this.addWorker(role, paneId, init.size ?? {});
  }

  /** The worker pane the group knows by `paneId`. */
  worker(paneId: string): WorkerPane | undefined {
    return this.workers.get(paneId);
  }

  /** The host a role runs on, or undefined for this one. */
  hostOf(role: string | undefined): string | undefined {
    if (role === undefined) return undefined;
    const paneId = this.roles.get(role);
    return paneId === undefined ? undefined : (this.workers.get(paneId)?.host ?? undefined);
  }

  /** What a deck command run from this role's pane may act on (`control` in the project file). */
  control(role: string): 'own' | 'group' | 'all' {
    return this.config.get(role)?.control ?? 'own';
  }

  setConfig(roles: readonly Role[], settings?: BrokerSettings, timeoutMinutes?: number): void {
    this.config = new Map(roles.map((role) => [role.name, role]));
    if (timeoutMinutes !== undefined) this.timeoutMinutes = timeoutMinutes;
    if (settings) this.dispatch({ type: 'settings', at: this.host.clock.now(), settings });
  }

  dispatch(event: BrokerEvent): void {
    const { state, effects } = step(this.state, event);
    this.state = state;
    for (const effect of effects) performEffect(this, effect);
  }

  /** Every line about a role on another host names that host. */
  journal(entry: JournalDraft): void {
    const host = this.hostOf(entry.role);
    this.host.journal(this, host !== undefined ? { ...entry, host } : entry);
  }

  // ── requests ────────────────────────────────────────────────────────────────────────────

  async delegate(request: DelegateRequest, loaded: LoadedOrchestration): Promise<DelegateResult> {
    if (request.from !== this.orchestratorRole) {
      throw new UserError(
        `Only the orchestrator (${this.orchestratorRole}) can delegate in tab ${JSON.stringify(this.id)}; this pane is the ${request.from}.`,
        {
          hint: 'report your result with `dot-agent-deck work-done --task-file FILE`',
        },
      );
    }
    if (loaded.orchestrator.name !== this.orchestratorRole) {
      throw new UserError(
        `The orchestrator role of tab ${JSON.stringify(this.id)} is ${this.orchestratorRole}, but .dot-agent-deck.toml now names ${loaded.orchestrator.name} as its start role.`,
        {
          hint: 'the file changed while the tab was open: open the orchestration again (`dot-agent-deck up`) to use the new roles',
        },
      );
    }
    this.setConfig(loaded.roles, settingsOf(loaded), loaded.config.worker_response_timeout_minutes);
    this.shared = loaded.shared;
    const digest = createHash('sha256').update(request.task.trim()).digest('hex');
    // Every target is checked before anything is written, typed or journaled.
    const plans = planDelegations({ tab: this.id, state: this.state, loaded, roles: request.roles, digest, again: request.again }, (role) => {
      const paneId = this.roles.get(role);
      return { paneId, open: paneId !== undefined && this.workers.get(paneId)?.isOpen() === true };
    });

    const failuresBefore = this.journalFailure;
    this.journalFailure = null;
    const result: DelegateResult = { delivered: [], failed: [], queued: [], warnings: [] };
    // Answered in the order the roles were named, whichever delivery finishes first.
    const outcomes = await Promise.all(
      plans.map(async ({ role, paneId, admission, earlier }) => {
        if (earlier.length > 0) {
          const detail = `stage ${role.stage} while earlier stages have open work: ${describeOpenWork(earlier)}`;
          result.warnings.push(`${role.name} was delegated to in ${detail}`);
          this.journal({ at: iso(this.host.clock.now()), event: 'out-of-order', from: request.from, role: role.name, detail });
        }
        const id = `c-${randomBytes(4).toString('hex')}`;
        const source = taskSourceFile(this.id, id);
        writeCoordinationFile(this.projectDir, source, request.task);
        if (admission.kind === 'queue') {
          const delegation: QueuedDelegation = { id, role: role.name, from: request.from, file: source, digest, queuedAt: this.host.clock.now() };
          this.dispatch({ type: 'queued', at: this.host.clock.now(), delegation });
          return { role: role.name, queued: { position: admission.position, behind: admission.behind } };
        }
        return { role: role.name, outcome: await this.startCommission(id, role.name, paneId, digest, request.from, this.timeoutMinutes) };
      }),
    );
    for (const entry of outcomes) {
      if (entry.queued) result.queued.push({ role: entry.role, ...entry.queued });
      else if (entry.outcome.ok) result.delivered.push(entry.role);
      else result.failed.push({ role: entry.role, reason: entry.outcome.reason });
    }
    if (this.journalFailure !== null) {
      result.warnings.push(
        `the delegation happened but is not in the journal (${this.journalFailure}): \`dot-agent-deck log\` and a daemon restart will not know about it`,
      );
    } else {
      this.journalFailure = failuresBefore;
    }
    return result;
  }

  workDone(caller: { paneId: string; agentId: string }, role: string, report: string, done: boolean, outcome: Outcome = 'done'): WorkDoneResult {
    if (role === this.orchestratorRole) {
      if (!done) throw new UserError('The orchestrator finishes the run with `dot-agent-deck work-done --done`; work-done without --done is for workers.');
      if (outcome !== 'done') {
        throw new UserError(`--outcome ${outcome} is how a worker says its task ended; the orchestrator closes the run with --done alone.`, {
          hint: 'say in the summary what was not done',
        });
      }
      const file = workDoneFile(this.id, role);
      writeCoordinationFile(this.projectDir, file, reportText(role, report, true));
      this.dispatch({ type: 'done', at: this.host.clock.now(), from: role });
      this.host.runFinished(this);
      return { recorded: 'done', file };
    }
    const commission = this.state.commissions[role];
    const commissioned =
      commission !== undefined && commission.paneId === caller.paneId && (commission.agentId === null || commission.agentId === caller.agentId);
    // An unrequested report never overwrites the last commissioned one.
    const file = commissioned ? workDoneFile(this.id, role) : unsolicitedFile(this.id, role);
    writeCoordinationFile(this.projectDir, file, reportText(role, report, commissioned));
    // The task's directory keeps its own report: the role's file holds only the latest.
    if (commissioned) writeCoordinationFile(this.projectDir, taskReportFile(this.id, commission.id), reportText(role, report, true));
    const tokens = this.workers.get(caller.paneId)?.tokens();
    this.dispatch({
      type: 'work-done',
      at: this.host.clock.now(),
      role,
      paneId: caller.paneId,
      agentId: caller.agentId,
      file,
      summary: reportSummary(report),
      outcome,
      ...(tokens !== undefined ? { tokens } : {}),
    });
    // A task done is done: the same task delegated again later starts from scratch.
    if (commissioned && outcome === 'done') this.forgetCheckpoint(commission);
    if (commissioned) this.workers.get(caller.paneId)?.setOutcome({ outcome, at: iso(this.host.clock.now()), commission: commission.id, file });
    return { recorded: commissioned ? 'completion' : 'unrequested', file };
  }

  // ── checkpoints ─────────────────────────────────────────────────────────────────────────

  rememberCheckpoint(commission: Commission): void {
    const key = `${commission.role}\0${commission.digest}`;
    this.checkpoints.delete(key);
    this.checkpoints.set(key, commission.id);
    // Bounded: the oldest tasks' checkpoints are forgotten first (their files stay).
    while (this.checkpoints.size > MAX_REMEMBERED_CHECKPOINTS) this.checkpoints.delete(this.checkpoints.keys().next().value!);
  }

  /** The commission whose checkpoint a delivery of `commission` continues from: its own, or the
   *  last one of the same task on the same role that ended unfinished. */
  checkpointSource(commission: Commission): string | null {
    return this.checkpoints.get(`${commission.role}\0${commission.digest}`) ?? null;
  }

  private forgetCheckpoint(commission: Commission): void {
    this.checkpoints.delete(`${commission.role}\0${commission.digest}`);
  }

  // ── watches ─────────────────────────────────────────────────────────────────────────────

  /** Feeds output, status and the clock to the watches (the service calls this every tick). */
  tick(jitterMs: () => number): void {
    const now = this.host.clock.now();
    for (const commission of Object.values(this.state.commissions)) {
      if (commission.deliveredAt === null) continue;
      const worker = this.workers.get(commission.paneId);
      const agentId = worker?.currentAgent();
      if (!worker || !agentId || agentId !== commission.agentId) continue;
      const lastOutputAt = worker.lastOutputAt();
      if (lastOutputAt !== null && lastOutputAt > (commission.lastActivityAt ?? commission.deliveredAt)) {
        this.dispatch({ type: 'activity', at: lastOutputAt, role: commission.role, agentId });
      }
      const seen = worker.observe();
      if (seen) this.dispatch({ type: 'observed', at: now, role: commission.role, agentId, seen, jitterMs: jitterMs() });
    }
    this.dispatch({ type: 'tick', at: now });
  }

  /** Whether any of the group's panes still exists. */
  isLive(live: ReadonlySet<string>): boolean {
    return [...this.roles.values()].some((paneId) => live.has(paneId));
  }

  /** Closes the tab's side of things: remote roles' panes are closed over there (bounded),
   *  then their links. */
  dispose(): void {
    if (this.subscriptions.isDisposed) return;
    this.subscriptions.dispose();
    const closing = [...this.workers.values()].map((worker) => (worker instanceof RemoteWorkerPane ? worker.close() : (worker.dispose(), Promise.resolve())));
    const links = [...this.links.values()];
    void Promise.all(closing).then(() => {
      for (const link of links) link.dispose();
    });
  }

  private addWorker(role: string, paneId: string, size: NonNullable<GroupInit['size']>): void {
    const host = this.config.get(role)?.host;
    const config = this.config.get(role);
    let worker: WorkerPane;
    if (host !== undefined && config !== undefined && paneId === remotePaneId(host, this.id, role)) {
      let link = this.links.get(host);
      if (!link) {
        link = new RemoteLink(host, this.host.env, this.host.logger);
        this.links.set(host, link);
      }
      worker = new RemoteWorkerPane(
        host,
        link,
        { group: this.id, role, command: config.command, agent: config.agent, projectDir: this.projectDir, cols: size.cols, rows: size.rows },
        {
          logger: this.host.logger,
          report: (agentId, report, outcome) => {
            this.workDone({ paneId, agentId }, role, report, false, outcome);
          },
        },
      );
    } else {
      worker = new LocalWorkerPane(role, paneId, {
        registry: this.host.registry,
        delivery: this.host.delivery,
        starter: this.host.starter,
        projectDir: this.projectDir,
        respawning: this.respawning,
        observe: (id) => this.host.observe(id),
      });
    }
    this.workers.set(paneId, worker);
    this.subscriptions.add(worker.onExit((agentId, exit) => this.dispatch({ type: 'exited', at: this.host.clock.now(), role, agentId, exit })));
  }

  // ── effects ─────────────────────────────────────────────────────────────────────────────

  startCommission(id: string, role: string, paneId: string, digest: string, from: string, timeoutMinutes: number): Promise<DeliveryOutcome> {
    this.dispatch({
      type: 'delegated',
      at: this.host.clock.now(),
      commission: {
        id,
        role,
        paneId,
        agentId: this.workers.get(paneId)?.currentAgent() ?? null,
        taskFile: workerTaskFile(this.id, role),
        digest,
        from,
        responseTimeoutMs: timeoutMinutes * 60_000,
      },
    });
    return this.deliveries.get(id) ?? Promise.resolve({ ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason: 'the delegation was replaced at once' });
  }
}

/** Checkpointed tasks remembered per group for a later re-delegation. */
const MAX_REMEMBERED_CHECKPOINTS = 200;

export function settingsOf(loaded: LoadedOrchestration): BrokerSettings {
  const top = loaded.config;
  return {
    stallGraceMs: top.stall_grace_seconds * 1000,
    resumeRoles: loaded.roles.filter((role) => role.resume_after_limit ?? top.resume_after_limit).map((role) => role.name),
    maxResumes: top.max_resumes,
  };
}

const iso = (at: number) => new Date(at).toISOString();
