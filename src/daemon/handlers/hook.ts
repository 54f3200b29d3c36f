// `hook`: an agent's hook event, sent by `dot-agent-deck hook` from inside a pane. Events of an
// earlier agent of the pane (before a respawn) are not applied.
import type { Handler } from '../context.js';

export const hook: Handler<'hook'> = (request, daemon, client) => {
  // Only the pane's own agent, proven by its credential, moves its status.
  const authority = client.authority;
  if (authority.kind !== 'pane' || authority.paneId !== request.paneId) return { accepted: false };
  const tracker = daemon.registry.statusTracker(request.paneId);
  return { accepted: tracker.applyHook(request.agentId, request.event) };
};
