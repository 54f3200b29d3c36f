// Checks every target of a delegation before anything is written, typed or journaled: the role
// exists and has an open pane in this tab, its stage allows it (enforce_stages), and the broker
// admits the task (not a duplicate, room in the queue). One UserError names the first problem.
import { UserError } from '../common/errors.js';
import type { Role } from '../config/project-schema.js';
import { admit, type Admission, type BrokerState } from '../orchestration/broker.js';
import { describeOpenWork, earlierOpenWork, type OpenWorkItem } from '../orchestration/stages.js';
import { resolveWorker, type LoadedOrchestration } from './orchestration-config.js';

export interface DelegationPlan {
  role: Role;
  paneId: string;
  admission: Exclude<Admission, { kind: 'duplicate' } | { kind: 'queue-full' }>;
  /** Open work of earlier stages (delegated anyway, with a warning, unless stages are enforced). */
  earlier: OpenWorkItem[];
}

export interface DelegationAsk {
  tab: string;
  state: BrokerState;
  loaded: LoadedOrchestration;
  roles: readonly string[];
  digest: string;
  again: boolean;
}

/** One plan per named role (each once, in the order named); throws on the first refusal. */
export function planDelegations(ask: DelegationAsk, paneOf: (role: string) => { paneId: string | undefined; open: boolean }): DelegationPlan[] {
  const tab = JSON.stringify(ask.tab);
  return [...new Set(ask.roles)].map((name) => {
    const role = resolveWorker(ask.loaded, name);
    const { paneId, open } = paneOf(role.name);
    if (!paneId) {
      throw new UserError(`Role ${role.name} was added to the configuration after tab ${tab} opened, so no pane runs it.`, {
        hint: 'open the orchestration again with `dot-agent-deck up` to get a pane for it',
      });
    }
    if (!open) {
      throw new UserError(`The ${role.name} pane (${paneId}) of tab ${tab} is closed.`, {
        hint: 'open the orchestration again with `dot-agent-deck up`',
      });
    }
    const earlier = earlierOpenWork(ask.state, ask.loaded.roles, role.name);
    if (earlier.length > 0 && ask.loaded.enforceStages) {
      throw new UserError(
        `Worker ${role.name} is in stage ${role.stage}, and earlier stages still have open work: ${describeOpenWork(earlier)}. Nothing was delegated (enforce_stages = true).`,
        { hint: 'wait for those reports, or delegate to the earlier stage first' },
      );
    }
    const admission = admit(ask.state, role.name, ask.digest, ask.again);
    if (admission.kind === 'duplicate') {
      throw new UserError(
        `Worker ${role.name} already has this task ${admission.open.state === 'open' ? 'open' : 'queued'} (commission ${admission.open.id}); it was not delegated again.`,
        { hint: 'wait for its report, or add --again to hand it over once more (an open task is restarted)' },
      );
    }
    if (admission.kind === 'queue-full') {
      throw new UserError(`Worker ${role.name} already has ${admission.limit} delegations waiting; nothing was queued.`, {
        hint: 'wait for the worker to work through its queue',
      });
    }
    return { role, paneId, admission, earlier };
  });
}
