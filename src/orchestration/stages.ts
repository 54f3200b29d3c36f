// Stages (echelons): a role's `stage = N` orders the team's work. What open work of earlier
// stages stands in the way of a delegation, and the execution order as the orchestrator reads
// it. Pure: broker state and roles in, facts and lines out.
import type { Role } from '../config/project-schema.js';
import type { BrokerState } from './broker-types.js';

export interface OpenWorkItem {
  role: string;
  stage: number;
  id: string;
  state: 'open' | 'queued';
}

/** Open and queued tasks of roles whose stage is earlier than `target`'s (none for a role
 *  without a stage). */
export function earlierOpenWork(state: BrokerState, roles: readonly Role[], target: string): OpenWorkItem[] {
  const stageOf = new Map(roles.flatMap((role) => (role.stage !== undefined ? [[role.name, role.stage] as const] : [])));
  const mine = stageOf.get(target);
  if (mine === undefined) return [];
  const earlier = (role: string) => {
    const stage = stageOf.get(role);
    return stage !== undefined && stage < mine ? stage : null;
  };
  const items: OpenWorkItem[] = [];
  for (const commission of Object.values(state.commissions)) {
    const stage = earlier(commission.role);
    if (stage !== null) items.push({ role: commission.role, stage, id: commission.id, state: 'open' });
  }
  for (const delegation of Object.values(state.queues).flat()) {
    const stage = earlier(delegation.role);
    if (stage !== null) items.push({ role: delegation.role, stage, id: delegation.id, state: 'queued' });
  }
  return items.sort((a, b) => a.stage - b.stage || a.role.localeCompare(b.role));
}

/** "reviewer (stage 1, c-12ab open)" for each item, joined. */
export function describeOpenWork(items: readonly OpenWorkItem[]): string {
  return items.map((item) => `${item.role} (stage ${item.stage}, ${item.id} ${item.state})`).join(', ');
}

/** The execution order for the orchestrator's context; empty when no role has a stage. */
export function stageLines(workers: readonly Role[], enforce: boolean): string[] {
  if (!workers.some((role) => role.stage !== undefined)) return [];
  const stages = [...new Set(workers.flatMap((role) => (role.stage !== undefined ? [role.stage] : [])))].sort((a, b) => a - b);
  const names = (list: readonly Role[]) => list.map((role) => `\`${role.name}\``).join(', ');
  const unstaged = workers.filter((role) => role.stage === undefined);
  return [
    '## Execution order',
    '',
    ...stages.map((stage) => `- Stage ${stage}: ${names(workers.filter((role) => role.stage === stage))}`),
    ...(unstaged.length > 0 ? [`- Any time: ${names(unstaged)}`] : []),
    '',
    `Standing order: work stage by stage. Delegate to a later stage only when every task of the earlier stages has reported; ${
      enforce ? 'the deck refuses a delegation that jumps ahead and names the open tasks.' : 'the deck warns you when a delegation jumps ahead.'
    } A worker that ends blocked, failed or needing a person is escalated to the person, not skipped.`,
    '',
  ];
}
