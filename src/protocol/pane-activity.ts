// What a card says a pane is doing, beyond its status word: the task it works on (first line)
// and since when, and the tools it used. Decided in the daemon (daemon/pane-work.ts).
import { z } from 'zod';

/** A task's first line is cut here: a card shows one line of it at most. */
export const MAX_TASK_LINE = 160;

export const PaneActivity = z.object({
  /** The current task: the commission's first line, or the last prompt the agent received. */
  task: z.object({ line: z.string().max(MAX_TASK_LINE), since: z.string() }).nullable(),
  /** The current or last tool, and how many tool calls this run of the agent made. */
  lastTool: z.string().nullable(),
  toolCount: z.number().int().nonnegative(),
});
export type PaneActivity = z.infer<typeof PaneActivity>;
