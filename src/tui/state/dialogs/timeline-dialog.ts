// The orchestration timeline overlay (`t` in COMMAND mode): opens for the current tab when it is
// an orchestration, asks the daemon for the tab's journal (headed by the morning report's
// summary), and closes on any key.
import type { Effect } from '../effect.js';
import type { DeckState, Dialog } from '../deck-state.js';

export type TimelineDialog = Extract<Dialog, { kind: 'timeline' }>;

export type TimelineOpen = { dialog: TimelineDialog; effects: Effect[] } | { message: string };

export function openTimeline(state: DeckState): TimelineOpen {
  const tab = state.tab;
  if (tab === null || !state.panes.some((pane) => pane.tab === tab && pane.role !== null)) {
    return { message: 'The timeline belongs to an orchestration tab: switch to one first' };
  }
  return { dialog: { kind: 'timeline', tab, lines: null, error: null }, effects: [{ type: 'load-timeline', tab }] };
}

export function timelineLoaded(dialog: Dialog | null, tab: string, lines: readonly string[], error: string | null, summary?: readonly string[]): Dialog | null {
  if (dialog?.kind !== 'timeline' || dialog.tab !== tab) return dialog;
  return { ...dialog, lines, error, ...(summary !== undefined ? { summary } : {}) };
}
