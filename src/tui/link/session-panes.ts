// The pane names in the session file, for the dialog shown when the running daemon refuses this
// deck's protocol version: that daemon will not say what it runs, but it saves its panes there on
// every change. Read leniently (another version wrote it): no file means no saved panes, and a
// file this version cannot read answers null.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const SessionPanes = z.object({ panes: z.array(z.looseObject({ name: z.string() })).max(10_000) });

export function sessionPaneNames(file: string): string[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : null;
  }
  try {
    return SessionPanes.parse(JSON.parse(text)).panes.map((pane) => pane.name);
  } catch {
    return null;
  }
}
