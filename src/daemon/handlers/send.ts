// `send`: type text into a pane (text, pause, lone Enter) under the pane's writer lock. Plain
// text goes in as a paste for an agent that takes some typed characters as keys (Gemini's `?`).
import { adapterFor } from '../../agents/adapters.js';
import type { DaemonContext, Handler } from '../context.js';

export const send: Handler<'send'> = async (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const host = daemon.registry.host(paneId);
  const asPaste = adapterFor(agentTypeOf(daemon, paneId)).typeLineAs === 'paste' && !/[\u0000-\u001f\u007f]/.test(request.text);
  const result = await daemon.writers.type(host, request.text, { submit: request.submit, asPaste });
  return { paneId, ...result };
};

/** A pane that never started has no tracker; typing into it fails with its own message. */
function agentTypeOf(daemon: DaemonContext, paneId: string): string | null {
  try {
    return daemon.registry.statusTracker(paneId).agentType;
  } catch {
    return null;
  }
}
