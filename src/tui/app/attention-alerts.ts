// Tells the person at the terminal when a pane starts to need them: the bell, and a desktop
// notification escape (OSC 9 for iTerm2/Windows Terminal/kitty, OSC 777 for VTE/foot/WezTerm),
// per config.toml [bell] / [notifications]. The daemon runs notify_command; when one is set it
// replaces the desktop escape. Desktop escapes are rate-limited; the bell rings at most once a second.
import type { Disposable } from '../../common/disposable.js';
import type { GlobalConfig } from '../../config/global-config.js';
import type { Connection } from '../../protocol/connection.js';
import { attentionChanges, attentionText, type Attention } from '../../protocol/status-transitions.js';

const BELL_INTERVAL_MS = 1000;

export interface AlertClock {
  lastBellAt: number;
  lastDesktopAt: number;
}

/** Keeps text inside an OSC string: no control characters, and no `;` that would split fields. */
function oscText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f;]/g, ' ').slice(0, 200);
}

/** The bytes to write for one event (possibly none), and the clock after writing them. Pure. */
export function alertBytes(
  attention: Attention,
  settings: Pick<GlobalConfig, 'bell' | 'notifications'>,
  clock: AlertClock,
  now: number,
): { bytes: string; clock: AlertClock } {
  const { bell, notifications } = settings;
  let bytes = '';
  const next = { ...clock };
  if (bell.enabled && bell[attention.event] && now - clock.lastBellAt >= BELL_INTERVAL_MS) {
    bytes += '\x07';
    next.lastBellAt = now;
  }
  const desktop = notifications.desktop && notifications.notify_command === undefined && notifications[attention.event];
  if (desktop && now - clock.lastDesktopAt >= notifications.min_interval_seconds * 1000) {
    const { title, body } = attentionText(attention);
    bytes += `\x1b]9;${oscText(body)}\x07\x1b]777;notify;${oscText(title)};${oscText(body)}\x07`;
    next.lastDesktopAt = now;
  }
  return { bytes, clock: next };
}

export class AttentionAlerts implements Disposable {
  private seen = new Map<string, string>();
  private clock: AlertClock = { lastBellAt: -Infinity, lastDesktopAt: -Infinity };
  private readonly subscription: Disposable;

  constructor(
    connection: Pick<Connection, 'onPanes' | 'panes' | 'onFinished'>,
    private readonly settings: Pick<GlobalConfig, 'bell' | 'notifications'>,
    private readonly write: (text: string) => void,
  ) {
    // Panes that already wait when the deck opens are old news: remember them without ringing.
    if (connection.panes) this.seen = attentionChanges(this.seen, connection.panes).next;
    const panes = connection.onPanes((panes) => {
      const { events, next } = attentionChanges(this.seen, panes);
      this.seen = next;
      for (const attention of events) this.alert(attention);
    });
    const finished = connection.onFinished((paneId) => {
      const pane = connection.panes?.find((candidate) => candidate.id === paneId);
      if (pane) this.alert({ event: 'finished', pane });
    });
    this.subscription = { dispose: () => (panes.dispose(), finished.dispose()) };
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private alert(attention: Attention): void {
    const { bytes, clock } = alertBytes(attention, this.settings, this.clock, Date.now());
    this.clock = clock;
    if (bytes !== '') this.write(bytes);
  }
}
