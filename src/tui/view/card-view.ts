// PaneInfo → the plain props of a Card: what the agent works on (task and how long), its tools,
// tokens, agent, place and program, with the status word and its reason kept apart so the card
// can keep the reason whole.
import type { PaneInfo } from '../../protocol/messages.js';
import type { CardView } from '../components/Card.js';
import { formatAge } from './format.js';
import { placeOf, programName } from './pane-place.js';
import { statusLabel, type StatusLabel } from './status-label.js';

const BADGES: Readonly<Record<string, string>> = { 'claude-code': 'claude', codex: 'codex', gemini: 'gemini', opencode: 'opencode' };

/** A card's host on a deck over several hosts: its label (none for this machine), and what it
 *  says while that host's daemon is not up (the card is then greyed, its status unknown). */
export interface CardHost {
  label: string | null;
  offline: string | null;
}

const OFFLINE: StatusLabel = { word: 'offline', tone: 'quiet', urgency: 0 };

export function cardView(
  pane: PaneInfo,
  number: number,
  now: number,
  home: string | undefined,
  root: string | null = null,
  host: CardHost = { label: null, offline: null },
): CardView {
  const since = Date.parse(pane.lastActivityAt ?? pane.createdAt);
  const activity = pane.activity;
  const label = host.offline ? { ...OFFLINE, reason: host.offline } : statusLabel(pane);
  const taskSince = activity?.task ? Date.parse(activity.task.since) : Number.NaN;
  const tool = activity?.lastTool ?? pane.status.tool;
  const count = activity?.toolCount ?? 0;
  return {
    paneId: pane.id,
    number,
    name: pane.name,
    host: host.label,
    offline: host.offline !== null,
    badge: pane.agentType === null ? null : (BADGES[pane.agentType] ?? pane.agentType),
    status: label,
    reason: label.reason ?? null,
    task: activity?.task?.line ?? null,
    taskFor: Number.isNaN(taskSince) ? null : formatSpan(now - taskSince),
    tool: tool === null ? null : count > 1 ? `${tool} ×${count}` : tool,
    toolDetail: pane.status.kind === 'working' ? pane.status.detail : null,
    tokens: tokenText(pane),
    command: pane.role ? `${pane.role} · ${programName(pane.command)}` : programName(pane.command),
    dir: placeOf(pane.cwd, root, home),
    age: Number.isNaN(since) ? '' : formatAge(now - since),
    title: pane.failure ?? pane.title,
    detail: pane.statusDetail ?? null,
  };
}

/** Time spent on the task, coarse like every age on the deck: "<1m", "12m", "2h05". */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${String(minutes % 60).padStart(2, '0')}`;
  return `${Math.floor(hours / 24)}d`;
}

/** Claude Code's token use (input + output, cache reads aside): "12.4k tok". */
function tokenText(pane: PaneInfo): string | null {
  if (pane.tokens === null) return null;
  const total = pane.tokens.input + pane.tokens.output;
  return total >= 1000 ? `${(total / 1000).toFixed(1)}k tok` : `${total} tok`;
}
