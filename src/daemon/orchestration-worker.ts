// The seam between an orchestration group and the pane of one of its worker roles: what the
// broker's effects and watches need of it, whether the pane runs here (LocalWorkerPane, the pane
// registry and delivery service) or on another host (remote-worker-pane.ts, over ssh).
import type { Disposable } from '../common/disposable.js';
import { errorMessage } from '../common/errors.js';
import type { Observation } from '../orchestration/broker.js';
import { writeCoordinationFile } from '../orchestration/coordination-files.js';
import type { DeliveryOutcome } from '../orchestration/delivery.js';
import type { PaneExit } from '../protocol/pane-types.js';
import type { PaneInfo } from '../protocol/messages.js';
import type { AgentStarter } from './agent-start.js';
import type { DeliveryService } from './delivery-service.js';
import type { PaneRegistry } from './pane-registry.js';

export type PaneOutcome = NonNullable<PaneInfo['outcome']>;

export interface TaskDelivery {
  /** Relative to the project directory (the host's own, for a remote role). */
  taskFile: string;
  /** The whole task file; null when an older commission's file is already there. */
  text: string | null;
  /** The orchestrator's task text, for the card. */
  taskText: string | null;
  /** Restart the role's program first (clear = true, or it ended). */
  fresh: boolean;
  command: string;
  /** The role's explicit `agent`, when its command does not name it. */
  agent?: string | null;
  agentId: string | null;
  line: string;
  /** The pane runs a new agent (its id), before the line is typed. */
  onSpawned(agentId: string): void;
  /** A start that drew nothing is being started again (agent-start.ts); `detail` says why. */
  onRestart?(detail: string): void;
  beforeTyping(): void;
}

export type TaskResult = { outcome: DeliveryOutcome; restartFailed?: string };

export interface WorkerPane extends Disposable {
  readonly role: string;
  /** The pane's id as the group knows it (a remote role's is `HOST:…`). */
  readonly paneId: string;
  /** The remote the pane runs on, or null for this host. */
  readonly host: string | null;
  /** Whether a delegation can be tried (a remote role: always; its host is asked then). */
  isOpen(): boolean;
  currentAgent(): string | null;
  /** When the pane last printed (ms), or null when nothing is known. */
  lastOutputAt(): number | null;
  observe(): Observation | null;
  screenTail(rows?: number): string[];
  /** The role's program ended (not on purpose). */
  onExit(listener: (agentId: string, exit: string) => void): Disposable;
  deliverTask(task: TaskDelivery): Promise<TaskResult>;
  /** Types a reminder (`nudge`) or continue line (`resume`) for `agentId`. */
  typeLine(agentId: string | null, purpose: 'nudge' | 'resume', line: string): Promise<DeliveryOutcome>;
  setOutcome(outcome: PaneOutcome | null): void;
  tokens(): number | undefined;
}

export const failedDelivery = (reason: string): DeliveryOutcome => ({ ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason });

export interface LocalWorkerHost {
  registry: PaneRegistry;
  delivery: DeliveryService;
  /** Starts a role's agent: siblings of an agent that stalls together take turns (agent-start.ts). */
  starter: AgentStarter;
  projectDir: string;
  /** Panes being restarted on purpose: their exit is not a watch. */
  respawning: Set<string>;
  /** What a worker's pane shows, as the service's tick reads it. */
  observe(paneId: string): Observation | null;
}

export class LocalWorkerPane implements WorkerPane {
  readonly host = null;

  constructor(
    readonly role: string,
    readonly paneId: string,
    private readonly around: LocalWorkerHost,
  ) {
    around.delivery.activity(paneId);
  }

  isOpen(): boolean {
    return this.around.registry.list().some((pane) => pane.id === this.paneId);
  }

  currentAgent(): string | null {
    return this.around.delivery.currentAgent(this.paneId);
  }

  lastOutputAt(): number | null {
    return this.around.delivery.activity(this.paneId)?.lastOutputAt ?? null;
  }

  observe(): Observation | null {
    return this.around.observe(this.paneId);
  }

  screenTail(rows?: number): string[] {
    return this.around.delivery.screenTail(this.paneId, rows);
  }

  onExit(listener: (agentId: string, exit: string) => void): Disposable {
    let host;
    try {
      host = this.around.registry.host(this.paneId);
    } catch {
      return { dispose: () => undefined };
    }
    return host.onExit((exit) => {
      if (this.around.respawning.has(this.paneId)) return;
      listener(host.agentId, describeExit(exit));
    });
  }

  async deliverTask(task: TaskDelivery): Promise<TaskResult> {
    const { registry, delivery } = this.around;
    if (task.text !== null) {
      try {
        writeCoordinationFile(this.around.projectDir, task.taskFile, task.text);
      } catch (error) {
        return { outcome: failedDelivery(`could not write the task file: ${errorMessage(error)}`) };
      }
    }
    let agentId = task.agentId;
    if (task.fresh || delivery.currentAgent(this.paneId) === null) {
      try {
        agentId = await this.around.starter.start({
          paneId: this.paneId,
          label: this.role,
          command: task.command,
          agent: task.agent ?? null,
          spawn: () => this.respawn(task.command),
          onSpawned: (spawned) => task.onSpawned(spawned),
          onRestart: (detail) => task.onRestart?.(detail),
        });
      } catch (error) {
        const reason = `could not restart it: ${errorMessage(error)}`;
        return { outcome: failedDelivery(reason), restartFailed: reason };
      }
    } else {
      // A start being watched (a silent one is restarted once) decides which agent gets the line.
      try {
        const settled = await this.around.starter.settled(this.paneId);
        if (settled !== undefined && settled !== null && settled !== agentId) {
          agentId = settled;
          task.onSpawned(settled);
        }
      } catch (error) {
        const reason = `could not restart it: ${errorMessage(error)}`;
        return { outcome: failedDelivery(reason), restartFailed: reason };
      }
    }
    if (agentId !== null && task.taskText !== null) {
      try {
        registry.statusTracker(this.paneId).noteCommission(agentId, task.taskText);
      } catch {
        // A pane that never started has no card to show the task on; delivery says why below.
      }
    }
    return { outcome: await delivery.deliver(this.paneId, agentId, task.line, this.role, task.beforeTyping) };
  }

  /** Restarts the pane's program on purpose: its exit is not a watch. */
  private async respawn(command: string): Promise<string> {
    this.around.respawning.add(this.paneId);
    try {
      return await this.around.registry.respawn(this.paneId, command);
    } finally {
      this.around.respawning.delete(this.paneId);
    }
  }

  typeLine(agentId: string | null, _purpose: 'nudge' | 'resume', line: string): Promise<DeliveryOutcome> {
    return this.around.delivery.deliver(this.paneId, agentId, line, this.role);
  }

  setOutcome(outcome: PaneOutcome | null): void {
    this.around.registry.setOutcome(this.paneId, outcome);
  }

  tokens(): number | undefined {
    try {
      const tokens = this.around.registry.get(this.paneId).tokens;
      return tokens ? tokens.input + tokens.output : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    // The pane belongs to the registry; the group's subscriptions hold the exit listener.
  }
}

export function describeExit(exit: PaneExit): string {
  return exit.signal !== null ? `killed by ${exit.signal}` : `exit code ${exit.exitCode ?? '?'}`;
}
