// `answer`: answers the permission prompt or question a pane waits on with yes or no, using the
// keys of that pane's agent (Claude: 1 / Esc, Codex: y / Esc, …). Refuses when nothing is asked.
import { adapterFor } from '../../agents/adapters.js';
import { UserError } from '../../common/errors.js';
import type { Handler } from '../context.js';

export const answer: Handler<'answer'> = async (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const pane = daemon.registry.get(paneId);
  if (pane.status.kind !== 'needs-input') {
    throw new UserError(`Pane ${paneId} (${pane.name}) is not waiting for an answer; it is ${pane.status.kind}.`, {
      hint: 'attach to the pane to type into it',
    });
  }
  const host = daemon.registry.host(paneId);
  const keys = adapterFor(pane.agentType).answerKeys[request.answer];
  await daemon.writers.withLock(paneId, async () => host.write(keys));
  return { paneId, sent: true };
};
