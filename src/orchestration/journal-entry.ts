// One line of `<project>/.dot-agent-deck/journal.jsonl`: what happened in an orchestration, when,
// to which role, agent and file. Never the task text itself (that lives in the task file).
import { z } from 'zod';
import { Outcome } from '../protocol/outcome.js';

export { Outcome };

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
  /** A delegation to a role with an open commission waits in the role's queue. */
  'queued',
  /** A queued delegation was taken from the queue and delegated (a `delegate` entry follows). */
  'dequeued',
  /** An open commission's task typed again into a worker whose process restarted. */
  'redelivery',
  /** A worker's agent drew nothing after its start, so the deck started it again (once per
   *  start, before its task was typed; daemon/agent-start.ts). */
  'start-retry',
  /** The deck typed a reminder into a worker idle at its prompt without work-done. */
  'nudge',
  /** The deck typed an agent's continue input after its usage limit reset. */
  'resume',
  /** A worker asked the orchestrator a question (`file`); its task stays open. */
  'question',
  /** The orchestrator's reply (`file`) was typed into the worker. */
  'reply',
  /** A delegation to a later stage while an earlier stage had open work (`detail` names it). */
  'out-of-order',
  /** A worker saved how far it got (`file`): a fresh agent on the same task continues from it. */
  'checkpoint',
  /** Open commissions and queues, written before the journal rotates (restore starts here). */
  'snapshot',
  /** A scheduled run fired (`dot-agent-deck schedule`): started, reused, skipped or failed. */
  'scheduled',
  'error',
]);
export type JournalEvent = z.infer<typeof JournalEvent>;

export const WatchKind = z.enum([
  'no-activity',
  'exited',
  'response-timeout',
  /** Idle at its prompt for the stall grace without work-done, after a nudge. */
  'stalled',
  /** Usage limit, quota, auth or trust screen. */
  'blocked',
  /** A permission or question dialog that waits for a person. */
  'needs-input',
  /** A clear=true respawn never became ready for input. */
  'not-ready',
  /** The worker's process restarted (a daemon restart) and got its task again. */
  'restarted',
]);
export type WatchKind = z.infer<typeof WatchKind>;

/** A commission as the snapshot keeps it (the broker's Commission, less its watches' memory). */
export const SnapshotCommission = z.object({
  id: z.string(),
  role: z.string(),
  paneId: z.string(),
  taskFile: z.string(),
  delegatedAt: z.number(),
  deliveredAt: z.number().nullable(),
  from: z.string().optional(),
  /** The task's sha256, so an identical delegation can be recognised after a restart. */
  digest: z.string().optional(),
});
export type SnapshotCommission = z.infer<typeof SnapshotCommission>;

export const QueuedDelegation = z.object({
  id: z.string(),
  role: z.string(),
  from: z.string(),
  /** Where the queued task text waits until it is delegated. */
  file: z.string(),
  digest: z.string(),
  queuedAt: z.number(),
});
export type QueuedDelegation = z.infer<typeof QueuedDelegation>;

/** A notice about a commission that the orchestrator has not been told yet (a completion, a
 *  watch, an undelivered task): a restarted daemon tells it again, built from these facts. */
export const PendingNotice = z.object({
  role: z.string(),
  commission: z.string(),
  kind: z.union([z.enum(['completed', 'undelivered', 'question']), WatchKind]),
  /** A question's file. */
  file: z.string().max(1000).optional(),
  /** The exit, the blocked reason or why the task was not delivered (deck-written). */
  detail: z.string().max(1000).optional(),
  until: z.string().optional(),
  /** A completion's outcome (absent: done). */
  outcome: Outcome.optional(),
});
export type PendingNotice = z.infer<typeof PendingNotice>;

export const Snapshot = z.object({
  commissions: z.array(SnapshotCommission).max(1000),
  queues: z.array(QueuedDelegation).max(10_000),
  /** Notices not yet delivered when the journal rotated (older snapshots have none). */
  notices: z.array(PendingNotice).max(1000).optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

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
  /** The remote host the role runs on (`host = …` on the role); absent: this host. */
  host: z.string().max(100).optional(),
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
  /** The first line of a worker's report, stripped of control and format characters: the
   *  worker's words, shown in the morning report as such. */
  summary: z.string().max(200).optional(),
  /** When a blocked agent's screen says its limit resets (ISO 8601). */
  until: z.string().optional(),
  /** How the worker said its task ended (completed entries; absent: done). */
  outcome: Outcome.optional(),
  /** Tokens the agent reported for the task, where it reports them. */
  tokens: z.number().int().nonnegative().optional(),
  /** Queue position of a queued delegation (1 = next). */
  position: z.number().int().positive().optional(),
  /** The open commission a queued delegation waits behind. */
  behind: z.string().optional(),
  snapshot: Snapshot.optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** An entry before the broker's shell stamps the group on it. */
export type JournalDraft = Omit<JournalEntry, 'group'>;
