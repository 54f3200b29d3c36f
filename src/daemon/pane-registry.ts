// Owns every pane of the daemon: creation, lookup by id or name, rename, kill, and the facts
// `ls` reports. Knows nothing about sockets; the server wires its events to clients and disk.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { PaneInfo, PaneModePart } from '../protocol/messages.js';
import { tokenMatches } from '../pty/pane-credential.js';
import type { PaneHost, PaneHostFactory } from './pane-host.js';
import type { ScrollbackBudget } from '../pty/scrollback-budget.js';
import { PaneOutput, type PaneClock } from './pane-output.js';
import { StatusTracker } from './status-tracker.js';

export interface PaneSpec {
  id?: string;
  name?: string;
  command: string;
  cwd: string;
  tab?: string | null;
  role?: string | null;
  /** The agent a role names (`agent = "codex"`), for a command the deck cannot see through. */
  agent?: string | null;
  cols?: number;
  rows?: number;
  restored?: boolean;
  /** Its place in a workspace mode's tab. */
  mode?: PaneModePart | null;
}

interface PaneRecord {
  id: string;
  name: string;
  command: string;
  cwd: string;
  tab: string | null;
  role: string | null;
  agent: string | null;
  createdAt: string;
  restored: boolean;
  host: PaneHost | null;
  failure: string | null;
  subscriptions: DisposableStore;
  /** When the pane last printed (null when the pane never started). */
  output: PaneOutput | null;
  /** The agent status engine's feed for this pane (null when the pane never started). */
  status: StatusTracker | null;
  /** Why its orchestration's journal could not be written, for the deck to warn about. */
  journalProblem: string | null;
  mode: PaneModePart | null;
  /** What the pane waits on beyond its status (a heavy-work lock), for its card. */
  statusDetail: string | null;
  /** How the role's last task ended, until its next task. */
  outcome: PaneOutcome | null;
}

export type PaneOutcome = NonNullable<PaneInfo['outcome']>;

export interface PaneChange {
  persist: boolean;
}

export interface PaneRegistryOptions {
  factory: PaneHostFactory;
  socketPath: string;
  env: Record<string, string | undefined>;
  scrollback: number;
  /** The byte budget every pane's packed scrollback shares. */
  scrollbackBudget?: ScrollbackBudget;
  /** The secret each pane's credential is derived from (drawn by the daemon at start). */
  secret?: string;
  /** The time pane facts are kept in (default: the wall clock); the orchestration service's
   *  clock must be the same one, since delivery compares its own times with them. */
  clock?: PaneClock;
}

/** Default size until a client says how big it is. */
const DEFAULT_COLS = 120;
const DEFAULT_ROWS = 40;

export class PaneRegistry implements Disposable {
  private readonly panes = new Map<string, PaneRecord>();
  private nextNumber = 1;
  private readonly changeEmitter = new Emitter<PaneChange>();
  private readonly outputEmitter = new Emitter<string>();

  /** The set of panes or a pane's facts changed. `persist` is false for facts that the session
   *  file does not hold (a title: agents animate it several times a second). */
  readonly onDidChange = this.changeEmitter.event;
  /** A pane's screen changed: the frame pump decides when to render. */
  readonly onPaneOutput = this.outputEmitter.event;

  constructor(private readonly options: PaneRegistryOptions) {}

  get size(): number {
    return this.panes.size;
  }

  get runningCount(): number {
    let count = 0;
    for (const pane of this.panes.values()) if (pane.host?.state.kind === 'running') count++;
    return count;
  }

  /** Starts a pane. A pane that cannot start throws, unless it is being restored: a restored
   *  pane whose directory is gone is kept, marked failed, so the user sees what was lost. */
  create(spec: PaneSpec): PaneInfo {
    const id = spec.id ?? this.allocateId();
    if (spec.id) this.bumpNumber(spec.id);
    if (this.panes.has(id)) throw new Error(`pane id ${id} already in use`);
    const record: PaneRecord = {
      id,
      name: spec.name ?? this.uniqueName(basename(spec.cwd) || 'pane'),
      command: spec.command,
      cwd: spec.cwd,
      tab: spec.tab ?? null,
      role: spec.role ?? null,
      agent: spec.agent ?? null,
      createdAt: new Date().toISOString(),
      restored: spec.restored ?? false,
      host: null,
      failure: null,
      subscriptions: new DisposableStore(),
      output: null,
      status: null,
      journalProblem: null,
      mode: spec.mode ?? null,
      statusDetail: null,
      outcome: null,
    };
    try {
      record.host = this.options.factory({
        paneId: id,
        agentId: newAgentId(),
        command: spec.command,
        cwd: spec.cwd,
        env: this.options.env,
        socketPath: this.options.socketPath,
        ...(this.options.secret ? { secret: this.options.secret } : {}),
        cols: spec.cols ?? DEFAULT_COLS,
        rows: spec.rows ?? DEFAULT_ROWS,
        scrollback: this.options.scrollback,
        ...(this.options.scrollbackBudget ? { scrollbackBudget: this.options.scrollbackBudget } : {}),
      });
    } catch (error) {
      if (!spec.restored) throw error;
      record.failure = errorMessage(error);
    }
    this.panes.set(id, record);
    if (record.host) this.watch(record, record.host);
    this.changeEmitter.fire({ persist: true });
    return this.info(record);
  }

  list(): PaneInfo[] {
    return [...this.panes.values()].map((record) => this.info(record));
  }

  /** Persistable description of every pane that should come back after a daemon restart: the
   *  running ones, and a mode's side panes even when their command ended (the tab's layout and
   *  its reactive pool come back whole; the command runs again). */
  specs(): Array<Required<Pick<PaneSpec, 'id' | 'name' | 'command' | 'cwd'>> & { tab: string | null; role: string | null; mode?: PaneModePart | null }> {
    return [...this.panes.values()]
      .filter((record) => record.host?.state.kind === 'running' || (record.host !== null && record.mode !== null && record.mode.part !== 'agent'))
      .map(({ id, name, command, cwd, tab, role, mode }) => ({ id, name, command, cwd, tab, role, ...(mode ? { mode } : {}) }));
  }

  /** Resolves an id (`p3`) or a unique name. */
  resolve(ref: string): string {
    if (this.panes.has(ref)) return ref;
    const byName = [...this.panes.values()].filter((record) => record.name === ref);
    if (byName.length === 1) return byName[0]!.id;
    if (byName.length > 1) {
      throw new UserError(`More than one pane is named "${ref}".`, {
        hint: `use a pane id instead: ${byName.map((record) => record.id).join(', ')}`,
      });
    }
    const known = [...this.panes.values()].map((record) => `${record.id} (${record.name})`);
    throw new UserError(`No pane "${ref}".`, {
      hint: known.length > 0 ? `panes: ${known.join(', ')}` : 'there are no panes; open one with `dot-agent-deck new`',
    });
  }

  host(ref: string): PaneHost {
    const record = this.record(ref);
    if (!record.host) {
      throw new UserError(`Pane ${record.id} (${record.name}) never started: ${record.failure ?? 'unknown reason'}.`, {
        hint: `close it with \`dot-agent-deck kill ${record.id}\``,
      });
    }
    return record.host;
  }

  /** The status tracker of a pane that started; hook events and `explain` go through it. */
  statusTracker(ref: string): StatusTracker {
    const record = this.record(ref);
    if (!record.status) throw new UserError(`Pane ${record.id} (${record.name}) never started, so it has no status.`);
    return record.status;
  }

  /** The output record of a pane that started: when it last printed, and by which run. */
  output(ref: string): PaneOutput {
    const record = this.record(ref);
    if (!record.output) throw new UserError(`Pane ${record.id} (${record.name}) never started, so it has printed nothing.`);
    return record.output;
  }

  get(ref: string): PaneInfo {
    return this.info(this.record(ref));
  }

  rename(ref: string, name: string): PaneInfo {
    const record = this.record(ref);
    record.name = name;
    this.changeEmitter.fire({ persist: true });
    return this.info(record);
  }

  /** Records the command a pane was respawned with (an orchestration role's command may have
   *  changed in the project file), so `ls` and a restore after a restart use it. */
  setCommand(ref: string, command: string): void {
    const record = this.record(ref);
    if (record.command === command) return;
    record.command = command;
    this.changeEmitter.fire({ persist: true });
  }

  /** Records what a mode's reactive slot shows now (its rule and start time) and its title. */
  setMode(ref: string, mode: PaneModePart, name: string): void {
    const record = this.record(ref);
    record.mode = mode;
    record.name = name;
    this.changeEmitter.fire({ persist: true });
  }

  /** Marks the pane's orchestration journal as unwritable (with why) or written again (null). */
  setJournalProblem(ref: string, problem: string | null): void {
    const record = this.panes.get(ref);
    if (!record || record.journalProblem === problem) return;
    record.journalProblem = problem;
    this.changeEmitter.fire({ persist: false });
  }

  /** Sets what the pane waits on for its card (`waiting for lock build …`), or clears it (null). */
  setStatusDetail(ref: string, detail: string | null): void {
    const record = this.panes.get(ref);
    if (!record || record.statusDetail === detail) return;
    record.statusDetail = detail;
    this.changeEmitter.fire({ persist: false });
  }

  /** True while the pane runs the program whose agent id is `agentId` (any, when null). */
  isRunning(ref: string, agentId: string | null): boolean {
    const host = this.panes.get(ref)?.host;
    return !!host && host.state.kind === 'running' && (agentId === null || host.agentId === agentId);
  }

  /** The outcome a worker reported for its task (null: its next task started). */
  setOutcome(ref: string, outcome: PaneOutcome | null): void {
    const record = this.panes.get(ref);
    if (!record || JSON.stringify(record.outcome) === JSON.stringify(outcome)) return;
    record.outcome = outcome;
    this.changeEmitter.fire({ persist: false });
  }

  /** Restarts the pane's program with `command` and a new agent id, and saves it: a pane
   *  re-created for a task must come back after a daemon restart like any other. */
  async respawn(ref: string, command: string): Promise<string> {
    const record = this.record(ref);
    const host = this.host(record.id);
    const agentId = newAgentId();
    await host.respawn(command, agentId);
    record.command = command;
    this.changeEmitter.fire({ persist: true });
    return agentId;
  }

  /** The pane whose current agent `token` is the credential of, or null (unknown, forged, or
   *  from an earlier run of the pane). */
  credentialOwner(paneId: string, token: string): { paneId: string; agentId: string } | null {
    const record = this.panes.get(paneId);
    const secret = this.options.secret;
    if (!record?.host || !secret) return null;
    return tokenMatches(secret, record.id, record.host.agentId, token) ? { paneId: record.id, agentId: record.host.agentId } : null;
  }

  /** Stops the pane's process group (TERM, grace, KILL) and forgets the pane. */
  async kill(ref: string): Promise<string> {
    const record = this.record(ref);
    this.panes.delete(record.id);
    record.subscriptions.dispose();
    if (record.host) {
      if (record.host.state.kind === 'running') await record.host.stop();
      record.host.dispose();
    }
    this.changeEmitter.fire({ persist: true });
    return record.id;
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.panes.keys()].map((id) => this.kill(id)));
  }

  dispose(): void {
    for (const record of this.panes.values()) {
      record.subscriptions.dispose();
      record.host?.dispose();
    }
    this.panes.clear();
    this.changeEmitter.dispose();
    this.outputEmitter.dispose();
  }

  private watch(record: PaneRecord, host: PaneHost): void {
    record.subscriptions.add(host.onDidChange(() => this.outputEmitter.fire(record.id)));
    // An exited pane is not restored, so its exit changes what the session file holds.
    record.subscriptions.add(host.onExit(() => this.changeEmitter.fire({ persist: true })));
    record.subscriptions.add(host.onTitleChange(() => this.changeEmitter.fire({ persist: false })));
    const output = record.subscriptions.add(new PaneOutput(host, this.options.clock));
    record.output = output;
    record.status = record.subscriptions.add(
      new StatusTracker(
        host,
        () => record.command,
        output,
        () => record.agent,
      ),
    );
    record.subscriptions.add(record.status.onDidChange(() => this.changeEmitter.fire({ persist: false })));
  }

  private record(ref: string): PaneRecord {
    return this.panes.get(this.resolve(ref))!;
  }

  private info(record: PaneRecord): PaneInfo {
    const host = record.host;
    const state = host?.state;
    return {
      id: record.id,
      name: record.name,
      cwd: record.cwd,
      command: record.command,
      agentId: host?.agentId ?? '',
      pid: state?.kind === 'running' ? (host?.pid ?? null) : null,
      state: !host ? 'failed' : state?.kind === 'running' ? 'running' : 'exited',
      exit: state?.kind === 'exited' ? state.exit : null,
      failure: record.failure,
      tab: record.tab,
      role: record.role,
      title: host?.title ?? '',
      restored: record.restored,
      createdAt: record.createdAt,
      lastActivityAt: lastAt(record.output),
      cols: host?.cols ?? 0,
      rows: host?.rows ?? 0,
      agentType: record.status?.agentType ?? null,
      status: record.status?.status ?? neverStarted(record),
      tokens: record.status?.tokenUsage ?? null,
      journalProblem: record.journalProblem,
      mode: record.mode,
      statusDetail: record.statusDetail,
      ...(record.status ? { activity: record.status.activity } : {}),
      outcome: record.outcome,
    };
  }

  private allocateId(): string {
    let id = `p${this.nextNumber++}`;
    while (this.panes.has(id)) id = `p${this.nextNumber++}`;
    return id;
  }

  /** Restored ids must never be handed out again to a new pane. */
  private bumpNumber(id: string): void {
    const match = /^p(\d+)$/.exec(id);
    if (match) this.nextNumber = Math.max(this.nextNumber, Number(match[1]) + 1);
  }

  private uniqueName(base: string): string {
    const names = new Set([...this.panes.values()].map((record) => record.name));
    if (!names.has(base)) return base;
    for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

function lastAt(output: PaneOutput | null): string | null {
  const at = output?.lastAt ?? null;
  return at === null ? null : new Date(at).toISOString();
}

function neverStarted(record: PaneRecord): PaneInfo['status'] {
  return { kind: 'exited', tool: null, detail: null, reason: record.failure, since: record.createdAt, layer: 'process', rule: 'never-started' };
}

/** A new id for every (re)spawn of a pane's process: writes and events bind to it. */
export function newAgentId(): string {
  return `a-${randomBytes(4).toString('hex')}`;
}
