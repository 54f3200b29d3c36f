// `scroll`: show this client a viewport into the pane's history (offset lines above live).
import type { Handler } from '../context.js';

export const scroll: Handler<'scroll'> = (request, daemon, client) => {
  const paneId = daemon.registry.resolve(request.pane);
  const viewport = daemon.frames.scroll(client.sink, paneId, request.offset);
  return { paneId, ...viewport };
};
