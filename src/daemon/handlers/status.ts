import type { Handler } from '../context.js';

export const status: Handler<'status'> = (_request, daemon) => daemon.status();
