// `subscribe` / `unsubscribe`: start or stop frames of a pane for this client. Subscribing also
// sizes the pane to the client's view of it (a client's size decides the panes it shows).
import type { Handler } from '../context.js';

export const subscribe: Handler<'subscribe'> = (request, daemon, client) => {
  const paneId = daemon.registry.resolve(request.pane);
  const host = daemon.registry.host(paneId);
  if (host.cols !== request.cols || host.rows !== request.rows) host.resize(request.cols, request.rows);
  daemon.frames.subscribe(client.sink, paneId);
  return { paneId };
};

export const unsubscribe: Handler<'unsubscribe'> = (request, daemon, client) => {
  const paneId = daemon.registry.resolve(request.pane);
  daemon.frames.unsubscribe(client.sink, paneId);
  return { paneId };
};
