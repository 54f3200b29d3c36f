// `ask`: a worker asks the orchestrator a question; its task stays open.
import type { Handler } from '../context.js';
import { ask as askOrchestrator } from '../orchestration-requests.js';
import { provenPane } from './proven-pane.js';

export const ask: Handler<'ask'> = (request, daemon, client) => askOrchestrator(daemon.orchestration, provenPane(client, 'ask'), request);
