// The daemon's side of the parse worker (pty/parse-worker.ts): one worker thread for every pane
// of the process, started with the first pane (and again, a few times, if it dies: its panes'
// screens move to the new one, pty/worker-terminal.ts). Output is posted to the worker as bytes, what one turn of the event loop read in one
// message (each pane's reads joined, the buffer transferred, not copied); reads of the screen (frames, text, modes)
// are synchronous calls: the caller blocks on a shared word until the worker has answered
// (Atomics.wait, then receiveMessageOnPort), so every caller keeps reading the screen as before.
// A call waits at most for the worker's parse turn in progress (2 ms budget).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Disposable } from '../common/disposable.js';
import { Emitter, type Event } from '../common/event.js';
import type { Call, CallResult, FromWorker, TerminalSetup, ToWorker } from './parse-messages.js';
import type { PaneTerminalOptions } from './pane-terminal.js';
import { WorkerTerminal } from './worker-terminal.js';
import type { ScrollbackBudget } from './scrollback-budget.js';
import { workerFlags } from './worker-flags.js';

/** A worker terminal's screen: PaneTerminal's options but its scheduler (the worker has its own). */
export type WorkerTerminalOptions = Omit<PaneTerminalOptions, 'scheduler'>;

/** Each of the worker's two semi-spaces (its young generation), in MiB. */
const WORKER_SEMI_SPACE_MIB = 1;

/** How long a call may wait for the worker before the daemon gives up on it. */
const CALL_TIMEOUT_MS = 10_000;

/** The worker's script: next to this module (tsc output, the daemon bundle), else the build's (tests run the sources). */
function workerScript(): string {
  const candidates = ['./parse-worker.js', '../../dist/pty/parse-worker.js'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error(`The parse worker's script is missing (looked for ${candidates.join(', ')}); run \`npm run build\`.`);
  return found;
}

export class ParseWorker implements Disposable {
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly terminals = new Map<number, WorkerTerminal>();
  private readonly budgetIds = new WeakMap<ScrollbackBudget, number>();
  private readonly budgets = new Map<number, WeakRef<ScrollbackBudget>>();
  private nextId = 1;
  private stopped: string | undefined;
  private unparsed = 0;
  /** Output read since the last post, per terminal, in arrival order. */
  private batch = new Map<number, { chunks: Uint8Array[]; bytes: number }>();
  private flushQueued = false;
  /** The worker's reports taken off the port by a call, handled in order once it has its answer. */
  private readonly backlog: FromWorker[] = [];
  private handling = false;
  private readonly failedEmitter = new Emitter<{ reason: string; terminals: WorkerTerminal[] }>();
  /** The worker died (not stopped by dispose); its terminals have let their waiting writes go. */
  readonly onFailed: Event<{ reason: string; terminals: WorkerTerminal[] }> = this.failedEmitter.event;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.replies = port1;
    // The worker's young generation small: its nursery stays resident, at its largest once a
    // flood has gone through. `resourceLimits.maxYoungGenerationSizeMb` does nothing once the
    // process has a --max-semi-space-size (the daemon's 4): V8's flag wins, and the worker got
    // 2 × 4 MiB. V8 reads the flag when an isolate's heap is set up, so setting it here sizes the
    // worker's heap alone (the daemon's own was sized at start): 2 × 1 MiB, measured 7 MiB less
    // resident with one pane and the same parse time (bench/RESULTS.md, 2026-12-04).
    setFlagsFromString(`--max-semi-space-size=${WORKER_SEMI_SPACE_MIB}`);
    this.worker = new Worker(workerScript(), {
      workerData: { signal: this.signal, replies: port2 },
      transferList: [port2],
      // Not the daemon's own flags: a worker refuses some (it failed to start under
      // `node --input-type=module`) and every V8 flag.
      execArgv: workerFlags(process.execArgv),
      stdout: false,
      stderr: false,
    });
    this.replies.on('message', (message: FromWorker) => {
      this.backlog.push(message);
      this.handleBacklog();
    });
    this.worker.on('error', (error) => this.fail(`the parse worker failed: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(`the parse worker exited (code ${code})`));
    // Neither keeps the process alive: the daemon decides when it ends. After the listeners: adding
    // a 'message' listener refs a port again.
    this.worker.unref();
    this.replies.unref();
  }

  /** Why the worker is gone, once it is. */
  get failure(): string | undefined {
    return this.stopped;
  }

  /** The worker's young generation as committed, in bytes. */
  newSpaceBytes(): number {
    return this.call({ op: 'newSpaceBytes' }) as number;
  }

  /** A screen for one pane, parsed in the worker. */
  terminal(options: WorkerTerminalOptions): WorkerTerminal {
    return new WorkerTerminal(this, options);
  }

  /** Makes `terminal`'s screen here (blank); returns its id in this worker. */
  adopt(terminal: WorkerTerminal, options: WorkerTerminalOptions): number {
    const id = this.nextId++;
    const setup: TerminalSetup = {
      cols: options.cols,
      rows: options.rows,
      scrollback: options.scrollback,
      ...(options.scrollbackBytes !== undefined ? { scrollbackBytes: options.scrollbackBytes } : {}),
      ...(options.keptInXterm !== undefined ? { keptInXterm: options.keptInXterm } : {}),
      ...(options.scrollbackBudget ? { budget: { id: this.budgetId(options.scrollbackBudget), maxBytes: options.scrollbackBudget.maxBytes } } : {}),
    };
    this.terminals.set(id, terminal);
    this.send({ t: 'create', id, setup });
    return id;
  }

  /** Posts `message` after the output read before it (the worker keeps the order). */
  send(message: ToWorker): void {
    this.flush();
    if (this.stopped === undefined) this.worker.postMessage(message);
  }

  /**
   * Output of terminal `id`, posted with whatever else this turn of the event loop reads: libuv
   * delivers a PTY's reads a few KB at a time, and a message per read cost the worker more than
   * their parse saved (bench/RESULTS.md, 2026-12-04). setImmediate runs right after the loop's
   * poll phase, so nothing waits for a later turn.
   */
  write(id: number, data: Uint8Array): void {
    if (this.stopped !== undefined) return;
    let entry = this.batch.get(id);
    if (entry === undefined) this.batch.set(id, (entry = { chunks: [], bytes: 0 }));
    entry.chunks.push(data);
    entry.bytes += data.length;
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.batch.size === 0) return;
    const writes: [number, Uint8Array, number][] = [];
    const transfer: ArrayBuffer[] = [];
    for (const [id, { chunks, bytes }] of this.batch) {
      // A fresh buffer per pane, so it can be transferred: node's read buffers are not ours to give away.
      const data = new Uint8Array(bytes);
      let at = 0;
      for (const chunk of chunks) {
        data.set(chunk, at);
        at += chunk.length;
      }
      writes.push([id, data, chunks.length]);
      transfer.push(data.buffer);
    }
    this.batch = new Map();
    if (this.stopped === undefined) this.worker.postMessage({ t: 'writes', writes } satisfies ToWorker, transfer);
  }

  /**
   * Counts writes sent and not reported parsed. While there are any, the worker keeps the process
   * alive: a pane's exit waits for its last parse, and a process whose only other handle was that
   * pane's PTY would otherwise end first (measured: the in-process throughput bench exited 13).
   */
  hold(delta: number): void {
    const before = this.unparsed;
    this.unparsed = Math.max(0, before + delta);
    if (before === 0 && this.unparsed > 0) this.worker.ref();
    else if (before > 0 && this.unparsed === 0) this.worker.unref();
  }

  /** Asks the worker and waits for its answer (see the module comment). */
  call(call: Call): unknown {
    if (this.stopped !== undefined) throw new Error(`The pane's screen is gone: ${this.stopped}`);
    this.flush();
    Atomics.store(this.signal, 0, 0);
    this.worker.postMessage({ t: 'call', call } satisfies ToWorker);
    if (Atomics.wait(this.signal, 0, 0, CALL_TIMEOUT_MS) === 'timed-out') {
      throw new Error(`The parse worker did not answer a ${call.op} call within ${CALL_TIMEOUT_MS} ms`);
    }
    // The reports the worker sent before its answer (what it parsed, titles, query answers) are
    // taken too, so the caller sees the screen and the pane's state at the same point.
    let result: CallResult | undefined;
    for (let next = receiveMessageOnPort(this.replies); next !== undefined; next = receiveMessageOnPort(this.replies)) {
      const message = next.message as FromWorker;
      if (message.t === 'result') {
        result = message;
        break;
      }
      this.backlog.push(message);
    }
    this.handleBacklog();
    if (result === undefined) throw new Error(`The parse worker answered a ${call.op} call with nothing`);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }

  /** Handles the worker's reports in order; a call made by a handler leaves its own to this loop. */
  private handleBacklog(): void {
    if (this.handling) return;
    this.handling = true;
    try {
      for (let message = this.backlog.shift(); message !== undefined; message = this.backlog.shift()) this.receive(message);
    } finally {
      this.handling = false;
    }
  }

  /** Frees a terminal in the worker; its budget learns what it holds now. */
  forget(id: number, budget: ScrollbackBudget | undefined): void {
    this.terminals.delete(id);
    // A failed worker holds nothing any more.
    const bytes = this.stopped === undefined ? (this.call({ op: 'dispose', id }) as number) : 0;
    budget?.mirror(bytes);
  }

  dispose(): void {
    this.stopped ??= 'the parse worker was stopped';
    void this.worker.terminate();
  }

  /**
   * The worker is gone (a bug in the parser, or it ran out of memory): every screen with it.
   * The daemon lives on; each pane's writes are given up as parsed, so flow control lets its
   * program run and its exit is recorded (a stop or respawn would otherwise wait forever), and
   * every read of its screen throws an error naming the cause.
   */
  private fail(reason: string): void {
    if (this.stopped !== undefined) return;
    this.stopped = reason;
    this.batch = new Map();
    const terminals = [...this.terminals.values()];
    for (const terminal of terminals) terminal.abandon();
    this.failedEmitter.fire({ reason, terminals });
  }

  private budgetId(budget: ScrollbackBudget): number {
    let id = this.budgetIds.get(budget);
    if (id === undefined) {
      id = this.nextId++;
      this.budgetIds.set(budget, id);
      this.budgets.set(id, new WeakRef(budget));
    }
    return id;
  }

  private receive(message: FromWorker): void {
    switch (message.t) {
      case 'parsed':
        for (const [id, bytes] of message.budgets) {
          const budget = this.budgets.get(id)?.deref();
          if (budget === undefined) this.budgets.delete(id);
          else budget.mirror(bytes);
        }
        for (const [id, writes] of message.counts) this.terminals.get(id)?.parsed(writes);
        return;
      case 'reply':
        this.terminals.get(message.id)?.reply(message.data);
        return;
      case 'title':
        this.terminals.get(message.id)?.titled(message.title);
        return;
      case 'result':
        return; // the answer to a call that timed out
    }
  }
}

/** Restarts of a failed worker allowed within RESTART_WINDOW_MS; past them it stays failed. */
const RESTARTS = 3;
const RESTART_WINDOW_MS = 10 * 60_000;

/** A failed parse worker, for the daemon's log. */
export interface ParseWorkerFailure {
  reason: string;
  /** Screens moved to a new worker (blank from now on); false: they stay gone. */
  restarted: boolean;
  panes: number;
}

let shared: ParseWorker | undefined;
const restarts: number[] = [];
const failureEmitter = new Emitter<ParseWorkerFailure>();
export const onParseWorkerFailure: Event<ParseWorkerFailure> = failureEmitter.event;

/** The worker every pane of this process shares, started on first use and again after a failure. */
export function sharedParseWorker(): ParseWorker {
  return shared ?? startShared();
}

function startShared(): ParseWorker {
  const worker = new ParseWorker();
  shared = worker;
  worker.onFailed(({ reason, terminals }) => {
    const now = performance.now();
    while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
    // A worker that keeps dying (a byte sequence that crashes the parser, no memory) is given up:
    // its panes' programs run on, their screens read as gone (ParseWorker.fail).
    const restarted = restarts.length < RESTARTS;
    if (restarted) {
      restarts.push(now);
      const next = startShared();
      for (const terminal of terminals) terminal.moveTo(next);
    }
    failureEmitter.fire({ reason, restarted, panes: terminals.length });
  });
  return worker;
}

/**
 * Whether panes are parsed in the worker: only with DOT_AGENT_DECK_PARSE_WORKER=1 for now. With
 * bytes batched per turn its thread does ~0.8 s of a 20 MB log's ~1.0 s of CPU, so it could
 * overlap on a free core, but on this shared 2-core machine (load 7–19 the whole session) it
 * measured 0.75–0.96× tmux against 0.89–1.04× in-thread, and it costs ~30 MiB of daemon RSS
 * (5 full panes: 116 vs 86 MiB, 2.4× tmux against the 2× budget; bench/RESULTS.md, 2026-12-04).
 */
export function parseWorkerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.DOT_AGENT_DECK_PARSE_WORKER === '1';
}
