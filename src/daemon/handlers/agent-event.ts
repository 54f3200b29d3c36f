// `agent-event`: a program reports its own status from inside its pane. Bound to the agent that
// runs there now (the credential proves it); a report from an earlier run or beyond the rate is
// refused with a sentence, and the daemon's state is left as it was.
import { UserError } from '../../common/errors.js';
import type { Handler } from '../context.js';
import { REPORTS_PER_SECOND } from '../report-rate.js';
import { provenPane } from './proven-pane.js';

export const agentEvent: Handler<'agent-event'> = (request, daemon, client) => {
  const caller = provenPane(client, 'agent-event');
  const tracker = daemon.registry.statusTracker(caller.paneId);
  const outcome = tracker.applyReport(caller.agentId, request.report);
  if (outcome === 'stale') {
    throw new UserError(`\`agent-event\` came from an earlier run of pane ${caller.paneId}; only the agent now running there reports for it.`);
  }
  if (outcome === 'too-fast') {
    throw new UserError(`Pane ${caller.paneId} reports its status more than ${REPORTS_PER_SECOND} times a second; this report was dropped.`, {
      hint: 'report when the status changes (a new tool, waiting, done), not on every line of output',
    });
  }
  return { paneId: caller.paneId, status: tracker.status };
};
