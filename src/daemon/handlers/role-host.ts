// `role-host` and `role-deliver`: another host's daemon opens and feeds a role of its
// orchestration here (remote-hosted-roles.ts).
import type { Handler } from '../context.js';

export const roleHost: Handler<'role-host'> = (request, daemon, client) => daemon.orchestration.hosted.host(request, client);

export const roleDeliver: Handler<'role-deliver'> = (request, daemon, client) => daemon.orchestration.hosted.deliver(request, client);
