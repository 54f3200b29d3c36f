// Watermark flow control between a PTY and the terminal parser. Output waits in the pane's parse
// queue (parse-scheduler.ts) until its turn, so the bytes handed to the parser but not parsed yet
// are counted and the source is paused above a high watermark and resumed below a low one. This
// bounds the memory a flooding program can make the daemon hold per pane: the program blocks on
// its full PTY instead.

export interface PausableSource {
  pause(): void;
  resume(): void;
}

export interface Watermarks {
  high: number;
  low: number;
}

/**
 * 512 KB / 64 KB: far above what a busy agent keeps in flight (a 4 MB flood of random bytes from
 * `head -c` peaked at ~120 KB pending in a measurement on this machine), so pausing only kicks in
 * for floods, and far below xterm's 50 MB limit.
 */
export const DEFAULT_WATERMARKS: Watermarks = { high: 512 * 1024, low: 64 * 1024 };

export interface FlowStats {
  /** Bytes written to the parser and not parsed yet. */
  pendingBytes: number;
  /** The most that were ever pending at once. */
  peakPendingBytes: number;
  /** How many times the source was paused. */
  pauses: number;
}

/**
 * While another pane is typed into (`othersTyping`), a source pauses above the low watermark and
 * resumes below half of it: at 50 panes the first seconds of a flood, 25 programs filling 512 KB
 * each, kept both cores busy and the daemon waited to be scheduled for the typed pane's echo.
 * Paused that early, the programs block and the echo's p95 fell from ~28 to 9–13 ms
 * (bench/RESULTS.md, 2026-12-04). Nothing is lost: the programs wait on their full PTYs.
 */
export class WriteFlowControl {
  private pending = 0;
  private peak = 0;
  private pauseCount = 0;
  private paused = false;
  private detached = false;

  constructor(
    private readonly source: PausableSource,
    private readonly watermarks: Watermarks = DEFAULT_WATERMARKS,
    private readonly othersTyping: () => boolean = () => false,
  ) {}

  /** Call when `bytes` are handed to the parser. */
  written(bytes: number): void {
    this.pending += bytes;
    this.peak = Math.max(this.peak, this.pending);
    if (!this.paused && !this.detached && (this.pending > this.watermarks.high || (this.pending > this.watermarks.low && this.othersTyping()))) {
      this.paused = true;
      this.pauseCount += 1;
      this.source.pause();
    }
  }

  /** Call when the parser has finished with `bytes` handed over earlier. */
  parsed(bytes: number): void {
    this.pending -= bytes;
    if (this.paused && this.pending < (this.othersTyping() ? this.watermarks.low / 2 : this.watermarks.low)) {
      this.paused = false;
      if (!this.detached) this.source.resume();
    }
  }

  /** Stops pausing and resuming the source (it is gone); counting goes on for late parses. */
  detach(): void {
    this.detached = true;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get stats(): FlowStats {
    return { pendingBytes: this.pending, peakPendingBytes: this.peak, pauses: this.pauseCount };
  }
}
