// Types a mode's init_command, then the pane's own command, into a pane that runs the person's
// shell: each line once the shell is ready (it printed since the last line, went quiet, and the
// cursor ends a prompt-like line: the generic readiness of agents/readiness.ts), bound to the
// pane's current process, under its writer lock. Bounded: a shell that never gets ready stops it.
import { readiness } from '../agents/readiness.js';
import type { Clock } from '../orchestration/delivery.js';
import { deliveryPane, PaneActivity } from './orchestration-pane.js';
import type { PaneRegistry } from './pane-registry.js';
import type { PaneWriters } from './pane-writer.js';

/** `devbox shell`, `nix develop`, `direnv` may download and build before their prompt: 2 minutes. */
const READY_DEADLINE_MS = 120_000;
const POLL_MS = 50;

// Control characters would act on the terminal or the line editor instead of being typed
// (Ctrl+C, Ctrl+U, Escape …); a newline continues an open quote, as in a person's typing.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export interface ShellTyperOptions {
  registry: PaneRegistry;
  writers: PaneWriters;
  clock: Clock;
  deadlineMs?: number;
}

export class ShellTyper {
  constructor(private readonly options: ShellTyperOptions) {}

  /** Types `lines` in order; rejects with why when the pane went away or never got ready. */
  async typeLines(paneId: string, lines: readonly string[]): Promise<void> {
    const { registry, writers, clock } = this.options;
    const bad = lines.find((line) => CONTROL.test(line));
    if (bad !== undefined) throw new Error(`refusing to type a line with a control character into ${paneId}`);
    const host = registry.host(paneId);
    const agentId = host.agentId;
    const activity = new PaneActivity(registry.output(paneId), clock);
    const pane = deliveryPane(host, activity, writers, clock);
    let printedBefore = -1;
    for (const line of lines) {
      const deadline = clock.now() + (this.options.deadlineMs ?? READY_DEADLINE_MS);
      for (;;) {
        if (host.state.kind !== 'running' || host.agentId !== agentId) throw new Error(`pane ${paneId} was restarted or ended before "${line}" was typed`);
        const seen = pane.observe();
        const ready =
          seen.outputCount > printedBefore
            ? readiness({ agentType: null, screenText: seen.lines, cursor: seen.cursor, modes: seen.modes, quietMs: seen.quietMs })
            : { ready: false, reason: 'nothing printed since the last line was typed' };
        if (ready.ready) break;
        if (clock.now() > deadline) throw new Error(`the shell in ${paneId} was not ready for "${line}": ${ready.reason}`);
        await clock.sleep(POLL_MS);
      }
      await writers.type(host, line, { submit: true, agentId });
      printedBefore = activity.outputCount;
    }
  }
}
