// The seam between the daemon and the pane engine: what the daemon needs of a pane, and the
// factory that makes one. Production uses PaneSession; unit tests may plug in a fake.
import type { PaneSession, PaneSpawnOptions } from '../pty/pane-session.js';

export type PaneHost = Pick<
  PaneSession,
  | 'paneId'
  | 'agentId'
  | 'pid'
  | 'cols'
  | 'rows'
  | 'state'
  | 'title'
  | 'modes'
  | 'onDidChange'
  | 'onTitleChange'
  | 'onExit'
  | 'onOutput'
  | 'write'
  | 'inputCount'
  | 'resize'
  | 'frame'
  | 'text'
  | 'stop'
  | 'respawn'
  | 'dispose'
>;

export type PaneHostFactory = (options: PaneSpawnOptions) => PaneHost;
