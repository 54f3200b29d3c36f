// One run of a pane's program in a PTY: start it, move bytes, stop it by process group. node-pty's
// forkpty makes the child a session leader with the PTY as its controlling terminal, so Ctrl+C
// reaches the foreground job and the child's pid is also its process group id. It knows nothing
// about the screen; PaneSession feeds its output to the pane's terminal.
import { readSync } from 'node:fs';
import { ptyModule, type IPty } from './pty-binding.js';
import type { PaneExit } from '../protocol/pane-types.js';
import { DisposableStore, toDisposable, type Disposable } from '../common/disposable.js';
import { UserError, errorMessage } from '../common/errors.js';
import { Emitter, type Event } from '../common/event.js';
import type { Launch } from './launch.js';
import { processGroupExists, signalName, signalProcess, signalProcessGroup } from './process-group.js';

/** The longest the read stream stays open after the leader exited while flow control pauses it. */
const TAIL_LIMIT_MS = 10_000;
/** Bounds one synchronous drain of the PTY (the kernel holds far less: ~64 KiB). */
const DRAIN_READS = 64;
const DRAIN_CHUNK = 64 * 1024;

/** node-pty's UnixTerminal internals the tail guard needs (not in its typings). */
interface PtyInternals {
  _fd?: number;
  _socket?: {
    _readableState?: { decoder: unknown; encoding: unknown };
    destroyed: boolean;
    readableEnded: boolean;
    destroy(error?: Error): unknown;
    prependListener(event: 'end', listener: () => void): unknown;
  };
}

export class PaneProcess implements Disposable {
  private readonly store = new DisposableStore();
  private readonly dataEmitter = this.store.add(new Emitter<Uint8Array | string>());
  private exitInfo: PaneExit | undefined;
  private terminating = false;
  private escalated = false;
  private paused = false;
  private onResume: (() => void) | null = null;

  readonly pid: number;
  /**
   * Output as the PTY gave it: Buffers, decoded later (pty/utf8-feed.ts) by whoever parses them;
   * strings (node-pty's UTF-8 decoding) only where its stream could not be switched to bytes.
   */
  readonly onData: Event<Uint8Array | string> = this.dataEmitter.event;
  /** Settles once the leader has been reaped, even if this object was disposed meanwhile. */
  readonly exited: Promise<PaneExit>;

  /** Starts `launch` in a new PTY; throws UserError when the fork itself fails. */
  static start(launch: Launch, size: { cols: number; rows: number }): PaneProcess {
    try {
      return new PaneProcess(
        ptyModule().spawn(launch.file, launch.args, {
          name: launch.env.TERM,
          cols: size.cols,
          rows: size.rows,
          cwd: launch.cwd,
          env: launch.env,
          // With 'utf8' node-pty also sets IUTF8 on the PTY, so the line discipline erases whole
          // characters in canonical mode; its stream is then switched to Buffers (readBytes).
          encoding: 'utf8',
        }),
      );
    } catch (error) {
      throw new UserError(`Cannot start "${launch.file}": ${errorMessage(error)}`, { cause: error });
    }
  }

  private constructor(private readonly pty: IPty) {
    this.pid = pty.pid;
    this.readBytes();
    this.store.add(pty.onData((data: Uint8Array | string) => this.dataEmitter.fire(data)));
    this.keepTheTail();
    this.exited = new Promise((resolve) => {
      // Not owned by `store` on purpose: dispose() kills a running child, and whoever awaits a
      // stop must still learn how it ended. The subscription ends itself when the exit arrives.
      const subscription = pty.onExit(({ exitCode, signal }) => {
        subscription.dispose();
        this.exitInfo = signal ? { exitCode: null, signal: signalName(signal) } : { exitCode, signal: null };
        resolve(this.exitInfo);
      });
    });
  }

  /** How the leader ended, once node-pty has reported it. */
  get exit(): PaneExit | undefined {
    return this.exitInfo;
  }

  write(data: string | Buffer): void {
    // Writing to a closed PTY makes node-pty print "Unhandled pty write error" to stderr.
    if (this.exitInfo === undefined) this.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    if (this.exitInfo !== undefined) return;
    try {
      this.pty.resize(cols, rows);
    } catch {
      // The PTY closes when every holder of its slave end closed it, which can happen before the
      // exit is reported (a program that closed its terminal). There is nothing left to resize.
    }
  }

  pause(): void {
    this.paused = true;
    this.pty.pause();
  }

  resume(): void {
    this.paused = false;
    this.pty.resume();
    this.onResume?.();
  }

  /**
   * node-pty is spawned with 'utf8' for the IUTF8 flag (see start), and its stream then decodes
   * every read into a string on this thread (~200 ms CPU per 20 MB with the reads). The parser
   * takes bytes faster than strings (pty/utf8-feed.ts), so the stream's decoder is dropped and the
   * reads arrive as Buffers. Node's Readable consults `_readableState.decoder` per chunk.
   */
  private readBytes(): void {
    const state = (this.pty as unknown as PtyInternals)._socket?._readableState;
    if (state === undefined || state.decoder === undefined) return;
    state.decoder = null;
    state.encoding = null;
  }

  /**
   * The last output of a program that exits is not lost. On Linux, libuv reports the end of a
   * PTY's stream while the kernel still holds output (a read races the slave's close: measured,
   * `seq 1 3000` in a fresh pane arrived as 4,095 of 16,893 bytes, the rest still readable from
   * the fd), and node-pty destroys the stream 200 ms after the exit however much is unread (a
   * pane paused by flow control or a busy daemon lost its whole tail). So: at the stream's end,
   * the fd is read dry before the stream closes; node-pty's destroy after the exit reads it dry
   * first too, and while flow control holds the pane it waits for the resume (at most
   * TAIL_LIMIT_MS), so the bytes arrive in order and within the pane's budget.
   */
  private keepTheTail(): void {
    const internals = this.pty as unknown as PtyInternals;
    const stream = internals._socket;
    const fd = internals._fd;
    if (!stream || typeof fd !== 'number' || typeof stream.destroy !== 'function') return;
    const chunk = Buffer.allocUnsafe(DRAIN_CHUNK);
    const drain = () => {
      for (let reads = 0; reads < DRAIN_READS; reads++) {
        let size: number;
        try {
          size = readSync(fd, chunk, 0, chunk.length, null);
        } catch {
          break; // EIO once read dry and the slave is closed; EAGAIN while a grandchild holds it
        }
        if (size <= 0) break;
        // A copy: the chunk is reused by the next read, and the bytes are parsed later.
        this.dataEmitter.fire(new Uint8Array(chunk.subarray(0, size)));
      }
    };
    stream.prependListener('end', drain);
    const destroy = stream.destroy.bind(stream);
    let holding = false;
    stream.destroy = (error?: Error) => {
      if (error || stream.destroyed || stream.readableEnded) return destroy(error);
      if (holding) return stream;
      holding = true;
      const finish = () => {
        this.onResume = null;
        clearTimeout(limit);
        // After the resumed stream delivered what it had buffered (it flows on the next tick).
        setImmediate(() => {
          if (stream.destroyed) return;
          drain();
          destroy();
        });
      };
      const limit = setTimeout(finish, this.paused ? TAIL_LIMIT_MS : 0);
      if (this.paused) this.onResume = finish;
      return stream;
    };
  }

  /**
   * SIGHUP and SIGTERM to the whole process group now, SIGKILL to whatever is left of it after
   * `graceMs` (the leader if it ignored both, or children it left behind). HUP is what a closing
   * terminal sends: interactive shells ignore TERM but exit on HUP (and pass it to their jobs), so
   * without it every pane running a shell waited out the whole grace period (measured: `daemon
   * stop --force` with one bash pane took 4.9 s). Returns at once; await `exited`.
   */
  terminate(graceMs: number): void {
    if (this.exitInfo !== undefined || this.terminating) return;
    this.terminating = true;
    this.signalRunning('SIGHUP');
    this.signalRunning('SIGTERM');
    const timer = setTimeout(() => {
      this.escalated = true;
      // The group outlives its leader while any member lives, and its id cannot be reused until
      // then, so a group that still exists here is still ours.
      if (processGroupExists(this.pid)) signalProcessGroup(this.pid, 'SIGKILL');
    }, graceMs);
    this.store.add(toDisposable(() => clearTimeout(timer)));
  }

  /**
   * Signals the group of a leader that has not exited. Right after the fork the child has not
   * called setsid yet (forkpty does that in the child), so its group does not exist and kill(-pid)
   * fails with ESRCH (seen in tests that stop a pane at once); the child itself is then the only
   * process to signal.
   */
  private signalRunning(signal: NodeJS.Signals): void {
    if (!signalProcessGroup(this.pid, signal)) signalProcess(this.pid, signal);
  }

  /**
   * Kills the group if the leader is still running or a terminate() is still in its grace period,
   * then drops the output subscription. After a natural exit the group is left alone: its id may
   * belong to someone else by now.
   */
  dispose(): void {
    if (this.store.isDisposed) return;
    const inGrace = this.terminating && !this.escalated;
    if (this.exitInfo === undefined) this.signalRunning('SIGKILL');
    else if (inGrace && processGroupExists(this.pid)) signalProcessGroup(this.pid, 'SIGKILL');
    this.store.dispose();
  }
}
