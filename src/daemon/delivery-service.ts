// The one way the deck types a line into an agent and confirms it was taken: delegations,
// notices to orchestrators, nudges, resumes, config generation. It keeps one output watcher per
// pane (quiet time and output count feed readiness and confirmation), reads the agent's type and
// hook facts from the pane's status tracker (the one owner of those facts), and guards that every
// typed line is deck-written shell-safe text.
import type { Disposable } from '../common/disposable.js';
import { errorMessage } from '../common/errors.js';
import { nullLogger, type Logger } from '../common/logger.js';
import { readiness } from '../agents/readiness.js';
import { deliverLine, type Clock, type DeliveryOutcome } from '../orchestration/delivery.js';
import { safeTypedLine } from '../orchestration/prompt-lines.js';
import type { ReadinessCheck } from '../orchestration/readiness-check.js';
import { deliveryPane, PaneActivity, type HookView } from './orchestration-pane.js';
import type { PaneRegistry } from './pane-registry.js';
import type { PaneWriters } from './pane-writer.js';

export interface DeliveryServiceOptions {
  registry: PaneRegistry;
  writers: PaneWriters;
  clock: Clock;
  readiness?: ReadinessCheck;
  deadlineMs?: number;
  /** Every typed line's outcome goes here (how it was confirmed, how often typed and Entered). */
  logger?: Logger;
}

export class DeliveryService implements Disposable {
  private readonly activities = new Map<string, PaneActivity>();

  constructor(private readonly options: DeliveryServiceOptions) {}

  /** The pane's output watcher, created on first use and kept while the pane lives. */
  activity(paneId: string): PaneActivity | undefined {
    const known = this.activities.get(paneId);
    if (known) return known;
    let output;
    try {
      output = this.options.registry.output(paneId);
    } catch {
      return undefined;
    }
    const activity = new PaneActivity(output, this.options.clock);
    this.activities.set(paneId, activity);
    return activity;
  }

  /** Forgets watchers of panes that are gone. */
  prune(live: ReadonlySet<string>): void {
    for (const paneId of this.activities.keys()) if (!live.has(paneId)) this.activities.delete(paneId);
  }

  /** The agent now running in the pane, or null. */
  currentAgent(paneId: string): string | null {
    try {
      const host = this.options.registry.host(paneId);
      return host.state.kind === 'running' ? host.agentId : null;
    } catch {
      return null;
    }
  }

  /** Whether the pane's agent is at its prompt, ready for typing (the stall watch asks). */
  atPrompt(paneId: string): boolean {
    const activity = this.activity(paneId);
    if (!activity) return false;
    try {
      const host = this.options.registry.host(paneId);
      const seen = deliveryPane(host, activity, this.options.writers, this.options.clock).observe();
      return (this.options.readiness ?? readiness)({
        agentType: this.agentType(paneId),
        screenText: seen.lines,
        cursor: seen.cursor,
        modes: seen.modes,
        quietMs: seen.quietMs,
        ...this.hookFacts(paneId),
      }).ready;
    } catch {
      return false;
    }
  }

  /** The last `rows` non-empty rows of the pane's screen (evidence for a watch). */
  screenTail(paneId: string, rows = 20): string[] {
    try {
      const lines = this.options.registry.host(paneId).text();
      let end = lines.length;
      while (end > 0 && lines[end - 1]!.trim() === '') end--;
      return lines.slice(Math.max(0, end - rows), end);
    } catch {
      return [];
    }
  }

  /**
   * Types `line` into the pane for `agentId` and confirms it was submitted. `label` names the
   * target in reasons ("the coder pane is closed"); `beforeTyping` runs once the pane is known.
   */
  async deliver(paneId: string, agentId: string | null, line: string, label: string, beforeTyping: () => void = () => undefined): Promise<DeliveryOutcome> {
    const failed = (reason: string): DeliveryOutcome => ({ ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason });
    try {
      safeTypedLine(line);
    } catch (error) {
      // A deck bug, never an agent's doing: the caller journals the reason and goes on, rather
      // than wait on a rejected promise (a notice queue that never hears back stalls for good).
      return { ok: false, ms: 0, textAttempts: 0, enterPresses: 0, reason: errorMessage(error), final: true };
    }
    const activity = this.activity(paneId);
    if (!agentId || !activity) return failed(`the ${label} pane is closed or not running`);
    try {
      const host = this.options.registry.host(paneId);
      this.options.registry.statusTracker(paneId).noteDeckLine(line);
      beforeTyping();
      const outcome = await deliverLine(
        deliveryPane(host, activity, this.options.writers, this.options.clock, () => this.hookFacts(paneId)),
        agentId,
        line,
        {
          readiness: this.options.readiness ?? readiness,
          // Read at every look: detection may name the agent while delivery waits.
          agentType: () => this.agentType(paneId),
          // An agent drawing its start-up (text on screen, no input box yet since launch): the
          // deadline waits. One that has drawn nothing at all gets the plain deadline.
          starting: () => this.starting(paneId),
          clock: this.options.clock,
          ...(this.options.deadlineMs ? { deadlineMs: this.options.deadlineMs } : {}),
        },
      );
      const { ms, textAttempts, enterPresses } = outcome;
      const fields = { paneId, label, agentType: this.agentType(paneId), ms, textAttempts, enterPresses };
      const logger = this.options.logger ?? nullLogger;
      if (outcome.ok) logger.info('line delivered', { ...fields, confirmedBy: outcome.confirmedBy });
      else logger.warn('line not delivered', { ...fields, reason: outcome.reason });
      return outcome;
    } catch (error) {
      return failed(errorMessage(error));
    }
  }

  dispose(): void {
    this.activities.clear();
  }

  /** The tracker's agent type: it upgrades the command line's guess from the agent's hooks, so
   *  a wrapper-launched Claude Code gets Claude Code readiness. */
  private agentType(paneId: string): string | null {
    try {
      return this.options.registry.statusTracker(paneId).agentType;
    } catch {
      return null;
    }
  }

  /** The pane's agent shows text but has not been seen at its input box since it was launched. */
  private starting(paneId: string): boolean {
    try {
      if (!this.options.registry.statusTracker(paneId).startingUp) return false;
      return this.options.registry
        .host(paneId)
        .text()
        .some((line) => line.trim() !== '');
    } catch {
      return false;
    }
  }

  private hookFacts(paneId: string): HookView {
    try {
      const tracker = this.options.registry.statusTracker(paneId);
      const promptAt = tracker.promptSubmittedAt;
      const passedLimit = tracker.passedLimitLine;
      return {
        ...(tracker.lastHook ? { lastHookEvent: tracker.lastHook } : {}),
        ...(promptAt !== null ? { promptHookAt: promptAt } : {}),
        ...(passedLimit !== null ? { passedLimit } : {}),
      };
    } catch {
      return {};
    }
  }
}
