// PaneInfo → the plain props of a Card.
import type { PaneInfo } from '../../protocol/messages.js';
import type { CardView } from '../components/Card.js';
import { formatAge, shortenPath } from './format.js';
import { statusLabel } from './status-label.js';

export function cardView(pane: PaneInfo, number: number, now: number, home: string | undefined): CardView {
  const since = Date.parse(pane.lastActivityAt ?? pane.createdAt);
  return {
    paneId: pane.id,
    number,
    name: pane.name,
    status: statusLabel(pane),
    command: pane.role ? `${pane.role} · ${pane.command}` : pane.command,
    dir: shortenPath(pane.cwd, home),
    age: withTokens(Number.isNaN(since) ? '' : formatAge(now - since), pane),
    title: pane.failure ?? pane.title,
    detail: pane.statusDetail ?? null,
  };
}

/** Claude Code's token use (input + output, cache reads aside) after the age: "3m ago · 12.4k tok". */
function withTokens(age: string, pane: PaneInfo): string {
  if (pane.tokens === null) return age;
  const total = pane.tokens.input + pane.tokens.output;
  const text = total >= 1000 ? `${(total / 1000).toFixed(1)}k tok` : `${total} tok`;
  return age === '' ? text : `${age} · ${text}`;
}
