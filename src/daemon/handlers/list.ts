import type { Handler } from '../context.js';

/** With the daemon's notices for the person (see DaemonStatus.notices); agents in panes get none. */
export const list: Handler<'list'> = (_request, daemon, client) => ({
  panes: daemon.registry.list(),
  notices: client.authority.kind === 'person' ? daemon.takeNotices() : [],
});
