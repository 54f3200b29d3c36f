// Runs the user's `notify_command` (config.toml [notifications]) when a pane starts to need a
// person, even with no deck attached (overnight runs). The command is split into words and run
// without a shell; it gets title and body as arguments and the event as JSON on stdin. At most
// one per `min_interval_seconds`, one at a time, each killed after NOTIFY_TIMEOUT_MS.
import { spawn } from 'node:child_process';
import type { Disposable } from '../common/disposable.js';
import { errorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { loadGlobalConfig, type GlobalConfig } from '../config/global-config.js';
import type { Env } from '../config/paths.js';
import { attentionChanges, attentionText, type Attention } from '../protocol/status-transitions.js';
import { parseCommandLine } from '../pty/command-line.js';
import type { PaneRegistry } from './pane-registry.js';

export type NotificationsSettings = GlobalConfig['notifications'];
const NOTIFY_TIMEOUT_MS = 10_000;

export interface NotifyRun {
  argv: string[];
  stdin: string;
}

/** Starts the command; resolves when it ended or was killed. Never throws. */
function runCommand({ argv, stdin }: NotifyRun, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    if (file === undefined) return resolve();
    const child = spawn(file, args, { stdio: ['pipe', 'ignore', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), NOTIFY_TIMEOUT_MS);
    child.on('error', (error) => logger.warn('notify_command failed to start', { error: errorMessage(error) }));
    child.stdin.on('error', () => undefined); // a command that ignores stdin may close it early
    child.stdin.end(stdin);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) logger.warn('notify_command exited with an error', { code });
      resolve();
    });
  });
}

/** The notifications settings, or null when config.toml is broken (logged; the deck runs on). */
export async function loadNotificationsSettings(env: Env, logger: Logger): Promise<NotificationsSettings | null> {
  try {
    const loaded = await loadGlobalConfig(env);
    if (loaded.config) return loaded.config.notifications;
    logger.warn('config.toml has errors; notify_command is off', { file: loaded.file });
  } catch (error) {
    logger.warn('config.toml unreadable; notify_command is off', { error: errorMessage(error) });
  }
  return null;
}

export class StatusNotifier implements Disposable {
  private seen = new Map<string, string>();
  private lastRunAt = -Infinity;
  private running = false;
  private readonly subscription: Disposable;
  private readonly argv: string[] | null;

  constructor(
    private readonly registry: PaneRegistry,
    private readonly settings: NotificationsSettings,
    private readonly logger: Logger,
    private readonly run: (job: NotifyRun) => Promise<void> = (job) => runCommand(job, logger),
  ) {
    this.argv = commandWords(settings.notify_command, logger);
    this.subscription = registry.onDidChange(() => this.check());
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** The orchestration whose orchestrator runs in `paneId` finished its run. */
  finished(paneId: string): void {
    const pane = this.registry.list().find((candidate) => candidate.id === paneId);
    if (pane) this.notify({ event: 'finished', pane });
  }

  private check(): void {
    const { events, next } = attentionChanges(this.seen, this.registry.list());
    this.seen = next;
    for (const attention of events) this.notify(attention);
  }

  private notify(attention: Attention): void {
    if (this.argv === null || !this.settings[attention.event]) return;
    const now = Date.now();
    if (this.running || now - this.lastRunAt < this.settings.min_interval_seconds * 1000) {
      this.logger.info('notification skipped (rate limit)', { event: attention.event, pane: attention.pane.id });
      return;
    }
    this.lastRunAt = now;
    this.running = true;
    const { title, body } = attentionText(attention);
    const { pane } = attention;
    const stdin = JSON.stringify({
      event: attention.event,
      title,
      body,
      at: new Date(now).toISOString(),
      pane: { id: pane.id, name: pane.name, tab: pane.tab, role: pane.role, agentType: pane.agentType, status: pane.status },
    });
    void this.run({ argv: [...this.argv, title, body], stdin }).finally(() => (this.running = false));
  }
}

/** The command's words; null (and a log line) when it needs a shell, which the deck never uses. */
function commandWords(command: string | undefined, logger: Logger): string[] | null {
  if (command === undefined) return null;
  try {
    const parsed = parseCommandLine(command);
    if (parsed.kind === 'argv') return parsed.argv;
    logger.warn('notify_command uses shell syntax; the deck runs it without a shell, so it is off', { command });
  } catch (error) {
    logger.warn('notify_command cannot be read', { error: errorMessage(error) });
  }
  return null;
}
