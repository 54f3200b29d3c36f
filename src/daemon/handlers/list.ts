import type { Handler } from '../context.js';

export const list: Handler<'list'> = (_request, daemon) => ({ panes: daemon.registry.list() });
