import type { Handler } from '../context.js';

export const resize: Handler<'resize'> = (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  daemon.registry.host(paneId).resize(request.cols, request.rows);
  daemon.frames.markDirty(paneId);
  return { paneId };
};
