// `hook`: an agent's hook event, sent by `dot-agent-deck hook` from inside a pane. Events of an
// earlier agent of the pane (before a respawn) are not applied.
import type { Handler } from '../context.js';

export const hook: Handler<'hook'> = (request, daemon) => {
  const tracker = daemon.registry.statusTracker(request.paneId);
  return { accepted: tracker.applyHook(request.agentId, request.event) };
};
