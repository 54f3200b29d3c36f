// A worker role whose pane runs on another host (`host = "NAME"` on the role): the remote's
// daemon opens it in the remote project directory (`role-host`), is handed each task with its
// text (`role-deliver`: it writes the task file there and confirms the typed line), pushes the
// pane's status (for the watches) and the worker's `work-done` back over the group's link. A host
// that cannot be reached is a delivery that failed with the reason, never a wait without end.
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import { errorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { Observation } from '../orchestration/broker.js';
import type { DeliveryOutcome } from '../orchestration/delivery.js';
import type { Outcome } from '../orchestration/journal-entry.js';
import type { Connection, RoleReport, RoleStatus } from '../protocol/connection.js';
import type { PaneInfo, ResponseMap } from '../protocol/messages.js';
import { failedDelivery, type PaneOutcome, type TaskDelivery, type TaskResult, type WorkerPane } from './orchestration-worker.js';
import type { RemoteLink } from './remote-link.js';

/** A task's whole round trip: the link (30 s), the remote's delivery deadline (90 s), a margin. */
const DELIVER_TIMEOUT_MS = 150_000;
/** Opening the role's pane over there, once the link is up. */
const HOST_TIMEOUT_MS = 30_000;

export interface RemoteRoleSpec {
  group: string;
  role: string;
  command: string;
  agent?: string | undefined;
  /** The project directory here: the remote's `dir` stands for it there (else the same path). */
  projectDir: string;
  cols?: number | undefined;
  rows?: number | undefined;
}

export interface RemoteWorkerEvents {
  /** The remote worker ran `work-done`. */
  report(agentId: string, report: string, outcome: Outcome): void;
  logger: Logger;
}

/** The group's id for a role on `host`: never a local pane id (those have no colon). */
export function remotePaneId(host: string, group: string, role: string): string {
  return `${host}:${group}/${role}`;
}

export class RemoteWorkerPane implements WorkerPane {
  readonly role: string;
  readonly paneId: string;
  private readonly store = new DisposableStore();
  private readonly exitEmitter = new Emitter<{ agentId: string; exit: string }>();
  /** The pane's id on the remote, once it opened there. */
  private remoteId: string | null = null;
  /** The connection the pane was (last) taken on: a new one must take it again. */
  private heldOn: Connection | null = null;
  private holding: Promise<void> | null = null;
  private status: { pane: PaneInfo; lastOutputAt: number | null; atPrompt: boolean; inputs: number | null } | null = null;
  /** Set while a fresh task is delivered: its new agent is told to the group, its old one's exit is not a watch. */
  private spawning: ((agentId: string) => void) | null = null;

  constructor(
    readonly host: string,
    private readonly link: RemoteLink,
    private readonly spec: RemoteRoleSpec,
    private readonly events: RemoteWorkerEvents,
  ) {
    this.role = spec.role;
    this.paneId = remotePaneId(host, spec.group, spec.role);
    this.store.add(this.exitEmitter);
    // Started with the tab, like any role; taken back on every new connection after a drop.
    this.store.add(link.onUp((connection) => void this.holdOn(connection).catch((error: unknown) => this.warn('could not open the role there', error))));
    void link.connect().catch((error: unknown) => this.warn('could not reach the host when the tab opened', error));
  }

  isOpen(): boolean {
    return true;
  }

  currentAgent(): string | null {
    const pane = this.fresh()?.pane;
    return pane?.state === 'running' ? pane.agentId : null;
  }

  lastOutputAt(): number | null {
    return this.fresh()?.lastOutputAt ?? null;
  }

  observe(): Observation | null {
    const seen = this.fresh();
    if (!seen) return null;
    const { status } = seen.pane;
    return { status: status.kind, reason: status.reason, until: status.until ?? null, atPrompt: seen.atPrompt, inputs: seen.inputs };
  }

  screenTail(): string[] {
    // The screen stays on its host; `dot-agent-deck capture --remote HOST` shows it.
    return [];
  }

  onExit(listener: (agentId: string, exit: string) => void): Disposable {
    return this.exitEmitter.event(({ agentId, exit }) => listener(agentId, exit));
  }

  async deliverTask(task: TaskDelivery): Promise<TaskResult> {
    this.spawning = task.onSpawned;
    const before = this.currentAgent();
    try {
      const answer = await this.request((connection, pane) =>
        connection.request({ kind: 'role-deliver', pane, purpose: 'task', fresh: task.fresh, ...(task.text !== null ? { task: task.text } : {}) }),
      );
      task.beforeTyping();
      // The status push names the new agent first; this covers one that never came.
      if (answer.agentId !== null && answer.agentId !== before && answer.agentId !== this.status?.pane.agentId) task.onSpawned(answer.agentId);
      return { outcome: outcomeOf(answer) };
    } catch (error) {
      return { outcome: failedDelivery(errorMessage(error)) };
    } finally {
      this.spawning = null;
    }
  }

  async typeLine(_agentId: string | null, purpose: 'nudge' | 'resume'): Promise<DeliveryOutcome> {
    try {
      return outcomeOf(await this.request((connection, pane) => connection.request({ kind: 'role-deliver', pane, purpose, fresh: false })));
    } catch (error) {
      return failedDelivery(errorMessage(error));
    }
  }

  setOutcome(_outcome: PaneOutcome | null): void {
    // The card that would show it is the remote's own pane; the journal and task files have it.
  }

  tokens(): number | undefined {
    const tokens = this.status?.pane.tokens;
    return tokens ? tokens.input + tokens.output : undefined;
  }

  /** Closes the role's pane over there (the tab closed); bounded, so closing never waits long. */
  async close(): Promise<void> {
    const connection = this.link.connection;
    if (connection && this.remoteId !== null && this.heldOn === connection) {
      await withTimeout(connection.request({ kind: 'kill', pane: this.remoteId }), 5000, 'closing the role').catch(() => undefined);
    }
    this.dispose();
  }

  dispose(): void {
    this.store.dispose();
  }

  /** Runs `job` on a connection that holds the pane, connecting and opening it first if needed. */
  private async request<T>(job: (connection: Connection, pane: string) => Promise<T>): Promise<T> {
    const connection = await this.link.connect();
    if (this.heldOn !== connection) await withTimeout(this.holdOn(connection), HOST_TIMEOUT_MS, `opening role ${this.role} there`);
    return withTimeout(job(connection, this.remoteId!), DELIVER_TIMEOUT_MS, `the delivery to remote "${this.host}"`);
  }

  private holdOn(connection: Connection): Promise<void> {
    if (this.heldOn === connection) return Promise.resolve();
    this.holding ??= this.take(connection).finally(() => {
      this.holding = null;
    });
    return this.holding;
  }

  private async take(connection: Connection): Promise<void> {
    const remote = this.link.remote;
    let answer: ResponseMap['role-host'];
    try {
      answer = await connection.request({
        kind: 'role-host',
        group: this.spec.group,
        role: this.spec.role,
        projectDir: remote?.dir ?? this.spec.projectDir,
        command: this.spec.command,
        ...(this.spec.agent ? { agent: this.spec.agent } : {}),
        ...(this.remoteId !== null ? { pane: this.remoteId } : {}),
        ...(this.spec.cols !== undefined ? { cols: this.spec.cols } : {}),
        ...(this.spec.rows !== undefined ? { rows: this.spec.rows } : {}),
      });
    } catch (error) {
      // A daemon that predates hosted roles closes a client that sends an unknown request.
      if (connection.isClosed)
        throw new Error(
          `the deck on remote "${this.host}" cannot run roles for another host (an older version): run \`dot-agent-deck remote upgrade ${this.host}\``,
        );
      throw error;
    }
    this.remoteId = answer.pane.id;
    this.heldOn = connection;
    this.see(answer.pane, null, false, null);
    this.store.add(connection.onRoleStatus((message) => this.onStatus(message)));
    this.store.add(connection.onRoleReport((message) => this.onReport(message)));
  }

  private onStatus(message: RoleStatus): void {
    if (message.pane.id !== this.remoteId) return;
    this.see(message.pane, message.quietMs, message.atPrompt, message.inputs ?? null);
  }

  private see(pane: PaneInfo, quietMs: number | null, atPrompt: boolean, inputs: number | null): void {
    const before = this.status?.pane;
    this.status = { pane, lastOutputAt: quietMs === null ? null : Date.now() - quietMs, atPrompt, inputs };
    if (before && before.agentId !== pane.agentId && this.spawning) this.spawning(pane.agentId);
    const ended = before?.state === 'running' && pane.state !== 'running' && before.agentId === pane.agentId;
    if (ended && !this.spawning) {
      const exit = pane.exit ? (pane.exit.signal !== null ? `killed by ${pane.exit.signal}` : `exit code ${pane.exit.exitCode ?? '?'}`) : pane.state;
      this.exitEmitter.fire({ agentId: pane.agentId, exit });
    }
  }

  private onReport(message: RoleReport): void {
    if (message.paneId !== this.remoteId) return;
    try {
      this.events.report(message.agentId, message.report, message.outcome);
    } catch (error) {
      this.warn('a report from the host was refused', error);
    }
  }

  /** The last status, while the link that sent it is up: a lost host has no status. */
  private fresh(): RemoteWorkerPane['status'] {
    return this.heldOn !== null && this.heldOn === this.link.connection ? this.status : null;
  }

  private warn(message: string, error: unknown): void {
    this.events.logger.warn(message, { remote: this.host, role: this.role, error: errorMessage(error) });
  }
}

/** The far side's answer as a local outcome; its reason is text from there, kept short (journal detail). */
function outcomeOf(answer: ResponseMap['role-deliver']): DeliveryOutcome {
  return answer.ok
    ? { ok: true, ms: answer.ms, textAttempts: answer.textAttempts, enterPresses: answer.enterPresses, confirmedBy: answer.confirmedBy ?? 'the remote host' }
    : {
        ok: false,
        ms: answer.ms,
        textAttempts: answer.textAttempts,
        enterPresses: answer.enterPresses,
        reason: (answer.reason ?? 'no reason given').slice(0, 500),
      };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
