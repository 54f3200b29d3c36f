// Which panes just started to need a person: a pure diff of two pane lists, shared by the daemon
// (notify_command) and the TUI (bell, desktop escape) so both ring for the same moments.
import type { PaneInfo } from './messages.js';

/** The event names of the `[bell]` / `[notifications]` switches in config.toml. */
export type AttentionEvent = 'needs_input' | 'blocked' | 'error' | 'finished';

export interface Attention {
  event: AttentionEvent;
  pane: PaneInfo;
}

function attentionOf(pane: PaneInfo): AttentionEvent | null {
  const { kind } = pane.status;
  // A worker that ended its task with `work-done --outcome needs-human` waits for the person
  // as surely as a permission dialog does.
  if (pane.outcome?.outcome === 'needs-human') return 'needs_input';
  if (kind === 'needs-input') return 'needs_input';
  if (kind === 'blocked') return 'blocked';
  if (kind === 'error') return 'error';
  // A process that died on its own (a signal or a failing exit code) is an error too.
  if (pane.state === 'exited' && pane.exit !== null && (pane.exit.signal !== null || pane.exit.exitCode !== 0)) return 'error';
  return null;
}

/** A pane's state for the diff: its agent generation and what it needs, if anything. */
export type AttentionState = ReadonlyMap<string, string>;

/**
 * Events for panes whose need changed since `previous`; panes seen for the first time raise
 * nothing (a client attaching to a deck that already waits must not ring for old news).
 */
export function attentionChanges(previous: AttentionState, panes: readonly PaneInfo[]): { events: Attention[]; next: Map<string, string> } {
  const next = new Map<string, string>();
  const events: Attention[] = [];
  for (const pane of panes) {
    const event = attentionOf(pane);
    const key = `${pane.agentId}:${event ?? '-'}`;
    next.set(pane.id, key);
    const before = previous.get(pane.id);
    if (before !== undefined && before !== key && event !== null) events.push({ event, pane });
  }
  return { events, next };
}

/** One line a person understands: "api (p2) needs input: permission for Bash". */
export function attentionText({ event, pane }: Attention): { title: string; body: string } {
  const { tool, reason } = pane.status;
  if (event === 'finished') {
    const team = pane.tab ?? pane.name;
    return { title: `dot-agent-deck: ${team} finished`, body: `${team}: the orchestrator (${pane.name}, ${pane.id}) finished the run` };
  }
  if (event === 'needs_input' && pane.outcome?.outcome === 'needs-human') {
    return {
      title: `dot-agent-deck: ${pane.name} needs you`,
      body: `${pane.name} (${pane.id}) stopped its task: it needs a person (its report: ${pane.outcome.file})`,
    };
  }
  const what = event === 'needs_input' ? 'needs input' : event === 'blocked' ? 'is blocked' : 'failed';
  const why = [reason, tool === null ? null : `(${tool})`].filter((part) => part !== null).join(' ');
  return { title: `dot-agent-deck: ${pane.name} ${what}`, body: `${pane.name} (${pane.id}) ${what}${why === '' ? '' : `: ${why}`}` };
}
