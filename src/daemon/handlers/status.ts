import type { Handler } from '../context.js';

/** The person's client hears the daemon's notices; a deck command run by an agent in a pane does not. */
export const status: Handler<'status'> = (_request, daemon, client) => ({
  ...daemon.status(),
  notices: client.authority.kind === 'person' ? daemon.takeNotices() : [],
});
