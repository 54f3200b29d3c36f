// `up`: open an orchestration: one pane per role in a new routing group (tab).
import type { Handler } from '../context.js';
import { openOrchestration } from '../orchestration-requests.js';

export const up: Handler<'up'> = async (request, daemon) => {
  const result = await openOrchestration(daemon.orchestration, request);
  daemon.logger.info('orchestration opened', { group: result.group, panes: result.panes.map((pane) => pane.id) });
  return result;
};
