// The broker's question and checkpoint rules: a worker asks the orchestrator without ending its task, the
// orchestrator's reply is typed back, and meanwhile the watches that read silence as trouble
// (no activity, response timeout, the stall watch) are paused. A checkpoint is journaled. Pure.
import type { BrokerEvent } from './broker-types.js';
import type { Step } from './broker-step.js';
import { questionLine } from './prompt-lines.js';

export function asked(s: Step, event: Extract<BrokerEvent, { type: 'asked' }>): void {
  const commission = s.next.commissions[event.role];
  if (!commission || (commission.agentId !== null && commission.agentId !== event.agentId)) return;
  // A second question before the reply keeps the first one's wait: the worker waits since then.
  const since = commission.question?.since ?? event.at;
  s.update(event.role, { question: { n: event.n, since, file: event.file }, asked: event.n, idleSince: null });
  s.journal({ event: 'question', role: event.role, agentId: event.agentId, commission: commission.id, file: event.file });
  s.status(commission.id, event.role, 'question');
  s.enqueue({
    role: event.role,
    line: questionLine(s.next.group, event.role, event.file),
    about: { role: event.role, commission: commission.id, kind: 'question', file: event.file },
  });
}

export function checkpointed(s: Step, event: Extract<BrokerEvent, { type: 'checkpointed' }>): void {
  const commission = s.next.commissions[event.role];
  if (!commission || (commission.agentId !== null && commission.agentId !== event.agentId)) return;
  s.journal({ event: 'checkpoint', role: event.role, agentId: event.agentId, commission: commission.id, file: event.file });
}

export function replied(s: Step, event: Extract<BrokerEvent, { type: 'replied' }>): void {
  const commission = s.next.commissions[event.role];
  if (!commission) return;
  const waited = commission.question ? Math.max(0, event.at - commission.question.since) : 0;
  // The worker starts working again: the stall watch starts afresh, its reminder unspent.
  s.update(event.role, { question: null, waitedMs: commission.waitedMs + waited, idleSince: null, nudged: false, lastActivityAt: event.at });
  s.journal({
    event: 'reply',
    from: commission.from,
    role: event.role,
    agentId: commission.agentId ?? undefined,
    commission: commission.id,
    file: event.file,
    ms: event.ms,
  });
}
