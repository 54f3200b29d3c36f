// `ask`, `reply` and `checkpoint` in the daemon. A worker's question goes to a file in its task's
// directory and the orchestrator is told with one deck-written line that points at it; the
// orchestrator's reply goes to a file beside it and is typed into the worker through the
// confirmed delivery; the commission stays open throughout. A checkpoint replaces the task's
// checkpoint.md. Everything is checked before anything is written.
import { UserError } from '../common/errors.js';
import { MAX_QUESTIONS, type Commission } from '../orchestration/broker.js';
import { checkpointText, questionText, replyText, writeCoordinationFile } from '../orchestration/coordination-files.js';
import { checkpointFile, questionFile, replyFile, replyLine } from '../orchestration/prompt-lines.js';
import type { OrchestrationGroup } from './orchestration-group.js';
import type { PaneCaller } from './orchestration-requests.js';

/** The caller's open commission, or a sentence saying why there is none. */
function ownTask(group: OrchestrationGroup, caller: PaneCaller, role: string, verb: 'ask' | 'checkpoint'): Commission {
  if (role === group.orchestratorRole) {
    throw new UserError(
      verb === 'ask'
        ? '`ask` is for workers: the orchestrator asks the person in its own pane.'
        : '`checkpoint` is for workers: the orchestrator keeps its notes in its own files.',
      { hint: verb === 'ask' ? 'write the question in your reply to the person' : 'read `dot-agent-deck tasks --open` to see where the team stands' },
    );
  }
  const commission = group.state.commissions[role];
  if (!commission || commission.paneId !== caller.paneId || (commission.agentId !== null && commission.agentId !== caller.agentId)) {
    throw new UserError(`Worker ${role} has no open task, so there is ${verb === 'ask' ? 'nobody to ask' : 'no task to save a checkpoint for'}.`, {
      hint: verb === 'ask' ? 'ask about a task you were delegated; report unrequested work with work-done' : 'checkpoints belong to a delegated task',
    });
  }
  return commission;
}

export function saveCheckpoint(group: OrchestrationGroup, caller: PaneCaller, role: string, notes: string): { file: string } {
  const commission = ownTask(group, caller, role, 'checkpoint');
  const file = checkpointFile(group.id, commission.id);
  writeCoordinationFile(group.projectDir, file, checkpointText(role, commission.id, notes));
  group.rememberCheckpoint(commission);
  group.dispatch({ type: 'checkpointed', at: group.host.clock.now(), role, agentId: caller.agentId, file });
  return { file };
}

export function askQuestion(group: OrchestrationGroup, caller: PaneCaller, role: string, text: string): { file: string; question: number } {
  const commission = ownTask(group, caller, role, 'ask');
  if (commission.asked >= MAX_QUESTIONS) {
    throw new UserError(`This task has already asked ${MAX_QUESTIONS} questions; no more are sent.`, {
      hint: 'finish with `dot-agent-deck work-done --outcome blocked` and say in the report what you need',
    });
  }
  const n = commission.asked + 1;
  const file = questionFile(group.id, commission.id, n);
  writeCoordinationFile(group.projectDir, file, questionText(role, n, text));
  group.dispatch({ type: 'asked', at: group.host.clock.now(), role, agentId: caller.agentId, n, file });
  return { file, question: n };
}

export async function replyToWorker(group: OrchestrationGroup, from: string, to: string, text: string): Promise<{ file: string; ms: number }> {
  if (from !== group.orchestratorRole) {
    throw new UserError(`Only the orchestrator (${group.orchestratorRole}) replies to questions; this pane is the ${from}.`, {
      hint: 'ask the orchestrator with `dot-agent-deck ask --text "…"`',
    });
  }
  const commission = group.state.commissions[to];
  if (!commission?.question) {
    const roles = Object.values(group.state.commissions)
      .filter((c) => c.question)
      .map((c) => c.role);
    throw new UserError(`Worker ${to} has no question waiting, so there is nothing to reply to.`, {
      hint: roles.length > 0 ? `waiting for a reply: ${roles.join(', ')}` : 'give new work with `dot-agent-deck delegate`',
    });
  }
  const { n } = commission.question;
  const file = replyFile(group.id, commission.id, n);
  writeCoordinationFile(group.projectDir, file, replyText(to, n, text));
  const at = () => new Date(group.host.clock.now()).toISOString();
  const outcome = await group.host.delivery.deliver(commission.paneId, commission.agentId, replyLine(group.id, to, file), to, () =>
    group.journal({ at: at(), event: 'delivery-attempt', role: to, paneId: commission.paneId, ...(commission.agentId ? { agentId: commission.agentId } : {}) }),
  );
  if (!outcome.ok) {
    group.journal({ at: at(), event: 'error', role: to, commission: commission.id, file, detail: `the reply could not be typed: ${outcome.reason}` });
    throw new UserError(`The reply to worker ${to} could not be typed: ${outcome.reason}. Its question still waits.`, {
      hint: `the reply is saved in ${file}: check the worker's pane, then reply again`,
    });
  }
  group.dispatch({ type: 'replied', at: group.host.clock.now(), role: to, file, ms: outcome.ms });
  return { file, ms: outcome.ms };
}
