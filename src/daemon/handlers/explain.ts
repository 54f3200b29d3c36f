// `explain`: a pane's status, the layer and rule that decided it, and its recent events.
import type { Handler } from '../context.js';

export const explain: Handler<'explain'> = (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const tracker = daemon.registry.statusTracker(paneId);
  return { pane: daemon.registry.get(paneId), lastHookEvent: tracker.lastHook, events: tracker.recentEvents() };
};
