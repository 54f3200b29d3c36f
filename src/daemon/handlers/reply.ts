// `reply`: the orchestrator answers a worker's waiting question; answers once it is typed.
import type { Handler } from '../context.js';
import { reply as replyToWorker } from '../orchestration-requests.js';
import { provenPane } from './proven-pane.js';

export const reply: Handler<'reply'> = (request, daemon, client) => replyToWorker(daemon.orchestration, provenPane(client, 'reply'), request);
