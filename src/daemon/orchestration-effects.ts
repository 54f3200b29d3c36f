// What an orchestration group does for the broker's effects: journal lines, task files,
// respawns for a fresh context, typed task lines and their confirmations, reminders and continue
// lines, watch evidence, and the orchestrator's notices one at a time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNever, errorMessage } from '../common/errors.js';
import type { BrokerEffect, Commission } from '../orchestration/broker.js';
import { evidenceText, workerTaskText, writeCoordinationFile } from '../orchestration/coordination-files.js';
import type { DeliveryOutcome } from '../orchestration/delivery.js';
import { checkpointFile, evidenceFile, nudgeLine, resumeLine, taskSourceFile, taskStatusFile } from '../orchestration/prompt-lines.js';
import type { TaskStatus } from '../orchestration/task-status.js';
import type { OrchestrationGroup } from './orchestration-group.js';
import { failedDelivery } from './orchestration-worker.js';

const iso = (at: number) => new Date(at).toISOString();

export function performEffect(group: OrchestrationGroup, effect: BrokerEffect): void {
  const host = group.host;
  switch (effect.type) {
    case 'journal':
      group.journal(effect.entry);
      return;
    case 'deliver': {
      const { commission } = effect;
      // A new task: the outcome of the last one is no longer what the card should say.
      if (!commission.redelivery) group.worker(commission.paneId)?.setOutcome(null);
      const delivery = deliverCommission(group, commission, effect.line);
      group.deliveries.set(commission.id, delivery);
      void delivery.then((outcome) => {
        group.deliveries.delete(commission.id);
        group.dispatch({
          type: 'delivery-result',
          at: host.clock.now(),
          commissionId: commission.id,
          role: commission.role,
          ok: outcome.ok,
          ms: outcome.ms,
          attempts: outcome.textAttempts + outcome.enterPresses,
          ...(outcome.ok ? {} : { reason: outcome.reason }),
        });
      });
      return;
    }
    case 'dequeue': {
      const { delegation } = effect;
      const paneId = group.roles.get(delegation.role);
      if (!paneId) return;
      void group.startCommission(delegation.id, delegation.role, paneId, delegation.digest, delegation.from, group.timeoutMinutes);
      return;
    }
    case 'type': {
      const { commission, purpose } = effect;
      const checkpoint = checkpointFile(group.id, commission.id);
      const line =
        purpose === 'nudge'
          ? nudgeLine(group.id, commission.role)
          : resumeLine(group.id, commission.role, existsSync(join(group.projectDir, checkpoint)) ? checkpoint : undefined);
      const worker = group.worker(commission.paneId);
      const typed = worker ? worker.typeLine(commission.agentId, purpose, line) : Promise.resolve(failedDelivery(`the ${commission.role} pane is closed`));
      void typed.then((outcome) => {
        if (!outcome.ok)
          group.journal({
            at: iso(host.clock.now()),
            event: 'error',
            role: commission.role,
            commission: commission.id,
            detail: `the ${purpose === 'nudge' ? 'reminder' : 'continue line'} could not be typed: ${outcome.reason}`,
          });
      });
      return;
    }
    case 'evidence':
      try {
        writeCoordinationFile(
          group.projectDir,
          evidenceFile(group.id, effect.commission.role),
          evidenceText(effect.commission.role, effect.what, group.worker(effect.commission.paneId)?.screenTail() ?? []),
        );
      } catch (error) {
        host.logError('could not write a watch evidence file', { group: group.id, error: errorMessage(error) });
      }
      return;
    case 'notify': {
      const paneId = group.roles.get(group.orchestratorRole);
      const agentId = paneId ? host.delivery.currentAgent(paneId) : null;
      void host.delivery
        .deliver(paneId ?? '', agentId, effect.notice.line, group.orchestratorRole, () =>
          group.journal({ at: iso(host.clock.now()), event: 'delivery-attempt', role: group.orchestratorRole, paneId, ...(agentId ? { agentId } : {}) }),
        )
        .then((outcome) => {
          // Retried only when nothing was typed and the orchestrator still runs: never a duplicate.
          const retry =
            !outcome.ok &&
            outcome.final !== true &&
            outcome.textAttempts === 0 &&
            paneId !== undefined &&
            host.delivery.currentAgent(paneId) !== null &&
            !group.subscriptions.isDisposed;
          group.dispatch({
            type: 'notice-result',
            at: host.clock.now(),
            ok: outcome.ok,
            ms: outcome.ms,
            ...(outcome.ok ? {} : { reason: outcome.reason, retry }),
          });
        });
      return;
    }
    case 'status': {
      const status: TaskStatus = {
        id: effect.commission,
        group: group.id,
        role: effect.role,
        state: effect.state,
        ...(effect.outcome ? { outcome: effect.outcome } : {}),
        updatedAt: iso(host.clock.now()),
      };
      try {
        writeCoordinationFile(group.projectDir, taskStatusFile(group.id, effect.commission), `${JSON.stringify(status)}\n`);
      } catch (error) {
        host.logError('could not write a task status file', { group: group.id, commission: effect.commission, error: errorMessage(error) });
      }
      return;
    }
    default:
      assertNever(effect);
  }
}

/** Writes the role's task file, restarts the pane when the role wants a fresh context (or its
 *  program ended), then types the task line and confirms it — here, or on the role's host. */
async function deliverCommission(group: OrchestrationGroup, commission: Commission, line: string): Promise<DeliveryOutcome> {
  const host = group.host;
  const role = group.config.get(commission.role);
  if (!role) return failedDelivery(`role ${commission.role} is no longer in the configuration`);
  const worker = group.worker(commission.paneId);
  if (!worker) return failedDelivery(`the ${commission.role} pane is not part of this tab`);
  let taskText: string | null = null;
  let text: string | null = null;
  try {
    taskText = readFileSync(join(group.projectDir, taskSourceFile(group.id, commission.id)), 'utf8');
    const again = [
      commission.redelivery
        ? 'The deck restarted while you had this task, so your earlier session is gone. Check the files for work already done (git status, the report file) and continue from there.'
        : null,
      continueFrom(group, commission),
    ]
      .filter((part) => part !== null)
      .join(' ');
    text = workerTaskText(group.id, role, taskText, { shared: group.shared, ...(again !== '' ? { again } : {}) });
  } catch (error) {
    // A commission from before task sources were kept: its task file is still the one to read.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return failedDelivery(`could not read the task: ${errorMessage(error)}`);
  }
  const attempt = (agentId: string | null) => () =>
    group.journal({
      at: iso(host.clock.now()),
      event: 'delivery-attempt',
      role: commission.role,
      paneId: commission.paneId,
      ...(agentId ? { agentId } : {}),
    });
  let agentId = commission.agentId;
  const result = await worker.deliverTask({
    taskFile: commission.taskFile,
    text,
    taskText,
    fresh: role.clear && !commission.redelivery,
    command: role.command,
    agent: role.agent ?? null,
    agentId,
    line,
    onSpawned: (spawned) => {
      agentId = spawned;
      group.dispatch({ type: 'spawned', at: host.clock.now(), commissionId: commission.id, agentId: spawned });
    },
    onRestart: (detail) =>
      group.journal({ at: iso(host.clock.now()), event: 'start-retry', role: commission.role, paneId: commission.paneId, commission: commission.id, detail }),
    beforeTyping: () => attempt(agentId)(),
  });
  if (result.restartFailed !== undefined) {
    group.journal({
      at: iso(host.clock.now()),
      event: 'error',
      role: commission.role,
      paneId: commission.paneId,
      file: commission.taskFile,
      detail: result.restartFailed,
    });
  }
  return result.outcome;
}

/**
 * The note that sends a fresh agent to the task's checkpoint, or null when there is none. The
 * same task handed over again (a clear = true respawn after a crash, a restart's re-delivery, the
 * orchestrator delegating it again) finds the checkpoint its earlier agent left; one from an
 * earlier commission is copied into this task's directory first, so the task keeps its own state.
 */
function continueFrom(group: OrchestrationGroup, commission: Commission): string | null {
  const own = checkpointFile(group.id, commission.id);
  const ownPath = join(group.projectDir, own);
  const source = group.checkpointSource(commission);
  if (!existsSync(ownPath) && source !== null && source !== commission.id) {
    try {
      writeCoordinationFile(group.projectDir, own, readFileSync(join(group.projectDir, checkpointFile(group.id, source)), 'utf8'));
    } catch (error) {
      group.host.logError('could not carry a checkpoint over', { group: group.id, from: source, error: errorMessage(error) });
    }
  }
  if (!existsSync(ownPath)) return null;
  group.rememberCheckpoint(commission);
  return `An earlier agent worked on this task and left a checkpoint: read \`${own}\` first, continue from where it stopped, and skip the steps it lists as done.`;
}
