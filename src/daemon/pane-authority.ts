// Who is asking, and may they? A client that presents no pane credential is the person at their
// own terminal (or the TUI) and has full control. A deck command run inside a pane presents that
// pane's credential; inside an orchestration its role decides what it may touch: by default only
// its own pane (and `work-done`, `ask`, `checkpoint`; the orchestrator also `delegate` and `reply` to its group), more only where
// the person allowed it with `control = "group" | "all"` on the role. A plain pane outside any
// orchestration is the person's own agent and keeps full control. A credential that does not
// match (another run of the pane, a forgery) may only read.
import { UserError, assertNever } from '../common/errors.js';
import type { PaneCredential, Request } from '../protocol/messages.js';
import type { OrchestrationService } from './orchestration-service.js';
import type { PaneRegistry } from './pane-registry.js';

export type Authority = { kind: 'person' } | { kind: 'pane'; paneId: string; agentId: string } | { kind: 'unproven'; paneId: string };

export function resolveAuthority(registry: PaneRegistry, credential: PaneCredential | null): Authority {
  if (!credential) return { kind: 'person' };
  const owner = registry.credentialOwner(credential.paneId, credential.token);
  return owner ? { kind: 'pane', ...owner } : { kind: 'unproven', paneId: credential.paneId };
}

/** Requests that only read what `ls` and the timeline show anyone. */
const READ_ONLY = new Set<Request['kind']>(['status', 'list', 'explain', 'timeline', 'lock-status', 'dispatch-targets', 'worktree-list', 'schedule-list']);

/** Throws a UserError when `authority` may not make `request`; returns otherwise. */
export function authorize(authority: Authority, request: Request, registry: PaneRegistry, orchestration: OrchestrationService): void {
  if (authority.kind === 'person' || READ_ONLY.has(request.kind)) return;
  if (authority.kind === 'unproven') {
    throw new UserError(`This command runs with the credential of an earlier run of pane ${authority.paneId} (or a wrong one), so it may only read.`, {
      hint: "run it from the pane's current agent, or from your own terminal outside the deck",
    });
  }
  // A role hosted here for another host's orchestration acts on its own pane only.
  const hosted = orchestration.hosted.membership(authority.paneId);
  const membership = orchestration.groupOfPane(authority.paneId) ?? (hosted ? hostedGroup(hosted, authority.paneId) : null);
  // A pane outside any orchestration is the person's own agent (e.g. config generation).
  if (!membership) return;
  const { group, role } = membership;
  const scope = group.control(role);
  if (scope === 'all') return;
  const allow = `the person can allow more with control = "group" (its tab) or "all" on role ${role} in .dot-agent-deck.toml`;
  switch (request.kind) {
    case 'delegate':
    case 'work-done':
    case 'ask':
    case 'reply':
    case 'checkpoint':
      return; // the orchestration decides who may delegate, report, ask, reply and checkpoint
    case 'lock-acquire':
    case 'lock-release':
      return; // a pane takes and frees locks for its own commands only
    case 'agent-event':
      return; // names no pane: it reports for the caller's own, which its credential proves
    case 'hook':
      if (request.paneId === authority.paneId) return;
      throw new UserError(`Pane ${authority.paneId} (role ${role}) sent a hook event for pane ${request.paneId}; a pane reports only for itself.`);
    case 'new':
    case 'up':
    case 'open-mode':
    case 'dispatch':
    case 'worktree-reclaim':
    case 'schedule-add':
    case 'schedule-update':
    case 'schedule-remove':
    case 'schedule-run':
    case 'role-host':
    case 'role-deliver':
    case 'shutdown':
      throw new UserError(`The ${role} pane of tab ${JSON.stringify(group.id)} may not ${forbidden(request.kind)}.`, {
        hint: allow,
      });
    case 'status':
    case 'list':
    case 'explain':
    case 'timeline':
    case 'lock-status':
    case 'dispatch-targets':
    case 'worktree-list':
    case 'schedule-list':
      return; // READ_ONLY, answered above
    case 'send':
    case 'capture':
    case 'kill':
    case 'rename':
    case 'subscribe':
    case 'unsubscribe':
    case 'resize':
    case 'scroll':
    case 'answer':
    case 'generate-config': {
      let target: string;
      try {
        target = registry.resolve(request.pane);
      } catch {
        return; // the handler says "no pane …" as it would to anyone
      }
      if (target === authority.paneId) return;
      if (scope === 'group' && [...group.roles.values()].includes(target)) return;
      const name = registry.get(target).name;
      throw new UserError(
        `The ${role} pane of tab ${JSON.stringify(group.id)} may act only on its own pane${scope === 'group' ? ' and its tab' : ''}; ${name} (${target}) is another pane, so \`${request.kind}\` was refused.`,
        { hint: allow },
      );
    }
    default:
      assertNever(request, 'request');
  }
}

/** Raw keystrokes into `paneId`: the same rule as `send`. */
export function mayType(authority: Authority, paneId: string, registry: PaneRegistry, orchestration: OrchestrationService): boolean {
  try {
    authorize(authority, { kind: 'send', pane: paneId, text: '', submit: false }, registry, orchestration);
    return true;
  } catch {
    return false;
  }
}

/** A hosted role as authority sees a group: its one pane, control over its own pane only. */
function hostedGroup(hosted: { group: string; role: string }, paneId: string) {
  return { group: { id: hosted.group, roles: new Map([[hosted.role, paneId]]), control: () => 'own' as const }, role: hosted.role };
}

function forbidden(kind: Request['kind']): string {
  if (kind === 'shutdown') return 'stop the daemon';
  if (kind === 'worktree-reclaim') return 'remove worktrees';
  if (kind.startsWith('schedule-')) return 'change schedules';
  if (kind.startsWith('role-')) return 'host roles for another deck';
  return 'open panes';
}
