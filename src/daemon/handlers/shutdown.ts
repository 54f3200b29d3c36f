import type { Handler } from '../context.js';

export const shutdown: Handler<'shutdown'> = (request, daemon) => daemon.shutdown(request.force);
