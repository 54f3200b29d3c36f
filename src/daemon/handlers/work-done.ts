// `work-done`: a worker reports (or the orchestrator closes the run with --done).
import type { Handler } from '../context.js';
import { workDone as recordWorkDone } from '../orchestration-requests.js';
import { provenPane } from './proven-pane.js';

export const workDone: Handler<'work-done'> = (request, daemon, client) => recordWorkDone(daemon.orchestration, provenPane(client, 'work-done'), request);
