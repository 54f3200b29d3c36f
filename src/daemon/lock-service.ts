// The host's heavy-work locks (`dot-agent-deck lock`): one FIFO queue per name, held in the
// daemon's memory only. A lock is freed the moment its holder releases it, its client
// disconnects (the `lock` process exited or was killed) or its pane dies, so there is never a
// stale lock file to clean up. It does not run the command: the `lock` CLI does, in its own pane.
import { UserError } from '../common/errors.js';
import { Emitter } from '../common/event.js';
import { nameProblem } from '../config/project-fields.js';
import type { LockEntry, LockState } from '../protocol/messages.js';
import { shortDuration } from '../orchestration/morning-report-text.js';
import type { Disposable } from '../common/disposable.js';

/** Waiters per lock: far more panes than one host runs, and a bound on memory. */
export const MAX_LOCK_WAITERS = 64;
/** Distinct lock names at once. */
export const MAX_LOCKS = 32;

export interface LockOwner {
  /** The client connection that asked; its close frees everything it held or waited for. */
  clientId: number;
  /** The pane the `lock` command runs in (its credential proved it), or null outside the deck. */
  paneId: string | null;
  agentId: string | null;
  /** Who the card and `lock status` name: the pane's role or name, else `pid N`. */
  label: string;
  pid: number;
  command: string;
}

interface Ticket {
  owner: LockOwner;
  since: number;
  grant(waitedMs: number): void;
  fail(error: Error): void;
  timer: NodeJS.Timeout | null;
}

interface Queue {
  holder: Ticket | null;
  waiters: Ticket[];
}

export interface LockServiceOptions {
  now?: () => number;
}

export class LockService implements Disposable {
  private readonly queues = new Map<string, Queue>();
  private readonly now: () => number;
  private readonly changeEmitter = new Emitter<void>();
  /** Someone started or stopped waiting or holding: pane details may have changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(options: LockServiceOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Resolves when `owner` holds `name`; rejects with a UserError after `timeoutMs` of waiting. */
  acquire(name: string, owner: LockOwner, timeoutMs: number): Promise<{ waitedMs: number }> {
    const problem = nameProblem(name);
    if (problem) throw new UserError(`The lock name ${problem}.`, { hint: 'use a word such as build or tests', exitCode: 2 });
    let queue = this.queues.get(name);
    if (!queue) {
      if (this.queues.size >= MAX_LOCKS) throw new UserError(`This host already has ${MAX_LOCKS} locks in use; lock ${JSON.stringify(name)} was not queued.`);
      queue = { holder: null, waiters: [] };
      this.queues.set(name, queue);
    }
    if (queue.holder?.owner.clientId === owner.clientId || queue.waiters.some((t) => t.owner.clientId === owner.clientId)) {
      throw new UserError(`This client already holds or waits for lock ${JSON.stringify(name)}.`);
    }
    if (queue.waiters.length >= MAX_LOCK_WAITERS) {
      throw new UserError(`${MAX_LOCK_WAITERS} commands already wait for lock ${JSON.stringify(name)}; this one was not queued.`, {
        hint: 'run `dot-agent-deck lock status` to see who holds it',
      });
    }
    const since = this.now();
    const q = queue;
    return new Promise((resolve, reject) => {
      const ticket: Ticket = { owner, since, grant: (waitedMs) => resolve({ waitedMs }), fail: reject, timer: null };
      if (!q.holder) {
        q.holder = ticket;
        this.changeEmitter.fire();
        resolve({ waitedMs: 0 });
        return;
      }
      ticket.timer = setTimeout(() => this.timeOut(name, ticket, timeoutMs), timeoutMs);
      ticket.timer.unref?.();
      q.waiters.push(ticket);
      this.changeEmitter.fire();
    });
  }

  /** Frees `name` if `clientId` holds it (and hands it to the next waiter). */
  release(name: string, clientId: number): boolean {
    const queue = this.queues.get(name);
    if (!queue?.holder || queue.holder.owner.clientId !== clientId) return false;
    queue.holder = null;
    this.advance(name, queue);
    return true;
  }

  /** The client went away: everything it held is freed, everything it waited for is dropped. */
  releaseClient(clientId: number): void {
    this.drop((owner) => owner.clientId === clientId, 'the client disconnected');
  }

  /** Frees what panes that no longer run their `lock` command's agent held or waited for:
   *  `alive(paneId, agentId)` says whether that run of the pane still lives. */
  releaseDeadPanes(alive: (paneId: string, agentId: string | null) => boolean): void {
    this.drop((owner) => owner.paneId !== null && !alive(owner.paneId, owner.agentId), 'its pane died');
  }

  status(): LockState[] {
    return [...this.queues.entries()].map(([name, queue]) => ({
      name,
      holder: queue.holder ? this.entry(queue.holder) : null,
      waiters: queue.waiters.map((ticket) => this.entry(ticket)),
    }));
  }

  /** The card's line for a pane that waits: `waiting for lock build (held by coder, 2m)`. */
  waitingDetail(paneId: string): string | null {
    for (const [name, queue] of this.queues) {
      if (!queue.waiters.some((ticket) => ticket.owner.paneId === paneId)) continue;
      return waitingText(name, queue.holder ? { label: queue.holder.owner.label, heldMs: this.now() - queue.holder.since } : null);
    }
    return null;
  }

  /** Panes that wait for a lock now. */
  waitingPanes(): string[] {
    const panes: string[] = [];
    for (const queue of this.queues.values()) for (const ticket of queue.waiters) if (ticket.owner.paneId) panes.push(ticket.owner.paneId);
    return panes;
  }

  dispose(): void {
    this.drop(() => true, 'the daemon is stopping');
    this.changeEmitter.dispose();
  }

  private drop(matches: (owner: LockOwner) => boolean, why: string): void {
    let changed = false;
    for (const [name, queue] of [...this.queues]) {
      const kept = queue.waiters.filter((ticket) => !matches(ticket.owner));
      for (const ticket of queue.waiters) {
        if (kept.includes(ticket)) continue;
        if (ticket.timer) clearTimeout(ticket.timer);
        ticket.fail(new UserError(`Stopped waiting for lock ${JSON.stringify(name)}: ${why}.`));
        changed = true;
      }
      queue.waiters = kept;
      if (queue.holder && matches(queue.holder.owner)) {
        queue.holder = null;
        this.advance(name, queue);
      } else this.cleanUp(name, queue);
    }
    if (changed) this.changeEmitter.fire();
  }

  private timeOut(name: string, ticket: Ticket, timeoutMs: number): void {
    const queue = this.queues.get(name);
    if (!queue?.waiters.includes(ticket)) return;
    queue.waiters = queue.waiters.filter((t) => t !== ticket);
    const holder = queue.holder ? ` (held by ${queue.holder.owner.label} for ${shortDuration(this.now() - queue.holder.since)})` : '';
    ticket.fail(
      new UserError(`Gave up waiting for lock ${JSON.stringify(name)} after ${shortDuration(timeoutMs)}${holder}; the command did not run.`, {
        hint: 'run `dot-agent-deck lock status` to see who holds it, or pass a longer --timeout',
        exitCode: 124,
      }),
    );
    this.cleanUp(name, queue);
    this.changeEmitter.fire();
  }

  private advance(name: string, queue: Queue): void {
    const next = queue.waiters.shift();
    if (next) {
      if (next.timer) clearTimeout(next.timer);
      const waitedMs = this.now() - next.since;
      next.since = this.now();
      queue.holder = next;
      next.grant(waitedMs);
    }
    this.cleanUp(name, queue);
    this.changeEmitter.fire();
  }

  private cleanUp(name: string, queue: Queue): void {
    if (!queue.holder && queue.waiters.length === 0) this.queues.delete(name);
  }

  private entry(ticket: Ticket): LockEntry {
    const { label, paneId, pid, command } = ticket.owner;
    return { label, paneId, pid, command, since: new Date(ticket.since).toISOString() };
  }
}

/** `waiting for lock build (held by coder, 2m)`; shared by the card and `lock status`. */
export function waitingText(name: string, holder: { label: string; heldMs: number } | null): string {
  return holder ? `waiting for lock ${name} (held by ${holder.label}, ${shortDuration(holder.heldMs)})` : `waiting for lock ${name}`;
}
