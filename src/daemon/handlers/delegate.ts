// `delegate`: the orchestrator hands a task to one or more workers; answers once each delivery
// is confirmed or has given up.
import type { Handler } from '../context.js';
import { delegate as delegateTask } from '../orchestration-requests.js';

export const delegate: Handler<'delegate'> = (request, daemon) => delegateTask(daemon.orchestration, request);
