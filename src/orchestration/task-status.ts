// The `status` file of a task's directory (`.dot-agent-deck/<group>/tasks/<id>/status`): one small
// JSON object the deck rewrites at every step of the task, so an orchestrator (or a person) who
// lost track rebuilds the picture from files, and `dot-agent-deck tasks` lists them. Deck-written.
import { z } from 'zod';
import { Outcome } from '../protocol/outcome.js';

export const TaskState = z.enum([
  /** Waiting in its role's queue behind an open task. */
  'queued',
  /** Delegated; being typed into the worker. */
  'delivering',
  'working',
  /** The worker asked the orchestrator and waits for the reply. */
  'question',
  /** Closed by work-done: see `outcome`. */
  'ended',
  'undelivered',
  /** The worker's process ended before work-done. */
  'exited',
  /** Replaced by the same role's next task (`delegate --again`). */
  'superseded',
  /** Still open when the orchestrator finished the run. */
  'abandoned',
]);
export type TaskState = z.infer<typeof TaskState>;

/** States in which the task still waits for its worker. */
export const OPEN_STATES: ReadonlySet<TaskState> = new Set(['queued', 'delivering', 'working', 'question']);

export const TaskStatus = z.object({
  id: z.string().max(100),
  group: z.string().max(200),
  role: z.string().max(200),
  state: TaskState,
  /** How the worker said it ended (state `ended`). */
  outcome: Outcome.optional(),
  /** When the state last changed (ISO 8601). */
  updatedAt: z.string().max(40),
});
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A task's directory (or a task text from before directories) as the pruner sees it. */
export interface TaskEntry {
  name: string;
  mtime: number;
}

/** The entries under tasks/ to delete when the journal rotates: never an open or queued task's,
 *  and never the `keep` newest others (their journal lines may still be read). */
export function tasksToPrune(entries: readonly TaskEntry[], open: ReadonlySet<string>, keep: number): string[] {
  return entries
    .filter((entry) => /^c-[0-9a-f]+(\.md)?$/.test(entry.name) && !open.has(entry.name.replace(/\.md$/, '')))
    .sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name))
    .slice(keep)
    .map((entry) => entry.name);
}
