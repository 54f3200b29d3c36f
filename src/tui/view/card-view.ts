// PaneInfo → the plain props of a Card.
import type { PaneInfo } from '../../protocol/messages.js';
import type { CardView } from '../components/Card.js';
import { formatAge, shortenPath } from './format.js';
import { paneStatus } from './pane-status.js';

export function cardView(pane: PaneInfo, number: number, now: number, home: string | undefined): CardView {
  const since = Date.parse(pane.lastActivityAt ?? pane.createdAt);
  return {
    paneId: pane.id,
    number,
    name: pane.name,
    status: paneStatus(pane),
    command: pane.role ? `${pane.role} · ${pane.command}` : pane.command,
    dir: shortenPath(pane.cwd, home),
    age: Number.isNaN(since) ? '' : formatAge(now - since),
    title: pane.failure ?? pane.title,
  };
}
