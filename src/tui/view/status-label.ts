// The status word and colour of a pane's card, and how urgent it is (for a background tab's
// colour): how the TUI labels the daemon's PaneStatus (protocol/pane-status.ts, decided by the
// status engine, #6) and a pane's exit.
import type { PaneInfo } from '../../protocol/messages.js';

export type StatusTone = 'ok' | 'quiet' | 'error' | 'busy' | 'attention';

export interface StatusLabel {
  /** The word with its reason ("needs input: permission"), for places with one short slot. */
  word: string;
  /** The word alone ("needs input") and the reason alone, for a card that keeps the reason whole. */
  short?: string;
  reason?: string | null;
  tone: StatusTone;
  /** Higher is more urgent: error > needs input > working > thinking > the rest. */
  urgency: number;
}

export function statusLabel(pane: PaneInfo): StatusLabel {
  if (pane.state === 'failed') return { word: 'failed', tone: 'error', urgency: 4 };
  if (pane.state === 'exited') {
    const exit = pane.exit;
    if (exit?.signal) return { word: `killed (${exit.signal})`, tone: 'error', urgency: 4 };
    if (exit && exit.exitCode !== 0 && exit.exitCode !== null) return { word: `exited ${exit.exitCode}`, tone: 'error', urgency: 4 };
    return { word: 'exited', tone: 'quiet', urgency: 0 };
  }
  const engine = engineStatus(pane);
  // A worker that ended its task as not done says so until its next task, unless its agent has
  // something more urgent to say (it waits, is blocked or failed).
  const ended = pane.outcome?.outcome;
  if (ended !== undefined && ended !== 'done' && engine.urgency < 3) return outcomeLabel(ended, pane.outcome!.file);
  return engine;
}

const OUTCOME_WORDS = { blocked: 'task blocked', failed: 'task failed', 'needs-human': 'needs you' } as const;

function outcomeLabel(outcome: keyof typeof OUTCOME_WORDS, file: string): StatusLabel {
  return withReason(OUTCOME_WORDS[outcome], `its report: ${file}`, outcome === 'failed' ? 'error' : 'attention', 3);
}

// The status engine's verdict (#6). For a plain command (no known agent) idle/working is only
// output activity, so such a card keeps saying "running" unless it waits, is blocked or failed.
function engineStatus(pane: PaneInfo): StatusLabel {
  const { kind, tool, reason } = pane.status;
  switch (kind) {
    case 'needs-input':
      return withReason('needs input', reason, 'attention', 3);
    case 'blocked':
      return withReason('blocked', reason, 'attention', 3);
    case 'error':
      return withReason('error', reason, 'error', 4);
    case 'starting':
    case 'idle':
    case 'thinking':
    case 'working':
    case 'exited':
      break; // decided below, by whether the pane runs a known agent
  }
  // The hook layer of a plain command is its own report (`agent-event`): believe it.
  if (pane.agentType === null && pane.status.layer !== 'hook') return { word: 'running', tone: 'ok', urgency: 1 };
  if (kind === 'working') return { word: tool ? `working: ${tool}` : 'working', tone: 'busy', urgency: 2 };
  if (kind === 'thinking') return { word: 'thinking', tone: 'busy', urgency: 2 };
  if (kind === 'idle') return { word: 'idle', tone: 'ok', urgency: 1 };
  return { word: kind, tone: 'quiet', urgency: 1 };
}

function withReason(short: string, reason: string | null, tone: StatusTone, urgency: number): StatusLabel {
  return { word: reason ? `${short}: ${reason}` : short, short, reason, tone, urgency };
}

/** The most urgent status among panes, for colouring a tab label. */
export function mostUrgent(panes: readonly PaneInfo[]): StatusLabel | null {
  let best: StatusLabel | null = null;
  for (const pane of panes) {
    const status = statusLabel(pane);
    if (!best || status.urgency > best.urgency) best = status;
  }
  return best;
}
