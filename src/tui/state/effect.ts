// What the deck's reducer asks the outside world to do; the effect runner performs each one
// against the daemon or the disk. A leaf: dialogs and the reducer import it, it imports only the
// protocol's types.
import type { ScheduleSpec } from '../../config/schedule-schema.js';
import type { SchedulePatch } from '../../protocol/messages.js';

export type Effect =
  | { type: 'detach' }
  | { type: 'stop-all' }
  | { type: 'kill'; paneId: string }
  | { type: 'rename'; paneId: string; name: string }
  | { type: 'scroll'; paneId: string; to: 'up' | 'down' | 'live' }
  | { type: 'send-prefix'; paneId: string }
  /** Answer the prompt the pane's agent shows (the daemon sends that agent's keys). */
  | { type: 'answer'; paneId: string; answer: 'yes' | 'no' }
  | { type: 'list-dir'; dir: string }
  | { type: 'inspect-dir'; dir: string }
  /** `host`: on a deck over several hosts, whose daemon opens it (absent: the one daemon). */
  | { type: 'create-pane'; cwd: string; name: string; command: string; host?: string }
  /** Open an orchestration of the directory's project file: one pane per role, in a new tab. */
  | { type: 'open-orchestration'; cwd: string; orchestration: string; host?: string }
  /** Open a workspace mode of the directory's project file in a new tab; `command` runs in its agent pane. */
  | { type: 'open-mode'; cwd: string; mode: string; name: string; command: string; host?: string }
  | { type: 'load-timeline'; tab: string }
  /** The Scheduled Tasks manager: load the schedules, run one now, switch one, delete one. */
  | { type: 'load-schedules' }
  | { type: 'schedule-run'; name: string }
  | { type: 'schedule-enable'; name: string; enabled: boolean }
  | { type: 'schedule-remove'; name: string }
  /** The manager's form: add a schedule, or change one (the daemon checks the cron and the directory). */
  | { type: 'schedule-add'; schedule: ScheduleSpec }
  | { type: 'schedule-update'; name: string; patch: SchedulePatch }
  /** Ask the pane's agent to write the project file (the daemon writes the prompt and types the line). */
  | { type: 'generate-config'; paneId: string }
  /** Remember "Never" for the directory. */
  | { type: 'config-gen-never'; dir: string }
  /** Stop the daemon that refuses this version (keeping its session) and connect to a new one. */
  | { type: 'restart-daemon' }
  /** Leave the refusing daemon running and quit. */
  | { type: 'keep-daemon'; message: string };
