// A pane as the daemon sees it: one terminal screen that lives as long as the pane, and the
// program currently running in it (replaced on respawn). It connects the two with flow control and
// reports what changed; it does not schedule frames or talk to clients (the daemon does).
import type { PaneExit, PaneModes } from '../protocol/pane-types.js';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter, type Event } from '../common/event.js';
import { WriteFlowControl, type FlowStats, type Watermarks } from './flow-control.js';
import { prepareLaunch, type Launch } from './launch.js';
import { PaneProcess } from './pane-process.js';
import { DEFAULT_SCROLLBACK, PaneTerminal } from './pane-terminal.js';
import type { PaneScreen } from './pane-screen.js';
import { parseWorkerEnabled, sharedParseWorker } from './parse-worker-client.js';
import type { RenderedScreen } from './render-screen.js';
import type { ScrollbackBudget } from './scrollback-budget.js';

export type { RenderedScreen } from './render-screen.js';
export type { FlowStats, Watermarks } from './flow-control.js';
export { onParseWorkerFailure, type ParseWorkerFailure } from './parse-worker-client.js';

export interface PaneSpawnOptions {
  paneId: string;
  agentId: string;
  /** Run via `$SHELL -c` when it uses shell syntax, else split into words and executed directly. */
  command: string;
  cwd: string;
  /** Base environment; inherited deck ids are scrubbed, the pane's own and TERM are set. */
  env: Record<string, string | undefined>;
  socketPath: string;
  /** The daemon's secret, from which each spawn's credential is derived (pty/pane-credential.ts). */
  secret?: string;
  cols: number;
  rows: number;
  /** Lines of scrollback (default 10,000). */
  scrollback?: number;
  /** The byte budget this pane's packed scrollback shares with the daemon's other panes. */
  scrollbackBudget?: ScrollbackBudget;
  /** Flow-control watermarks in bytes (default 512 KB / 64 KB; tests lower them). */
  flowWatermarks?: Watermarks;
  /** Parse in the shared parse worker (default: only with DOT_AGENT_DECK_PARSE_WORKER=1). */
  parseWorker?: boolean;
}

export type PaneState = { kind: 'running' } | { kind: 'exited'; exit: PaneExit };

/** SIGTERM, then this long for the group to go before SIGKILL. */
export const DEFAULT_STOP_GRACE_MS = 3000;

/** One run of the program, from start until its exit is recorded. */
interface Generation {
  readonly agentId: string;
  readonly process: PaneProcess;
  readonly flow: WriteFlowControl;
  /** Its output subscription, dropped once the exit is recorded. */
  readonly listeners: DisposableStore;
  /** The exit as the process reported it; recorded only once its output is parsed. */
  reported: PaneExit | undefined;
  /** Its output is over and all of it, an unfinished character's remains included, is parsed. */
  ended: boolean;
  recorded: PaneExit | undefined;
  readonly settled: Promise<PaneExit>;
  settle(exit: PaneExit): void;
}

function assertSize(cols: number, rows: number): void {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1) {
    throw new RangeError(`A pane needs a positive whole size, got ${cols}x${rows}`);
  }
}

export class PaneSession implements Disposable {
  /** Starts `options.command`; throws UserError (before allocating anything) if it cannot start. */
  static spawn(options: PaneSpawnOptions): PaneSession {
    assertSize(options.cols, options.rows);
    const launch = prepareLaunch(options);
    return new PaneSession(options, launch);
  }

  private readonly store = new DisposableStore();
  private readonly terminal: PaneScreen;
  private readonly changeEmitter = this.store.add(new Emitter<void>());
  private readonly exitEmitter = this.store.add(new Emitter<PaneExit>());
  private readonly outputEmitter = this.store.add(new Emitter<number>());
  private current: Generation;
  private respawning: Promise<void> = Promise.resolve();
  private inputs = 0;

  readonly paneId: string;
  /** Screen content, cursor, modes or size changed. Fires per parsed chunk: coalesce downstream. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;
  readonly onTitleChange: Event<string>;
  /** The program exited; fires after its last output is on the screen. */
  readonly onExit: Event<PaneExit> = this.exitEmitter.event;
  /** Bytes of output parsed (for activity tracking). */
  readonly onOutput: Event<number> = this.outputEmitter.event;

  private constructor(
    private readonly options: PaneSpawnOptions,
    launch: Launch,
  ) {
    this.paneId = options.paneId;
    const screen = {
      cols: options.cols,
      rows: options.rows,
      scrollback: options.scrollback ?? DEFAULT_SCROLLBACK,
      ...(options.scrollbackBudget ? { scrollbackBudget: options.scrollbackBudget } : {}),
    };
    // In the worker, the PTYs are read on this thread while the screens are parsed on another
    // (issue #17 item 4); in-thread is the same screen, parsed between this thread's reads.
    const inWorker = options.parseWorker ?? parseWorkerEnabled();
    this.terminal = this.store.add(inWorker ? sharedParseWorker().terminal(screen) : new PaneTerminal(screen));
    this.onTitleChange = this.terminal.onTitleChange;
    // Answers to the program's queries (DA, DSR, OSC 10/11, XTVERSION) go back to the program.
    this.store.add(this.terminal.onReply((data) => this.writeToProgram(data)));
    this.current = this.start(launch, options.agentId);
  }

  get agentId(): string {
    return this.current.agentId;
  }

  /** The program's pid (and process group id) while it runs; undefined once it exited. */
  get pid(): number | undefined {
    return this.current.recorded === undefined ? this.current.process.pid : undefined;
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  get state(): PaneState {
    const exit = this.current.recorded;
    return exit === undefined ? { kind: 'running' } : { kind: 'exited', exit };
  }

  get title(): string {
    return this.terminal.title;
  }

  get modes(): PaneModes {
    return this.terminal.modes;
  }

  /** Flow-control counters of the current run (diagnostics, and proof that memory stays bounded). */
  get flowStats(): FlowStats {
    return this.current.flow.stats;
  }

  /** Raw bytes to the program (a person's or a client's input); dropped once it exited. Its
   *  output is parsed ahead of other panes' for a while: the echo is what a person waits for. */
  /** Writes of keys so far (a person's or the deck's; query replies do not count). */
  get inputCount(): number {
    return this.inputs;
  }

  write(data: string | Buffer): void {
    this.inputs += 1;
    this.terminal.prioritize();
    this.writeToProgram(data);
  }

  private writeToProgram(data: string | Buffer): void {
    if (this.current.recorded === undefined) this.current.process.write(data);
  }

  resize(cols: number, rows: number): void {
    assertSize(cols, rows);
    if (cols === this.terminal.cols && rows === this.terminal.rows) return;
    this.terminal.resize(cols, rows);
    this.current.process.resize(cols, rows);
    this.changeEmitter.fire();
  }

  /** Every visible row rendered; with scrollOffset, the rows that many lines back (clamped). */
  frame(options: { scrollOffset?: number } = {}): RenderedScreen {
    return this.terminal.render(options.scrollOffset);
  }

  /** Screen rows as plain right-trimmed text, preceded by up to `scrollback` history lines. */
  text(options: { scrollback?: number } = {}): string[] {
    return this.terminal.text(options.scrollback);
  }

  /**
   * SIGTERM to the program's process group, SIGKILL to what is left after `graceMs`; resolves
   * with the exit once it is recorded (at once if the program already exited).
   */
  async stop(options: { graceMs?: number } = {}): Promise<PaneExit> {
    const run = this.current;
    if (run.recorded !== undefined) return run.recorded;
    run.process.terminate(options.graceMs ?? DEFAULT_STOP_GRACE_MS);
    return run.settled;
  }

  /**
   * Stops the program if it runs, resets the screen (modes and title included, so the new
   * program is not judged by the old one's state) and starts `command` with a new agent id.
   * The command is checked first: one that cannot start leaves the running program alone.
   * Concurrent calls run one after the other.
   */
  respawn(command: string, agentId: string): Promise<void> {
    const closed = () => new Error(`Pane ${this.paneId} was closed before it could be respawned`);
    const next = this.respawning.then(async () => {
      if (this.store.isDisposed) throw closed();
      const launch = prepareLaunch({ ...this.options, command, agentId });
      await this.stop();
      if (this.store.isDisposed) throw closed();
      // Members of the old group still in their grace period are killed now, not after it: the
      // pane belongs to the new program from here on.
      this.current.process.dispose();
      // stop() settles only once the old output is parsed, so the reset lands after all of it
      // and no late answer to an old query reaches the new program.
      this.terminal.reset(() => this.changeEmitter.fire());
      this.current = this.start(launch, agentId);
      this.changeEmitter.fire();
    });
    this.respawning = next.catch(() => undefined);
    return next;
  }

  /** Kills the program's group (SIGKILL) if it still runs and frees the terminal. */
  dispose(): void {
    if (this.store.isDisposed) return;
    const run = this.current;
    try {
      run.listeners.dispose();
      run.process.dispose();
    } finally {
      this.store.dispose();
      // Nobody will parse the rest: let a pending stop() resolve as soon as the exit is known.
      this.recordIfDone(run);
    }
  }

  private start(launch: Launch, agentId: string): Generation {
    const child = PaneProcess.start(launch, { cols: this.terminal.cols, rows: this.terminal.rows });
    let settle: (exit: PaneExit) => void = () => undefined;
    const settled = new Promise<PaneExit>((resolve) => (settle = resolve));
    const run: Generation = {
      agentId,
      process: child,
      flow: new WriteFlowControl(child, this.options.flowWatermarks, () => this.terminal.othersTyping?.() ?? false),
      listeners: new DisposableStore(),
      reported: undefined,
      ended: false,
      recorded: undefined,
      settled,
      settle,
    };
    run.listeners.add(child.onData((chunk) => this.parse(run, chunk)));
    void child.exited.then((exit) => {
      run.flow.detach();
      run.reported = exit;
      // A closed pane parses nothing more: dispose() let the exit be recorded as soon as known.
      if (this.store.isDisposed) return this.recordIfDone(run);
      // Output that ended inside a character waited in the UTF-8 feed for its other bytes.
      this.terminal.end(() => {
        run.ended = true;
        this.recordIfDone(run);
      });
    });
    return run;
  }

  private parse(run: Generation, chunk: Uint8Array | string): void {
    // A string only where node-pty decoded it (pane-process.ts readBytes): its UTF-8 length.
    const bytes = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    run.flow.written(bytes);
    this.terminal.write(chunk, () => {
      run.flow.parsed(bytes);
      this.outputEmitter.fire(bytes);
      this.changeEmitter.fire();
      this.recordIfDone(run);
    });
  }

  /** Records the exit once it is reported and every byte before it is on the screen. */
  private recordIfDone(run: Generation): void {
    if (run.reported === undefined || run.recorded !== undefined) return;
    const disposed = this.store.isDisposed;
    if (!disposed && (run.flow.stats.pendingBytes > 0 || !run.ended)) return;
    run.recorded = run.reported;
    run.settle(run.reported);
    if (disposed) return;
    // The run is over. Its PaneProcess stays until respawn or dispose, so a stop()'s grace period
    // can still SIGKILL group members that outlived the leader.
    run.listeners.dispose();
    this.changeEmitter.fire();
    this.exitEmitter.fire(run.reported);
  }
}
