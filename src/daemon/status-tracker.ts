// Feeds one pane's status engine: title changes, screen changes (read at most SCREEN_READS_PER_S
// times a second, never per chunk), output activity, exit and hook events. Re-evaluates when the
// engine asks (idle confirmation, hook staleness) and reports status changes. Bound to the pane's
// agent id: a respawn starts over, and a hook from an earlier agent is ignored.
import { adapterFor } from '../agents/adapters.js';
import { detectAgentFromSignals, detectAgentType } from '../agents/detect-agent.js';
import { applyHookEvent, type HookState } from '../agents/hook-state.js';
import { reportState } from '../agents/agent-report-state.js';
import type { AgentReport } from '../protocol/agent-report.js';
import { decideStatus, type LimitMemory } from '../agents/status-engine.js';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter, type Event } from '../common/event.js';
import type { HookEvent, PaneStatus, StatusEventRecord, TokenUsage } from '../protocol/pane-status.js';
import type { PaneHost } from './pane-host.js';
import type { PaneOutput } from './pane-output.js';
import { TranscriptTokens } from './status-tokens.js';
import { ReportRate } from './report-rate.js';
import { PaneWork } from './pane-work.js';
import type { PaneActivity } from '../protocol/pane-activity.js';

/** 250 ms: at most 4 screen reads per second per pane (rendering text costs a full screen walk);
 *  wall time, since it bounds CPU, not a fact about the pane. */
const SCREEN_READ_INTERVAL_MS = 250;
/** Hook events that echo a submitted prompt (Claude Code / Codex, Gemini CLI). */
const PROMPT_HOOKS = new Set(['UserPromptSubmit', 'BeforeAgent', 'agent_start']);
/** Recent events kept per pane for `explain`. */
export const MAX_STATUS_EVENTS = 50;

export class StatusTracker implements Disposable {
  private readonly store = new DisposableStore();
  private readonly changeEmitter = this.store.add(new Emitter<PaneStatus>());
  private readonly events: StatusEventRecord[] = [];
  private agentId: string;
  private agent: string | null;
  private startedAt: number;
  private hook: HookState | null = null;
  private lastHookEvent: string | null = null;
  private promptAt: number | null = null;
  private readySeen = false;
  /** The `at` of the needs-input hook whose prompt has been seen drawn on screen. */
  private promptSeenFor: number | null = null;
  private screen: string[] = [];
  private screenDirty = true;
  private lastScreenRead = 0;
  private screenTimer: ReturnType<typeof setTimeout> | undefined;
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  private current: PaneStatus;
  /** The limit screen on show and the reset time first read from it. */
  private limit: LimitMemory | null = null;
  private tokens: TranscriptTokens | null = null;
  private reportRate: ReportRate | null = null;
  private work = new PaneWork();

  /** Fires when kind, tool, detail, reason, layer, rule or reset time changes, the token count
   *  grows, or the activity (task, tools) changes. */
  readonly onDidChange: Event<PaneStatus> = this.changeEmitter.event;

  /** `output` is the pane's output record (the registry's): the tracker reads the quiet time
   *  from it and keeps its own times in the same clock. `declared` is the agent a role names. */
  constructor(
    private readonly host: PaneHost,
    private readonly command: () => string,
    private readonly output: PaneOutput,
    private readonly declared: () => string | null = () => null,
  ) {
    this.agentId = host.agentId;
    this.agent = this.agentFromConfig();
    this.startedAt = this.now();
    this.current = decideStatus(this.engineInput(), null).status;
    this.record('start', `agent ${this.agentId}, type ${this.agent ?? 'unknown'}`);
    this.store.add(host.onOutput(() => this.syncAgent()));
    this.store.add(
      host.onDidChange(() => {
        this.screenDirty = true;
        this.scheduleScreenRead();
      }),
    );
    this.store.add(
      host.onTitleChange((title) => {
        this.syncAgent();
        this.record('title', title);
        this.detectFromSignals();
        this.evaluate();
      }),
    );
    this.store.add(
      host.onExit((exit) => {
        this.record('exit', exit.signal ?? `exit code ${exit.exitCode ?? '?'}`);
        this.evaluate();
      }),
    );
    this.store.add({ dispose: () => this.clearTimers() });
    this.evaluate();
  }

  get status(): PaneStatus {
    return this.current;
  }

  get agentType(): string | null {
    return this.agent;
  }

  get tokenUsage(): TokenUsage | null {
    return this.tokens?.usage ?? null;
  }

  get activity(): PaneActivity {
    return this.work.view;
  }

  /** A commission's task, typed into `agentId` (the run the deck just started or found there). */
  noteCommission(agentId: string, text: string): void {
    this.syncAgent();
    if (agentId !== this.agentId) return;
    const activityBefore = this.work.key;
    this.work.commission(text, this.now());
    this.fireIfActivityChanged(activityBefore);
  }

  /** A line the deck is about to type: its echo is not a new task. */
  noteDeckLine(line: string): void {
    this.syncAgent();
    this.work.deckLine(line);
  }

  /** A known agent that has not shown its input box since it was launched: still starting up
   *  (delivery's deadline waits for it, bounded). */
  get startingUp(): boolean {
    this.syncAgent();
    this.readScreen();
    return adapterFor(this.agent).type !== 'generic' && !this.readySeen;
  }

  get lastHook(): string | null {
    return this.lastHookEvent;
  }

  /** When the agent's hooks last reported a submitted prompt (proof that a typed line arrived). */
  get promptSubmittedAt(): number | null {
    return this.promptAt;
  }

  /** The line of a limit screen whose stated reset time has passed: still on screen, but
   *  history, so readiness may type the agent's continue input over it. */
  get passedLimitLine(): string | null {
    return this.limit !== null && this.now() >= this.limit.until ? this.limit.line : null;
  }

  recentEvents(): StatusEventRecord[] {
    return [...this.events];
  }

  /** A hook event from `dot-agent-deck hook`; false when it belongs to an earlier agent. */
  applyHook(agentId: string, event: HookEvent): boolean {
    this.syncAgent();
    if (agentId !== this.agentId) {
      this.record('hook', `ignored ${event.event} from earlier agent ${agentId}`);
      return false;
    }
    // The first hook names the agent, even when the command did not (a wrapper script); only a
    // role's explicit `agent` outranks it.
    if (this.declared() === null && this.agent !== event.agent && adapterFor(event.agent).type === event.agent) this.setAgent(event.agent, 'its hook events');
    const activityBefore = this.work.key;
    const previous = this.hook;
    this.hook = applyHookEvent(adapterFor(this.agent), this.hook, event, this.now());
    if (this.hook !== previous && this.hook?.status === 'working' && this.hook.tool !== null) this.work.tool(this.hook.tool);
    this.lastHookEvent = event.event;
    if (PROMPT_HOOKS.has(event.event)) {
      this.promptAt = this.now();
      if (event.message !== null) this.work.prompt(event.message, this.now());
    }

    const extra = [event.subtype, event.tool, event.detail].filter((part) => part !== null).join(' ');
    this.record('hook', extra === '' ? event.event : `${event.event} ${extra}`);
    if (event.transcriptPath !== null && this.agent === 'claude-code') {
      if (this.tokens?.path !== event.transcriptPath) this.tokens = new TranscriptTokens(event.transcriptPath);
      const tokens = this.tokens;
      const before = tokens.usage;
      void tokens.refresh().then(() => {
        if (tokens === this.tokens && tokens.usage !== before) this.changeEmitter.fire(this.current);
      });
    }
    const fired = this.evaluate();
    if (!fired) this.fireIfActivityChanged(activityBefore);
    return true;
  }

  /** The program's own report (`agent-event`): 'stale' when it comes from an earlier agent of the
   *  pane, 'too-fast' when the pane reports faster than REPORTS_PER_SECOND. */
  applyReport(agentId: string, report: AgentReport): 'applied' | 'stale' | 'too-fast' {
    this.syncAgent();
    if (agentId !== this.agentId) {
      this.record('hook', `ignored agent-event ${report.status} from earlier agent ${agentId}`);
      return 'stale';
    }
    this.reportRate ??= new ReportRate(this.now());
    if (!this.reportRate.take(this.now())) return 'too-fast';
    const activityBefore = this.work.key;
    this.hook = reportState(report, this.now());
    if (report.status === 'working' && report.tool !== null) this.work.tool(report.tool);
    this.lastHookEvent = 'agent-event';
    const extra = [report.tool, report.detail].filter((part) => part !== null).join(' ');
    this.record('hook', `agent-event ${report.status}${extra === '' ? '' : ` ${extra}`}`);
    const fired = this.evaluate();
    if (!fired) this.fireIfActivityChanged(activityBefore);
    return 'applied';
  }

  dispose(): void {
    this.store.dispose();
  }

  private syncAgent(): void {
    if (this.host.agentId === this.agentId) return;
    // A respawn: a new program, so nothing the old one said still holds.
    this.agentId = this.host.agentId;
    this.agent = this.agentFromConfig();
    this.startedAt = this.now();
    this.hook = null;
    this.lastHookEvent = null;
    this.promptAt = null;
    this.readySeen = false;
    this.limit = null;
    this.tokens = null;
    this.reportRate = null;
    this.work = new PaneWork();
    this.record('start', `agent ${this.agentId}, type ${this.agent ?? 'unknown'}`);
  }

  /** A role's explicit agent, else what the command line says. */
  private agentFromConfig(): string | null {
    const declared = this.declared();
    return declared !== null && adapterFor(declared).type === declared ? declared : detectAgentType(this.command());
  }

  /** A command that named no agent: the screen (banner, input box) or the title may. */
  private detectFromSignals(): void {
    if (this.agent !== null) return;
    const found = detectAgentFromSignals(this.screen, this.host.title);
    if (found !== null) this.setAgent(found, 'its screen or window title');
  }

  private setAgent(agent: string, source: string): void {
    this.agent = agent;
    this.readySeen = false;
    this.record('start', `agent ${this.agentId} is ${agent} (from ${source})`);
  }

  /** The card shows the activity: a change is news even when the status word stays. */
  private fireIfActivityChanged(before: string): void {
    if (this.work.key !== before) this.changeEmitter.fire(this.current);
  }

  private scheduleScreenRead(): void {
    if (this.screenTimer !== undefined) return;
    const wait = Math.max(0, this.lastScreenRead + SCREEN_READ_INTERVAL_MS - this.now());
    this.screenTimer = setTimeout(() => {
      this.screenTimer = undefined;
      this.evaluate();
    }, wait);
  }

  private readScreen(): void {
    if (!this.screenDirty) return;
    this.screenDirty = false;
    this.lastScreenRead = this.now();
    this.screen = this.host.text();
    this.detectFromSignals();
    const adapter = adapterFor(this.agent);
    if (!this.readySeen && adapter.type !== 'generic') {
      this.readySeen = this.screen.some((line) => adapter.readyMarkers.some((re) => re.test(line)));
    }
  }

  private engineInput() {
    const state = this.host.state;
    return {
      adapter: adapterFor(this.agent),
      now: this.now(),
      startedAt: this.startedAt,
      exit: state.kind === 'exited' ? state.exit : null,
      hook: this.hook,
      title: this.host.title,
      screen: this.screen,
      lastOutputAt: this.output.lastOf(this.agentId),
      readySeen: this.readySeen,
      promptSeen: this.hook !== null && this.promptSeenFor === this.hook.at,
      limit: this.limit,
    };
  }

  /** True when it fired a change. */
  private evaluate(): boolean {
    this.syncAgent();
    if (this.now() - this.lastScreenRead >= SCREEN_READ_INTERVAL_MS) this.readScreen();
    else if (this.screenDirty) this.scheduleScreenRead();
    const { status, recheckInMs, waitingOnScreen, limit } = decideStatus(this.engineInput(), this.current);
    this.limit = limit;
    if (waitingOnScreen && this.hook?.status === 'needs-input') this.promptSeenFor = this.hook.at;
    if (this.recheckTimer !== undefined) clearTimeout(this.recheckTimer);
    this.recheckTimer = recheckInMs === null ? undefined : setTimeout(() => this.evaluate(), recheckInMs);
    const before = this.current;
    this.current = status;
    const changed = (['kind', 'tool', 'detail', 'reason', 'layer', 'rule', 'until'] as const).some((key) => before[key] !== status[key]);
    if (changed) {
      this.record('status', `${status.kind} (${status.layer}: ${status.rule})${status.reason === null ? '' : ` — ${status.reason}`}`);
      this.changeEmitter.fire(status);
    }
    return changed;
  }

  private now(): number {
    return this.output.clock.now();
  }

  private record(kind: StatusEventRecord['kind'], text: string): void {
    this.events.push({ at: new Date(this.now()).toISOString(), kind, text: text.slice(0, 300) });
    if (this.events.length > MAX_STATUS_EVENTS) this.events.splice(0, this.events.length - MAX_STATUS_EVENTS);
  }

  private clearTimers(): void {
    if (this.screenTimer !== undefined) clearTimeout(this.screenTimer);
    if (this.recheckTimer !== undefined) clearTimeout(this.recheckTimer);
    this.screenTimer = undefined;
    this.recheckTimer = undefined;
  }
}
