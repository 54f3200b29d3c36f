// One line of `<project>/.dot-agent-deck/journal.jsonl`: what happened in an orchestration, when,
// to which role, agent and file. Never the task text itself (that lives in the task file).
import { z } from 'zod';

export const JournalEvent = z.enum([
  'open',
  'delegate',
  'superseded',
  'delivery-attempt',
  'delivered',
  'delivery-failed',
  'completed',
  'unsolicited',
  'notice-delivered',
  'notice-failed',
  'watch',
  'done',
  'restored',
  'error',
]);
export type JournalEvent = z.infer<typeof JournalEvent>;

export const WatchKind = z.enum(['no-activity', 'exited', 'response-timeout']);
export type WatchKind = z.infer<typeof WatchKind>;

export const JournalEntry = z.object({
  at: z.string(),
  event: JournalEvent,
  /** The routing group (one per opened orchestration tab). */
  group: z.string(),
  orchestration: z.string().optional(),
  role: z.string().optional(),
  /** Who caused it (the delegating orchestrator, the reporting worker). */
  from: z.string().optional(),
  paneId: z.string().optional(),
  agentId: z.string().optional(),
  commission: z.string().optional(),
  file: z.string().optional(),
  watch: WatchKind.optional(),
  attempt: z.number().int().optional(),
  ms: z.number().optional(),
  /** Role → pane of an opened group, so a restarted daemon knows the group's layout. */
  roles: z.record(z.string(), z.string()).optional(),
  /** A short, deck-written explanation; never agent-written text. */
  detail: z.string().max(1000).optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** An entry before the broker's shell stamps the group on it. */
export type JournalDraft = Omit<JournalEntry, 'group'>;
