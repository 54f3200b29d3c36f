// `send`: type text into a pane (text, pause, lone Enter) under the pane's writer lock. Plain
// text goes in as a paste for an agent that takes some typed characters as keys (Gemini's `?`).
import { adapterFor } from '../../agents/adapters.js';
import type { Handler } from '../context.js';

export const send: Handler<'send'> = async (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const host = daemon.registry.host(paneId);
  const asPaste = adapterFor(daemon.registry.statusTracker(paneId).agentType).typeLineAs === 'paste' && !/[\u0000-\u001f\u007f]/.test(request.text);
  const result = await daemon.writers.type(host, request.text, { submit: request.submit, asPaste });
  return { paneId, ...result };
};
