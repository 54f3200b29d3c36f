// What `up`, `delegate`, `work-done`, `ask`, `reply` and `checkpoint` do in the daemon. Everything is checked before anything
// changes, so a refused request leaves panes, files and the journal as they were. The caller of
// `delegate`/`work-done` is the pane whose credential the connection presented.
import { isAbsolute } from 'node:path';
import { errorMessage, UserError } from '../common/errors.js';
import { initialBrokerState } from '../orchestration/broker.js';
import { orchestratorContextText, writeCoordinationFile } from '../orchestration/coordination-files.js';
import { contextFile, orchestratorOpenLine } from '../orchestration/prompt-lines.js';
import type { PaneInfo, RequestOf, ResponseMap } from '../protocol/messages.js';
import { loadOrchestration } from './orchestration-config.js';
import { settingsOf, type OrchestrationGroup } from './orchestration-group.js';
import { askQuestion, replyToWorker, saveCheckpoint } from './orchestration-protocol.js';
import type { OrchestrationService } from './orchestration-service.js';
import { remotePaneId } from './remote-worker-pane.js';

/** A pane proven by its credential: its id and the agent now running in it. */
export interface PaneCaller {
  paneId: string;
  agentId: string;
}

export async function openOrchestration(service: OrchestrationService, request: RequestOf<'up'>): Promise<ResponseMap['up']> {
  if (!isAbsolute(request.projectDir)) throw new UserError(`The project directory must be an absolute path, got "${request.projectDir}".`);
  const loaded = await loadOrchestration(request.projectDir, request.orchestration);
  const { registry } = service.options;
  const id = service.uniqueGroupId(loaded.name);
  const panes: PaneInfo[] = [];
  // A role on another host gets its pane from that host's daemon, once the group holds the link.
  const remote = new Map(
    loaded.roles.flatMap((role) => (role.host !== undefined && !role.start ? [[role.name, remotePaneId(role.host, id, role.name)] as const] : [])),
  );
  try {
    for (const role of loaded.roles) {
      if (remote.has(role.name)) continue;
      panes.push(
        registry.create({
          command: role.command,
          cwd: request.projectDir,
          name: role.name,
          tab: id,
          role: role.name,
          agent: role.agent ?? null,
          cols: request.cols,
          rows: request.rows,
        }),
      );
    }
  } catch (error) {
    for (const pane of panes) await registry.kill(pane.id);
    throw error;
  }
  writeCoordinationFile(
    request.projectDir,
    contextFile(id),
    orchestratorContextText({
      group: id,
      orchestration: loaded.name,
      orchestrator: loaded.orchestrator,
      workers: loaded.workers,
      shared: loaded.shared,
      enforceStages: loaded.enforceStages,
      ...(request.task !== undefined ? { task: request.task } : {}),
    }),
  );
  const roles = new Map([...panes.map((pane) => [pane.role!, pane.id] as const), ...remote]);
  const group = service.addGroup({
    id,
    orchestration: loaded.name,
    projectDir: request.projectDir,
    orchestratorRole: loaded.orchestrator.name,
    roles,
    state: initialBrokerState(id, { settings: settingsOf(loaded) }),
    config: loaded.roles,
    timeoutMinutes: loaded.config.worker_response_timeout_minutes,
    shared: loaded.shared,
    size: { cols: request.cols, rows: request.rows },
  });
  group.journal({
    at: service.now(),
    event: 'open',
    orchestration: loaded.name,
    from: loaded.orchestrator.name,
    roles: Object.fromEntries(roles),
    file: contextFile(id),
  });
  group.dispatch({
    type: 'notice',
    at: service.clock.now(),
    notice: { role: loaded.orchestrator.name, line: orchestratorOpenLine(id, request.task !== undefined) },
  });
  for (const pane of panes)
    if (pane.role !== loaded.orchestrator.name)
      watchRoleStart(
        service,
        group,
        pane,
        loaded.roles.find((r) => r.name === pane.role),
      );
  return { group: id, orchestration: loaded.name, panes, orchestrator: roles.get(loaded.orchestrator.name)! };
}

/** A worker pane `up` started: restarted once if its agent draws nothing (agent-start.ts); a
 *  delegation meanwhile waits for that and is typed into the agent the start ends with. */
function watchRoleStart(
  service: OrchestrationService,
  group: OrchestrationGroup,
  pane: PaneInfo,
  role: { name: string; command: string; agent?: string | undefined } | undefined,
): void {
  if (role === undefined || pane.agentId === null) return;
  const { registry } = service.options;
  void service.starter
    .watch(
      {
        paneId: pane.id,
        label: role.name,
        command: role.command,
        agent: role.agent ?? null,
        spawn: async () => {
          group.respawning.add(pane.id);
          try {
            return await registry.respawn(pane.id, role.command);
          } finally {
            group.respawning.delete(pane.id);
          }
        },
        onSpawned: () => undefined,
        onRestart: (detail) => group.journal({ at: service.now(), event: 'start-retry', role: role.name, paneId: pane.id, detail }),
      },
      pane.agentId,
    )
    .catch((error: unknown) => service.options.logger.warn('a silent start could not be restarted', { paneId: pane.id, error: errorMessage(error) }));
}

/** The group and role of the pane that runs `delegate`/`work-done`. */
function callerGroup(service: OrchestrationService, caller: PaneCaller): { group: OrchestrationGroup; role: string } {
  const pane = service.options.registry.list().find((p) => p.id === caller.paneId);
  if (!pane) {
    throw new UserError(`Pane ${caller.paneId} (from DOT_AGENT_DECK_PANE_ID) is not open in this deck.`, {
      hint: 'run this from an agent inside a dot-agent-deck orchestration pane',
    });
  }
  const found = service.groupOfPane(pane.id);
  if (!found) {
    throw new UserError(`Pane ${pane.id} is not part of an orchestration tab.`, {
      hint: 'delegate and work-done work in panes opened with `dot-agent-deck up` (or an orchestration in the new-pane form)',
    });
  }
  return found;
}

export async function delegate(
  service: OrchestrationService,
  caller: PaneCaller,
  request: Pick<RequestOf<'delegate'>, 'roles' | 'task' | 'again'>,
): Promise<ResponseMap['delegate']> {
  const { group, role } = callerGroup(service, caller);
  const loaded = await loadOrchestration(group.projectDir, group.orchestration);
  return group.delegate({ from: role, roles: request.roles, task: request.task, again: request.again ?? false }, loaded);
}

export function workDone(
  service: OrchestrationService,
  caller: PaneCaller,
  request: Pick<RequestOf<'work-done'>, 'report' | 'done' | 'outcome'>,
): ResponseMap['work-done'] {
  // A role this deck hosts for an orchestration on another host: the report goes back there.
  if (service.hosted.membership(caller.paneId)) return service.hosted.workDone(caller, request.report, request.done, request.outcome ?? 'done');
  const { group, role } = callerGroup(service, caller);
  return group.workDone(caller, role, request.report, request.done, request.outcome);
}

export function ask(service: OrchestrationService, caller: PaneCaller, request: Pick<RequestOf<'ask'>, 'question'>): ResponseMap['ask'] {
  const { group, role } = callerGroup(service, caller);
  return askQuestion(group, caller, role, request.question);
}

export function reply(service: OrchestrationService, caller: PaneCaller, request: Pick<RequestOf<'reply'>, 'role' | 'text'>): Promise<ResponseMap['reply']> {
  const { group, role } = callerGroup(service, caller);
  return replyToWorker(group, role, request.role, request.text);
}

export function checkpoint(service: OrchestrationService, caller: PaneCaller, request: Pick<RequestOf<'checkpoint'>, 'notes'>): ResponseMap['checkpoint'] {
  const { group, role } = callerGroup(service, caller);
  return saveCheckpoint(group, caller, role, request.notes);
}
