// `checkpoint`: a worker saves how far it got on its task.
import type { Handler } from '../context.js';
import { checkpoint as saveCheckpoint } from '../orchestration-requests.js';
import { provenPane } from './proven-pane.js';

export const checkpoint: Handler<'checkpoint'> = (request, daemon, client) => saveCheckpoint(daemon.orchestration, provenPane(client, 'checkpoint'), request);
