// The broker's vocabulary: commissions, notices, settings, state, the events it takes and the
// effects it asks for, and the state it starts from. Types and constants only, no rules.
import type { JournalDraft, Outcome, PendingNotice, QueuedDelegation, WatchKind } from './journal-entry.js';
import type { TaskState } from './task-status.js';

export interface Commission {
  id: string;
  role: string;
  paneId: string;
  /** The agent the task was typed into; null until the pane's agent is known (a respawn for
   *  the task, or a commission rebuilt after a daemon restart before its re-delivery). */
  agentId: string | null;
  /** The role's task file the worker reads. */
  taskFile: string;
  /** sha256 of the task text: an identical delegation is recognised by it. */
  digest: string;
  from: string;
  delegatedAt: number;
  deliveredAt: number | null;
  lastActivityAt: number | null;
  /** 0 = no response-timeout watch. */
  responseTimeoutMs: number;
  reported: WatchKind[];
  /** The task is typed again because the worker's process restarted (a daemon restart). */
  redelivery: boolean;
  /** Since when the worker sits idle at its prompt (stall watch); null while it works. */
  idleSince: number | null;
  nudged: boolean;
  /** The waiting episode already reported (blocked, needs-input), so it is told once. */
  episode: 'blocked' | 'needs-input' | null;
  /** Keys typed into the worker's pane when the needs-input episode began: the episode ends only
   *  once someone has typed since (an answer), not on a status that flickers while it waits. */
  episodeInputs: number | null;
  /** When the deck types the agent's continue input (a usage limit's reset time + jitter). */
  resumeAt: number | null;
  /** The worker's question waiting for the orchestrator's reply (the stall, no-activity and
   *  response-timeout watches pause meanwhile). */
  question: { n: number; since: number; file: string } | null;
  /** Questions asked on this task so far (they are numbered from 1). */
  asked: number;
  /** Time spent waiting for replies: the response timeout does not count it. */
  waitedMs: number;
}

export interface Notice {
  role: string;
  line: string;
  /** What commission event it tells of: its delivery is journaled with the commission (and
   *  watch), so a daemon restored after a crash tells again what was never heard. */
  about?: PendingNotice;
}

export interface BrokerSettings {
  /** Idle at the prompt this long without work-done: nudge, then tell (0 = off). */
  stallGraceMs: number;
  /** Roles whose agent is continued after a usage limit's stated reset time. */
  resumeRoles: readonly string[];
  /** Resumes per pane per night. */
  maxResumes: number;
}

export interface BrokerState {
  /** The routing group: coordination files live under `.dot-agent-deck/<group>/`. */
  group: string;
  /** One open commission per role. */
  commissions: Record<string, Commission>;
  /** Delegations waiting for their role's open commission to close, oldest first. */
  queues: Record<string, QueuedDelegation[]>;
  /** Lines waiting for the orchestrator, delivered one at a time. */
  queue: Notice[];
  notifying: Notice | null;
  /** Resumes typed per pane. */
  resumes: Record<string, number>;
  settings: BrokerSettings;
}

/** What the shell saw of a worker with an open commission, every tick. */
export interface Observation {
  /** The status engine's word for the pane (idle, working, blocked, needs-input, …). */
  status: string;
  reason: string | null;
  /** ISO time a blocked status clears, when the screen says. */
  until: string | null;
  /** The agent's input box / prompt is on screen and ready for typing. */
  atPrompt: boolean;
  /** How many writes of keys the pane has had (people and the deck alike); null when unknown. */
  inputs: number | null;
}

export type BrokerEvent =
  | { type: 'delegated'; at: number; commission: Pick<Commission, 'id' | 'role' | 'paneId' | 'agentId' | 'taskFile' | 'digest' | 'from' | 'responseTimeoutMs'> }
  | { type: 'queued'; at: number; delegation: QueuedDelegation }
  /** The pane was (re)started for the commission: the task goes to this agent. */
  | { type: 'spawned'; at: number; commissionId: string; agentId: string }
  | { type: 'delivery-result'; at: number; commissionId: string; role: string; ok: boolean; ms: number; attempts: number; reason?: string }
  | { type: 'work-done'; at: number; role: string; paneId: string; agentId: string; file: string; summary: string; outcome?: Outcome; tokens?: number }
  | { type: 'activity'; at: number; role: string; agentId: string }
  /** The worker asked the orchestrator question `n` (written to `file`); its task stays open. */
  | { type: 'asked'; at: number; role: string; agentId: string; n: number; file: string }
  /** The worker replaced its task's checkpoint (`file`). */
  | { type: 'checkpointed'; at: number; role: string; agentId: string; file: string }
  /** The orchestrator's reply (in `file`) was typed into the worker. */
  | { type: 'replied'; at: number; role: string; file: string; ms: number }
  | { type: 'observed'; at: number; role: string; agentId: string; seen: Observation; jitterMs: number }
  | { type: 'exited'; at: number; role: string; agentId: string; exit: string }
  /** After a daemon restart: the role's pane runs a fresh agent; its open task is typed again. */
  | { type: 'restarted'; at: number; role: string; agentId: string }
  | { type: 'tick'; at: number }
  /** `retry`: nothing was typed (the orchestrator never became ready), so the notice goes back
   *  to the front of the queue; an orchestrator busy for hours still gets every completion. */
  | { type: 'notice-result'; at: number; ok: boolean; ms: number; reason?: string; retry?: boolean }
  | { type: 'done'; at: number; from: string }
  /** A line for the orchestrator that is not about a commission (the opening line). */
  | { type: 'notice'; at: number; notice: Notice }
  | { type: 'settings'; at: number; settings: BrokerSettings }
  /** After a restore: roles with a queue but no open commission take their next task. */
  | { type: 'drain'; at: number };

export type BrokerEffect =
  | { type: 'journal'; entry: JournalDraft }
  /** Write the role's task file (from the commission's task text), restart the pane if asked,
   *  then type `line` and report the outcome with a `delivery-result`. */
  | { type: 'deliver'; commission: Commission; line: string }
  /** Delegate a queued task now (its role is free). */
  | { type: 'dequeue'; delegation: QueuedDelegation }
  /** Type a reminder or continue line into a worker; the outcome is only journaled. */
  | { type: 'type'; commission: Commission; purpose: 'nudge' | 'resume' }
  /** Write what the worker's screen shows to the watch's evidence file, before the notice. */
  | { type: 'evidence'; commission: Commission; what: string }
  | { type: 'notify'; notice: Notice }
  /** Rewrite the task's `status` file (its directory under tasks/). */
  | { type: 'status'; commission: string; role: string; state: TaskState; outcome?: Outcome };

export interface StepResult {
  state: BrokerState;
  effects: BrokerEffect[];
}

/** Questions one task may ask; more is a loop, not a conversation. */
export const MAX_QUESTIONS = 50;

/** 30 s: an agent that shows nothing for this long after a prompt probably never got it. */
export const NO_ACTIVITY_MS = 30_000;
/** Notices beyond this are dropped (and journalled): every one is also in the journal. */
export const MAX_QUEUED_NOTICES = 100;
/** Delegations waiting per role; more is a runaway orchestrator, not a plan. */
export const MAX_QUEUE_PER_ROLE = 20;
/** A worker blocked or waiting for a person again is told again, up to this many times a task. */
export const MAX_EPISODES = 3;

export const DEFAULT_SETTINGS: BrokerSettings = { stallGraceMs: 180_000, resumeRoles: [], maxResumes: 3 };

export interface InitialState {
  commissions?: Commission[];
  queued?: QueuedDelegation[];
  settings?: BrokerSettings;
}

export function initialBrokerState(group: string, initial: InitialState = {}): BrokerState {
  const queues: Record<string, QueuedDelegation[]> = {};
  for (const delegation of initial.queued ?? []) (queues[delegation.role] ??= []).push(delegation);
  const commissions = initial.commissions ?? [];
  return {
    group,
    settings: initial.settings ?? DEFAULT_SETTINGS,
    commissions: Object.fromEntries(commissions.map((c) => [c.role, c])),
    queues,
    queue: [],
    notifying: null,
    resumes: {},
  };
}

/** A commission as delegated: nothing delivered, watched or reported yet. */
export function freshCommission(
  fields: Pick<Commission, 'id' | 'role' | 'paneId' | 'agentId' | 'taskFile' | 'digest' | 'from' | 'responseTimeoutMs'>,
  at: number,
): Commission {
  return {
    ...fields,
    delegatedAt: at,
    deliveredAt: null,
    lastActivityAt: null,
    reported: [],
    redelivery: false,
    idleSince: null,
    nudged: false,
    episode: null,
    episodeInputs: null,
    resumeAt: null,
    question: null,
    asked: 0,
    waitedMs: 0,
  };
}
