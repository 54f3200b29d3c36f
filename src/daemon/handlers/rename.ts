import type { Handler } from '../context.js';

export const rename: Handler<'rename'> = (request, daemon) => ({ pane: daemon.registry.rename(request.pane, request.name) });
