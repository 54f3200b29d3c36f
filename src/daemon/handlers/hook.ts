// `hook`: an agent's hook event, sent by `dot-agent-deck hook` from inside a pane. Events of an
// earlier agent of the pane (before a respawn) are not applied.
import type { Handler } from '../context.js';

export const hook: Handler<'hook'> = (request, daemon, client) => {
  // Only the pane's own agent, proven by its credential, moves its status.
  const authority = client.authority;
  if (authority.kind !== 'pane' || authority.paneId !== request.paneId) return { accepted: false };
  const tracker = daemon.registry.statusTracker(request.paneId);
  const accepted = tracker.applyHook(request.agentId, request.event);
  // A mode's agent is about to run a shell command: its rules may re-run it beside the agent.
  // Not awaited: the agent waits on this reply before it runs the command.
  if (accepted && request.event.shellCommand) daemon.modes.react(request.paneId, request.event.shellCommand);
  return { accepted };
};
