// `send`: type text into a pane (text, pause, lone Enter) under the pane's writer lock.
import type { Handler } from '../context.js';

export const send: Handler<'send'> = async (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const host = daemon.registry.host(paneId);
  const result = await daemon.writers.type(host, request.text, { submit: request.submit });
  return { paneId, ...result };
};
