// What the chrome says while the deck has no daemon: a chip and a sentence for the status bar,
// and a short word for every pane title, so the state is seen wherever the person looks.
import type { LinkStatus } from '../state/deck-state.js';

export interface LinkNotice {
  chip: string;
  text: string;
  /** For the pane titles. */
  short: string;
}

export function linkNotice(link: LinkStatus): LinkNotice | null {
  switch (link.kind) {
    case 'up':
      return null;
    case 'reconnecting': {
      const seconds = Math.floor(link.downForMs / 1000);
      const tried = link.attempt > 1 ? ` (try ${link.attempt}, ${seconds} s${link.error ? `: ${link.error}` : ''})` : '';
      return {
        chip: ' RECONNECTING ',
        text: `${link.host ? `Lost the link, reconnecting to ${link.host}…` : 'Lost the daemon, reconnecting…'}${tried} · panes show their last screen, typing is paused`,
        short: link.host ? `reconnecting to ${link.host}…` : 'reconnecting…',
      };
    }
    case 'refused':
      return { chip: ' NOT CONNECTED ', text: 'The running daemon is of another version', short: 'not connected' };
  }
}
