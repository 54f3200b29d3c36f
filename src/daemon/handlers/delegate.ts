// `delegate`: the orchestrator hands a task to one or more workers; answers once each delivery
// is confirmed, queued or has given up.
import type { Handler } from '../context.js';
import { delegate as delegateTask } from '../orchestration-requests.js';
import { provenPane } from './proven-pane.js';

export const delegate: Handler<'delegate'> = (request, daemon, client) => delegateTask(daemon.orchestration, provenPane(client, 'delegate'), request);
