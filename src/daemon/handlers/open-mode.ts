// `open-mode`: open a workspace mode of the project file in a new tab (the agent pane and its
// persistent side panes); the deck's Ctrl+n form and `up --mode` send it.
import type { Handler } from '../context.js';

export const openMode: Handler<'open-mode'> = async (request, daemon) => {
  const result = await daemon.modes.open(request);
  daemon.logger.info('mode opened', { tab: result.tab, panes: result.panes.map((pane) => pane.id) });
  return result;
};
