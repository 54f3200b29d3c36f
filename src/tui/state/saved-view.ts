// The part of the deck's view worth keeping between two decks (re-attach after Detach): the tab,
// the selected pane of each tab, stacked or tiled, and the last command the new-pane form launched. Pure; app/view-memory.ts reads and writes it.
import { z } from 'zod';
import { tabKey, type DeckState } from './deck-state.js';
import { selectedPane } from './selectors.js';

/** Tabs remembered at most: an orchestration tab per project over months must not grow the file forever. */
export const MAX_SAVED_TABS = 50;

const Id = z.string().max(200);

export const SavedView = z.object({
  version: z.literal(1),
  tab: Id.nullable(),
  selection: z.record(Id, Id),
  layout: z.enum(['stacked', 'tiled']),
  /** The new-pane form offers it next time (when config.toml has no default_command). */
  lastCommand: z.string().min(1).max(10_000).optional(),
});
export type SavedView = z.infer<typeof SavedView>;

export function viewOf(state: DeckState): SavedView {
  // The current tab first, so it survives the cap whatever else is dropped.
  const current = tabKey(state.tab);
  // The pane shown is the first card when nothing was chosen in this tab: keep it by id, so a
  // pane opened later in front of it does not take its place.
  const shown = selectedPane(state);
  const selection = shown ? { ...state.selection, [current]: shown.id } : state.selection;
  const entries = Object.entries(selection).sort(([a], [b]) => Number(b === current) - Number(a === current));
  return {
    version: 1,
    tab: state.tab,
    selection: Object.fromEntries(entries.slice(0, MAX_SAVED_TABS)),
    layout: state.layout,
    ...(state.lastCommand.length <= 10_000 && state.lastCommand !== '' ? { lastCommand: state.lastCommand } : {}),
  };
}

/** What a saved file holds, or null for anything that is not a view of this version. */
export function parseSavedView(text: string): SavedView | null {
  try {
    const parsed = SavedView.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Opens on the saved view; panes that are gone fall back when the first pane list arrives. */
export function withSavedView(state: DeckState, view: SavedView | null): DeckState {
  if (!view) return state;
  return { ...state, tab: view.tab, selection: view.selection, layout: view.layout, ...(view.lastCommand ? { lastCommand: view.lastCommand } : {}) };
}

/** Whether two states differ in what viewOf keeps (cheap enough to ask on every change). */
export function viewChanged(a: DeckState, b: DeckState): boolean {
  return a.tab !== b.tab || a.layout !== b.layout || a.selection !== b.selection || a.lastCommand !== b.lastCommand;
}
