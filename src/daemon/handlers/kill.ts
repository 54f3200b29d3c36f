// `kill`: stop the pane's process group (TERM, grace, KILL) and close the pane.
import type { Handler } from '../context.js';

export const kill: Handler<'kill'> = async (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  daemon.frames.dropPane(paneId);
  await daemon.registry.kill(paneId);
  daemon.logger.info('pane killed', { id: paneId });
  return { paneId };
};
