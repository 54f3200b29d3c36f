// One parse loop for every pane of the process. The daemon's event loop also serves the control
// socket, so parsing must leave it turns: output waits in per-pane queues and is parsed in slices,
// panes taken round-robin, until the turn's time budget is spent; then the loop yields
// (setImmediate, so socket reads and timers run before the next slice). Left to itself, each
// pane's xterm parses up to 12 ms per timer callback, one callback per pane, so with 20 flooding
// panes one loop turn held ~240 ms of parsing before a request was read. How much may wait in a
// queue is bounded by the pane's flow control (it pauses the PTY), not here.
//
// A pane someone just typed into is parsed first (issue #17 item 2): its queue is "urgent" for a
// while after each input, and every slice of a turn goes to an urgent queue with output before
// any round-robin one, so an echo waits for at most the slice being parsed, not for a round of
// every flooding pane (measured before: echo p95 130 ms at 50 panes, 25 of them flooding).
//
// While a queue is urgent the event loop comes round sooner (issue #17 item 6): the other panes'
// parsing yields after `typingBudgetMs` (2 ms) instead of 8, so a keystroke read mid-turn waits
// less, and a small chunk of output that reaches an urgent queue with nothing before it is parsed
// at once, in the PTY's read callback, so its frame (frame-pump.ts, a microtask) goes out in the
// same loop iteration instead of after the next poll of every flooding PTY and one more turn.
// Between those short turns the loop rests (`typingRestMs`, 6 ms): with 25 panes flooding on 2
// cores the daemon, always runnable, waited for a CPU a third of the time behind the programs its
// reads woke; resting, it sleeps (and is woken first), and flow control keeps the flooding PTYs
// paused, so their programs block. The other panes' throughput drops while someone types; nothing
// is lost. The typed pane's own output never waits out a rest.
import type { Disposable } from '../common/disposable.js';

export interface ParseClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `work` on a later turn of the event loop, after pending I/O (or after `ms`). */
  defer(work: () => void, ms?: number): void;
}

export interface ParseSchedulerOptions {
  /** Characters (or bytes) handed to a parser at once (16 Ki: ~0.4 ms of xterm parsing here). */
  sliceChars?: number;
  /** Parsing per event-loop turn before the loop yields (default 8 ms). */
  budgetMs?: number;
  /** How long a queue stays urgent after `prioritize()` (default 1 s). */
  urgentMs?: number;
  /** Parsing of the other panes per turn while a queue is urgent (default 2 ms). */
  typingBudgetMs?: number;
  /** While a queue is urgent, how long the loop rests between turns of the others (default 6 ms). */
  typingRestMs?: number;
  clock?: ParseClock;
}

/** Output as the parser takes it: text, or UTF-8 bytes (pty/utf8-feed.ts). */
export type ParseData = string | Uint8Array;

/** Parses synchronously; the scheduler decides when and how much. */
export type ParseFn = (data: ParseData) => void;

interface Item {
  data: ParseData;
  offset: number;
  parsed: (() => void) | undefined;
}

const realClock: ParseClock = {
  now: () => performance.now(),
  defer: (work, ms) => void (ms === undefined ? setImmediate(work) : setTimeout(work, ms)),
};

/** The output of one pane waiting to be parsed, in order. */
export class ParseQueue implements Disposable {
  private readonly items: Item[] = [];
  private head = 0;
  private waiting = 0;
  private disposed = false;
  /** Until when (scheduler clock) this queue's output goes ahead of the round-robin. */
  urgentUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly scheduler: ParseScheduler,
    readonly parse: ParseFn,
  ) {}

  /** Characters (of strings) and bytes (of byte chunks) queued and not parsed yet. */
  get pendingChars(): number {
    return this.waiting;
  }

  get isEmpty(): boolean {
    return this.head === this.items.length;
  }

  /** Queues `data`; `parsed` runs once its last character has been parsed. */
  push(data: ParseData, parsed?: () => void): void {
    if (this.disposed) return;
    const first = this.isEmpty;
    this.items.push({ data, offset: 0, parsed });
    this.waiting += data.length;
    if (first && this.scheduler.parseNow(this, data.length)) return;
    this.scheduler.wake(this);
  }

  /** Whether another pane was typed into recently: this one's output may wait. */
  get othersUrgent(): boolean {
    return this.scheduler.othersUrgent(this);
  }

  /** Someone typed into this pane: parse its output ahead of the others for a while. */
  prioritize(): void {
    this.scheduler.prioritize(this);
  }

  /** Drops what is queued (its callbacks never run) and leaves the scheduler. */
  dispose(): void {
    this.disposed = true;
    this.items.length = 0;
    this.head = 0;
    this.waiting = 0;
  }

  /** Parses up to `max` characters of the oldest item; returns its callback if that finished it. */
  takeSlice(max: number): { parsed: (() => void) | undefined; done: boolean } {
    const item = this.items[this.head]!;
    const end = Math.min(item.data.length, item.offset + max);
    const whole = item.offset === 0 && end === item.data.length;
    const slice = whole ? item.data : typeof item.data === 'string' ? item.data.slice(item.offset, end) : item.data.subarray(item.offset, end);
    this.waiting -= end - item.offset;
    item.offset = end;
    const done = end === item.data.length;
    if (done) {
      this.head += 1;
      // The parsed items are not kept: drop them once they are half the array, and at once when
      // the queue empties, so a queue never holds strings that were already parsed.
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      } else if (this.head > 64 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
    }
    this.parse(slice);
    return { parsed: done ? item.parsed : undefined, done };
  }
}

export class ParseScheduler {
  private readonly sliceChars: number;
  private readonly budgetMs: number;
  private readonly urgentMs: number;
  private readonly typingBudgetMs: number;
  private readonly typingRestMs: number;
  private readonly clock: ParseClock;
  /** Queues that were prioritized recently (dropped once their time is up). */
  private urgent: ParseQueue[] = [];
  /** Queues with work, in round-robin order; `next` is where the following turn starts. */
  private ring: ParseQueue[] = [];
  private next = 0;
  /** A turn is due: `immediate` on the next loop iteration, `rest` after a typing rest. */
  private scheduled: 'no' | 'immediate' | 'rest' = 'no';
  /** Counts scheduled turns: a rest's timer that an immediate turn overtook does nothing. */
  private turns = 0;
  /** A slice is being parsed: output pushed meanwhile (by a callback) waits for a turn. */
  private parsing = false;

  constructor(options: ParseSchedulerOptions = {}) {
    this.sliceChars = options.sliceChars ?? 16 * 1024;
    this.budgetMs = options.budgetMs ?? 8;
    this.urgentMs = options.urgentMs ?? 1000;
    this.typingBudgetMs = Math.min(options.typingBudgetMs ?? 2, this.budgetMs);
    this.typingRestMs = options.typingRestMs ?? 6;
    this.clock = options.clock ?? realClock;
  }

  /** A queue for one pane's parser. */
  queue(parse: ParseFn): ParseQueue {
    return new ParseQueue(this, parse);
  }

  /** Queues with work waiting (diagnostics and tests). */
  get activeQueues(): number {
    return this.ring.length;
  }

  /** Whether a queue other than `queue` was typed into recently (is urgent). */
  othersUrgent(queue: ParseQueue): boolean {
    if (this.urgent.length === 0) return false;
    const now = this.clock.now();
    return this.urgent.some((other) => other !== queue && other.urgentUntil > now);
  }

  prioritize(queue: ParseQueue): void {
    queue.urgentUntil = this.clock.now() + this.urgentMs;
    if (!this.urgent.includes(queue)) this.urgent.push(queue);
  }

  /**
   * Parses `queue`'s only item now if the queue is urgent and the item fits one slice (an echo, a
   * prompt redrawn); true when it did. Not from inside another parse (a callback's push).
   */
  parseNow(queue: ParseQueue, chars: number): boolean {
    if (this.parsing || chars > this.sliceChars || queue.urgentUntil <= this.clock.now()) return false;
    this.parsing = true;
    let parsed: (() => void) | undefined;
    try {
      parsed = queue.takeSlice(this.sliceChars).parsed;
    } finally {
      this.parsing = false;
    }
    parsed?.();
    return true;
  }

  /** An urgent queue with output, if any; forgets the ones whose time is up. */
  private nextUrgent(now: number): ParseQueue | undefined {
    let found: ParseQueue | undefined;
    for (let i = this.urgent.length - 1; i >= 0; i--) {
      const queue = this.urgent[i]!;
      if (queue.urgentUntil <= now) this.urgent.splice(i, 1);
      else if (!queue.isEmpty) found = queue;
    }
    return found;
  }

  /** Called by a queue that has work. */
  wake(queue: ParseQueue): void {
    if (!this.ring.includes(queue)) this.ring.push(queue);
    // The typed pane's output does not wait out a rest.
    if (this.scheduled === 'no' || (this.scheduled === 'rest' && queue.urgentUntil > this.clock.now())) this.schedule(false);
  }

  private schedule(rest: boolean): void {
    const turn = ++this.turns;
    this.scheduled = rest ? 'rest' : 'immediate';
    const run = () => {
      if (turn === this.turns) this.turn();
    };
    if (rest) this.clock.defer(run, this.typingRestMs);
    else this.clock.defer(run);
  }

  /** One event-loop turn of parsing: slices round-robin until the budget is spent. */
  private turn(): void {
    this.scheduled = 'no';
    const start = this.clock.now();
    let rest = false;
    try {
      let now = start;
      while (this.ring.length > 0) {
        const urgent = this.urgent.length > 0 ? this.nextUrgent(now) : undefined;
        if (urgent !== undefined) {
          // Its place in the ring stays; the ring skips it once it is empty.
          const { parsed } = this.slice(urgent);
          parsed?.();
          // Its output is on the screen: end the turn so its frame goes out now (the frame pump
          // flushes right after this turn) instead of after a budget of other panes' parsing.
          if (urgent.isEmpty) break;
        } else {
          if (this.next >= this.ring.length) this.next = 0;
          const queue = this.ring[this.next]!;
          if (queue.isEmpty) {
            // Emptied since it was woken (disposed, or parsed as urgent): forget it.
            this.ring.splice(this.next, 1);
            continue;
          }
          const { parsed } = this.slice(queue);
          if (queue.isEmpty) this.ring.splice(this.next, 1);
          else this.next += 1;
          parsed?.();
          // Someone is typing: the other panes' parsing yields early, so the loop reads the
          // keystroke and the echo sooner, and rests before their next turn: the daemon sleeps
          // instead of queueing for a CPU behind the programs its reads woke, and their PTYs
          // stay paused (flow control) meanwhile, so those programs block instead of running.
          if (this.urgent.length > 0 && this.clock.now() - start >= this.typingBudgetMs) {
            rest = this.typingRestMs > 0;
            break;
          }
        }
        now = this.clock.now();
        if (now - start >= this.budgetMs) break;
      }
    } finally {
      // Also after a callback threw: the other panes' output still gets parsed.
      if (this.ring.length > 0 && this.scheduled === 'no') this.schedule(rest);
    }
  }

  private slice(queue: ParseQueue): { parsed: (() => void) | undefined } {
    this.parsing = true;
    try {
      return queue.takeSlice(this.sliceChars);
    } finally {
      this.parsing = false;
    }
  }
}

/** The scheduler every pane of this process shares (they share its event loop). */
export const sharedParseScheduler = new ParseScheduler();
