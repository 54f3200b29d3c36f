// The far side of a role on another host: this daemon opens the role's pane for the daemon that
// runs the orchestration (its connection holds the role), writes the task files it is sent into
// this host's project, types the task line with the same confirmed delivery as a local role,
// pushes the pane's status to the holder about once a second, and routes the worker's
// `work-done` back to it. It owns no broker state: the journal, queues and watches stay with the
// holder. Paths are this daemon's choice (group and role are checked safe names); lines typed are
// the deck's own (prompt-lines.ts), never text from the other side.
import { UserError, errorMessage } from '../common/errors.js';
import type { Disposable } from '../common/disposable.js';
import { nameProblem } from '../config/project-fields.js';
import { writeCoordinationFile } from '../orchestration/coordination-files.js';
import type { DeliveryOutcome } from '../orchestration/delivery.js';
import type { Outcome } from '../orchestration/journal-entry.js';
import { nudgeLine, resumeLine, workDoneFile, workerTaskFile, workerTaskLine } from '../orchestration/prompt-lines.js';
import type { RequestOf, ResponseMap } from '../protocol/messages.js';
import type { ClientHandle, RoleMessage } from './context.js';
import type { DeliveryService } from './delivery-service.js';
import type { PaneRegistry } from './pane-registry.js';

/** How often a held role's status goes to its holder: the holder's watches tick once a second. */
const STATUS_EVERY_MS = 1000;
/** Hosted roles at most: each holds a pane and a status push. */
const MAX_HOSTED = 64;

interface HostedRole {
  paneId: string;
  group: string;
  role: string;
  projectDir: string;
  command: string;
  holder: ClientHandle | null;
  release: Disposable | null;
  /** A report made while no holder was connected: the newest one waits for the next holder. */
  waiting: RoleMessage | null;
}

export interface HostedRolesOptions {
  registry: PaneRegistry;
  delivery: DeliveryService;
}

export class HostedRoles implements Disposable {
  private readonly roles = new Map<string, HostedRole>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HostedRolesOptions) {}

  /** `role-host`: the pane named in `pane` when it is still this role's, else a new one. */
  host(request: RequestOf<'role-host'>, client: ClientHandle): ResponseMap['role-host'] {
    for (const [field, value] of [
      ['group', request.group],
      ['role', request.role],
    ] as const) {
      const problem = nameProblem(value);
      if (problem) throw new UserError(`role-host: ${field} ${JSON.stringify(value)} is not a name: ${problem}.`);
    }
    this.prune();
    const known = request.pane !== undefined ? this.roles.get(request.pane) : undefined;
    const adopt = known !== undefined && known.group === request.group && known.role === request.role && known.projectDir === request.projectDir;
    let hosted: HostedRole;
    if (adopt) {
      hosted = known;
    } else {
      if (this.roles.size >= MAX_HOSTED) throw new UserError(`This deck already hosts ${MAX_HOSTED} roles for other hosts; close a tab first.`);
      const pane = this.options.registry.create({
        command: request.command,
        cwd: request.projectDir,
        name: request.role,
        tab: request.group,
        role: request.role,
        agent: request.agent ?? null,
        ...(request.cols !== undefined ? { cols: request.cols } : {}),
        ...(request.rows !== undefined ? { rows: request.rows } : {}),
      });
      hosted = {
        paneId: pane.id,
        group: request.group,
        role: request.role,
        projectDir: request.projectDir,
        command: request.command,
        holder: null,
        release: null,
        waiting: null,
      };
      this.roles.set(pane.id, hosted);
      this.options.delivery.activity(pane.id);
    }
    this.hold(hosted, client);
    return { pane: this.options.registry.get(hosted.paneId), adopted: adopt };
  }

  /** `role-deliver`: the task file, a fresh program when asked, the line typed and confirmed. */
  async deliver(request: RequestOf<'role-deliver'>, client: ClientHandle): Promise<ResponseMap['role-deliver']> {
    const hosted = this.heldBy(request.pane, client);
    const { registry, delivery } = this.options;
    const answer = (outcome: DeliveryOutcome) => ({
      ok: outcome.ok,
      ms: outcome.ms,
      textAttempts: outcome.textAttempts,
      enterPresses: outcome.enterPresses,
      ...(outcome.ok ? { confirmedBy: outcome.confirmedBy.slice(0, 200) } : { reason: outcome.reason.slice(0, 2000) }),
      agentId: delivery.currentAgent(hosted.paneId),
    });
    const failed = (reason: string) => answer({ ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason });
    if (request.task !== undefined) {
      try {
        writeCoordinationFile(hosted.projectDir, workerTaskFile(hosted.group, hosted.role), request.task);
      } catch (error) {
        return failed(`could not write the task file on this host: ${errorMessage(error)}`);
      }
    }
    if (request.fresh || delivery.currentAgent(hosted.paneId) === null) {
      try {
        await registry.respawn(hosted.paneId, hosted.command);
      } catch (error) {
        return failed(`could not restart it: ${errorMessage(error)}`);
      }
      // Before anything the new agent can do: the holder learns its id before its report.
      this.pushStatus(hosted);
    }
    const agentId = delivery.currentAgent(hosted.paneId);
    if (agentId !== null && request.task !== undefined) {
      try {
        registry.statusTracker(hosted.paneId).noteCommission(agentId, request.task);
      } catch {
        // No card to show the task on; delivery says why below.
      }
    }
    const line =
      request.purpose === 'task'
        ? workerTaskLine(hosted.group, hosted.role)
        : request.purpose === 'nudge'
          ? nudgeLine(hosted.group, hosted.role)
          : resumeLine(hosted.group, hosted.role);
    return answer(await delivery.deliver(hosted.paneId, agentId, line, hosted.role));
  }

  /** The group and role a hosted pane works for (what its `work-done` may do), or null. */
  membership(paneId: string): { group: string; role: string } | null {
    const hosted = this.roles.get(paneId);
    return hosted ? { group: hosted.group, role: hosted.role } : null;
  }

  /** A hosted role's `work-done`: the report goes to its holder (or waits for the next one). */
  workDone(caller: { paneId: string; agentId: string }, report: string, done: boolean, outcome: Outcome): ResponseMap['work-done'] {
    const hosted = this.roles.get(caller.paneId)!;
    if (done) throw new UserError('work-done --done closes a run from its orchestrator; this pane is a worker of an orchestration on another host.');
    const message: RoleMessage = { type: 'role-report', paneId: caller.paneId, agentId: caller.agentId, report, outcome };
    if (!hosted.holder?.pushRole(message)) hosted.waiting = message;
    return { recorded: 'completion', file: workDoneFile(hosted.group, hosted.role) };
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const hosted of this.roles.values()) hosted.release?.dispose();
    this.roles.clear();
  }

  private heldBy(paneId: string, client: ClientHandle): HostedRole {
    const hosted = this.roles.get(paneId);
    if (!hosted) throw new UserError(`Pane ${paneId} is not a role this deck hosts for another host; open it with role-host first.`);
    if (hosted.holder !== client) throw new UserError(`Pane ${paneId} (role ${hosted.role}) is held by another connection.`);
    return hosted;
  }

  private hold(hosted: HostedRole, client: ClientHandle): void {
    hosted.release?.dispose();
    hosted.holder = client;
    hosted.release = client.onClose(() => {
      if (hosted.holder !== client) return;
      hosted.holder = null;
      hosted.release = null;
    });
    if (hosted.waiting && client.pushRole(hosted.waiting)) hosted.waiting = null;
    this.pushStatus(hosted);
    if (!this.timer) {
      this.timer = setInterval(() => this.pump(), STATUS_EVERY_MS);
      this.timer.unref();
    }
  }

  private pump(): void {
    this.prune();
    for (const hosted of this.roles.values()) this.pushStatus(hosted);
    if (this.roles.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private pushStatus(hosted: HostedRole): void {
    if (!hosted.holder) return;
    const { registry, delivery } = this.options;
    try {
      const pane = registry.get(hosted.paneId);
      const lastOutputAt = delivery.activity(hosted.paneId)?.lastOutputAt;
      // A duration, not a time: the two hosts' clocks need not agree.
      const quietMs = lastOutputAt === undefined ? null : Math.max(0, Date.now() - lastOutputAt);
      // Reading the screen for readiness costs a render: only when the status says idle.
      const atPrompt = pane.status.kind === 'idle' && delivery.atPrompt(hosted.paneId);
      const inputs = registry.host(hosted.paneId).inputCount;
      hosted.holder.pushRole({ type: 'role-status', pane, quietMs, atPrompt, inputs });
    } catch {
      // The pane went away between the prune and now: the next prune forgets it.
    }
  }

  /** Forgets roles whose panes were closed (by a person, or the holder's `kill`). */
  private prune(): void {
    const live = new Set(this.options.registry.list().map((pane) => pane.id));
    for (const [paneId, hosted] of this.roles) {
      if (live.has(paneId)) continue;
      hosted.release?.dispose();
      this.roles.delete(paneId);
    }
  }
}
