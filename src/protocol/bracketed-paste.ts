// Bracketed paste (mode 2004): the markers a terminal wraps pasted text in, so the program takes
// it as text, not as keys. The one definition for the TUI's input parser and pane encoder and for
// the daemon's typing into panes.
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/** Text holding a marker could end a paste early and have the rest typed as keys. */
export function containsPasteMarker(text: string): boolean {
  return text.includes(PASTE_START) || text.includes(PASTE_END);
}
