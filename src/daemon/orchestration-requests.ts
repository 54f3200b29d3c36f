// What `up`, `delegate` and `work-done` do in the daemon. Everything is checked before anything
// changes, so a refused request leaves panes, files and the journal as they were.
import { isAbsolute } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import { ownsCommission, initialBrokerState } from '../orchestration/broker.js';
import { orchestratorContextText, reportText, workerTaskText, writeCoordinationFile } from '../orchestration/coordination-files.js';
import type { DeliveryOutcome } from '../orchestration/delivery.js';
import { CONTEXT_FILE, orchestratorOpenLine, unsolicitedFile, workDoneFile, workerTaskFile } from '../orchestration/prompt-lines.js';
import type { Caller, PaneInfo, RequestOf, ResponseMap } from '../protocol/messages.js';
import { loadOrchestration, resolveWorker } from './orchestration-config.js';
import type { Group, OrchestrationService } from './orchestration-service.js';
import { newAgentId } from './pane-registry.js';

export async function openOrchestration(service: OrchestrationService, request: RequestOf<'up'>): Promise<ResponseMap['up']> {
  if (!isAbsolute(request.projectDir)) throw new UserError(`The project directory must be an absolute path, got "${request.projectDir}".`);
  const loaded = await loadOrchestration(request.projectDir, request.orchestration);
  const { registry } = service.options;
  const id = service.uniqueGroupId(loaded.name);
  const panes: PaneInfo[] = [];
  try {
    for (const role of loaded.roles) {
      panes.push(registry.create({ command: role.command, cwd: request.projectDir, name: role.name, tab: id, role: role.name, cols: request.cols, rows: request.rows }));
    }
  } catch (error) {
    for (const pane of panes) await registry.kill(pane.id);
    throw error;
  }
  writeCoordinationFile(request.projectDir, CONTEXT_FILE, orchestratorContextText({
    orchestration: loaded.name,
    orchestrator: loaded.orchestrator,
    workers: loaded.workers,
    ...(request.task !== undefined ? { task: request.task } : {}),
  }));
  const roles = new Map(panes.map((pane) => [pane.role!, pane.id]));
  const group = service.addGroup({ id, orchestration: loaded.name, projectDir: request.projectDir, orchestratorRole: loaded.orchestrator.name, roles, state: initialBrokerState() });
  service.journal(group, { at: service.now(), event: 'open', orchestration: loaded.name, from: loaded.orchestrator.name, roles: Object.fromEntries(roles), file: CONTEXT_FILE });
  service.dispatch(group, { type: 'notice', at: service.clock.now(), notice: { role: loaded.orchestrator.name, line: orchestratorOpenLine(request.task !== undefined) } });
  return { group: id, orchestration: loaded.name, panes, orchestrator: roles.get(loaded.orchestrator.name)! };
}

/** The group and role of the pane that runs `delegate`/`work-done`. */
function callerGroup(service: OrchestrationService, caller: Caller, requireCurrentAgent: boolean): { group: Group; role: string } {
  const pane = service.options.registry.list().find((p) => p.id === caller.paneId);
  if (!pane) {
    throw new UserError(`Pane ${caller.paneId} (from DOT_AGENT_DECK_PANE_ID) is not open in this deck.`, {
      hint: 'run this from an agent inside a dot-agent-deck orchestration pane',
    });
  }
  if (requireCurrentAgent && pane.agentId !== caller.agentId) {
    throw new UserError(`This process is from an earlier run of pane ${pane.id} (agent ${caller.agentId}); the pane now runs agent ${pane.agentId}.`);
  }
  const group = pane.tab ? service.groups.get(pane.tab) : undefined;
  if (!group || !pane.role) {
    throw new UserError(`Pane ${pane.id} is not part of an orchestration tab.`, {
      hint: 'delegate and work-done work in panes opened with `dot-agent-deck up` (or an orchestration in the new-pane form)',
    });
  }
  return { group, role: pane.role };
}

export async function delegate(service: OrchestrationService, request: RequestOf<'delegate'>): Promise<ResponseMap['delegate']> {
  const { group, role: callerRole } = callerGroup(service, request.caller, true);
  const loaded = await loadOrchestration(group.projectDir, group.orchestration);
  if (callerRole !== loaded.orchestrator.name) {
    throw new UserError(`Only the orchestrator (${loaded.orchestrator.name}) can delegate in tab ${JSON.stringify(group.id)}; this pane is the ${callerRole}.`, {
      hint: 'report your result with `dot-agent-deck work-done --task-file FILE`',
    });
  }
  const { registry } = service.options;
  const targets = [...new Set(request.roles)].map((name) => {
    const role = resolveWorker(loaded, name);
    const paneId = group.roles.get(role.name);
    if (!paneId) {
      throw new UserError(`Role ${role.name} was added to the configuration after tab ${JSON.stringify(group.id)} opened, so no pane runs it.`, {
        hint: 'open the orchestration again with `dot-agent-deck up` to get a pane for it',
      });
    }
    if (!registry.list().some((pane) => pane.id === paneId)) {
      throw new UserError(`The ${role.name} pane (${paneId}) of tab ${JSON.stringify(group.id)} is closed.`, {
        hint: 'open the orchestration again with `dot-agent-deck up`',
      });
    }
    return { role, paneId, host: registry.host(paneId) };
  });

  const outcomes = await Promise.all(targets.map(async ({ role, paneId, host }): Promise<[string, DeliveryOutcome]> => {
    const taskFile = workerTaskFile(role.name);
    writeCoordinationFile(group.projectDir, taskFile, workerTaskText(role, request.task));
    let agentId = host.agentId;
    if (role.clear || host.state.kind !== 'running') {
      agentId = newAgentId();
      group.respawning.add(paneId);
      try {
        await host.respawn(role.command, agentId);
        registry.setCommand(paneId, role.command);
      } catch (error) {
        const reason = `could not restart it: ${errorMessage(error)}`;
        service.journal(group, { at: service.now(), event: 'error', role: role.name, paneId, file: taskFile, detail: reason });
        return [role.name, { ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason }];
      } finally {
        group.respawning.delete(paneId);
      }
    }
    const id = service.newCommissionId();
    const delivered = new Promise<DeliveryOutcome>((resolve) => group.waiting.set(id, resolve));
    service.dispatch(group, {
      type: 'delegated',
      at: service.clock.now(),
      from: callerRole,
      commission: { id, role: role.name, paneId, agentId, taskFile, responseTimeoutMs: loaded.config.worker_response_timeout_minutes * 60_000 },
    });
    return [role.name, await delivered];
  }));
  return {
    delivered: outcomes.filter(([, outcome]) => outcome.ok).map(([role]) => role),
    failed: outcomes.flatMap(([role, outcome]) => (outcome.ok ? [] : [{ role, reason: outcome.reason }])),
  };
}

export function workDone(service: OrchestrationService, request: RequestOf<'work-done'>): ResponseMap['work-done'] {
  const { group, role } = callerGroup(service, request.caller, false);
  if (role === group.orchestratorRole) {
    if (!request.done) {
      throw new UserError('The orchestrator finishes the run with `dot-agent-deck work-done --done`; work-done without --done is for workers.');
    }
    const file = workDoneFile(role);
    writeCoordinationFile(group.projectDir, file, reportText(role, request.report, true));
    service.dispatch(group, { type: 'done', at: service.clock.now(), from: role });
    service.runFinished(group);
    return { recorded: 'done', file };
  }
  const commissioned = ownsCommission(group.state, role, request.caller.paneId, request.caller.agentId);
  // An unrequested report never overwrites the last commissioned one.
  const file = commissioned ? workDoneFile(role) : unsolicitedFile(role);
  writeCoordinationFile(group.projectDir, file, reportText(role, request.report, commissioned));
  service.dispatch(group, { type: 'work-done', at: service.clock.now(), role, paneId: request.caller.paneId, agentId: request.caller.agentId, file, report: request.report });
  return { recorded: commissioned ? 'completion' : 'unrequested', file };
}
