// The status word and colour of a pane, and how urgent it is (for a background tab's colour).
// Until the status engine (#6) exists, a pane is running, exited or failed.
import type { PaneInfo } from '../../protocol/messages.js';

export type StatusTone = 'ok' | 'quiet' | 'error';

export interface PaneStatus {
  word: string;
  tone: StatusTone;
  /** Higher is more urgent: error > needs input > working > thinking > the rest. */
  urgency: number;
}

export function paneStatus(pane: PaneInfo): PaneStatus {
  if (pane.state === 'failed') return { word: 'failed', tone: 'error', urgency: 4 };
  if (pane.state === 'exited') {
    const exit = pane.exit;
    if (exit?.signal) return { word: `killed (${exit.signal})`, tone: 'error', urgency: 4 };
    if (exit && exit.exitCode !== 0 && exit.exitCode !== null) return { word: `exited ${exit.exitCode}`, tone: 'error', urgency: 4 };
    return { word: 'exited', tone: 'quiet', urgency: 0 };
  }
  return { word: 'running', tone: 'ok', urgency: 1 };
}

/** The most urgent status among panes, for colouring a tab label. */
export function mostUrgent(panes: readonly PaneInfo[]): PaneStatus | null {
  let best: PaneStatus | null = null;
  for (const pane of panes) {
    const status = paneStatus(pane);
    if (!best || status.urgency > best.urgency) best = status;
  }
  return best;
}
