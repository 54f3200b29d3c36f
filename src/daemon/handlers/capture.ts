// `capture`: the pane's screen as plain text rows (plus optional history), like tmux capture-pane.
import type { Handler } from '../context.js';

export const capture: Handler<'capture'> = (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const host = daemon.registry.host(paneId);
  const screen = host.frame();
  return {
    paneId,
    cols: host.cols,
    rows: host.rows,
    lines: host.text(request.scrollback ? { scrollback: request.scrollback } : {}),
    cursor: screen.cursor,
    modes: screen.modes,
    title: screen.title,
  };
};
