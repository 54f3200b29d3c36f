// `lock-acquire`, `lock-release`, `lock-status`: the heavy-work lock of `dot-agent-deck lock`.
// The answer to `lock-acquire` comes when the lock is the client's; it holds it until it
// releases it, disconnects, or its pane dies (lock-service.ts).
import type { ClientHandle, DaemonContext, Handler } from '../context.js';
import type { LockOwner } from '../lock-service.js';

export const lockAcquire: Handler<'lock-acquire'> = async (request, daemon, client) => {
  const owner = ownerOf(request.pid, request.command, daemon, client);
  const closed = client.onClose(() => daemon.locks.releaseClient(client.id));
  try {
    const { waitedMs } = await daemon.locks.acquire(request.name, owner, request.timeoutMs);
    daemon.logger.info('lock taken', { lock: request.name, by: owner.label, waitedMs });
    return { name: request.name, waitedMs };
  } catch (error) {
    closed.dispose();
    throw error;
  }
};

export const lockRelease: Handler<'lock-release'> = (request, daemon, client) => ({
  name: request.name,
  released: daemon.locks.release(request.name, client.id),
});

export const lockStatus: Handler<'lock-status'> = (_request, daemon) => ({ locks: daemon.locks.status() });

function ownerOf(pid: number, command: string, daemon: DaemonContext, client: ClientHandle): LockOwner {
  const authority = client.authority;
  if (authority.kind !== 'pane') return { clientId: client.id, paneId: null, agentId: null, label: `pid ${pid}`, pid, command };
  const pane = daemon.registry.get(authority.paneId);
  return { clientId: client.id, paneId: pane.id, agentId: authority.agentId, label: pane.role ?? pane.name, pid, command };
}
