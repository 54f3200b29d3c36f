// `work-done`: a worker reports (or the orchestrator closes the run with --done).
import type { Handler } from '../context.js';
import { workDone as recordWorkDone } from '../orchestration-requests.js';

export const workDone: Handler<'work-done'> = (request, daemon) => recordWorkDone(daemon.orchestration, request);
