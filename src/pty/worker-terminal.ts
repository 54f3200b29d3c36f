// A pane's screen held by the parse worker (pty/parse-worker-client.ts): output goes there as
// bytes, reads are synchronous calls. If the worker dies and a new one is started, the screen
// moves to it, blank, and shows the program's output from then on.
import { DisposableStore } from '../common/disposable.js';
import { Emitter, type Event } from '../common/event.js';
import type { PaneModes } from '../protocol/pane-types.js';
import type { ToWorker } from './parse-messages.js';
import type { ParseWorker, WorkerTerminalOptions } from './parse-worker-client.js';
import type { PaneScreen } from './pane-screen.js';
import type { RenderedScreen } from './render-screen.js';
import type { ScrollbackBudget } from './scrollback-budget.js';

/** A pane's screen held by the parse worker; reads are synchronous calls to it. */
export class WorkerTerminal implements PaneScreen {
  private readonly store = new DisposableStore();
  private readonly replyEmitter = this.store.add(new Emitter<string>());
  private readonly titleEmitter = this.store.add(new Emitter<string>());
  /** Callbacks of writes and resets not parsed yet, oldest first (the worker parses in order). */
  private waiting: (() => void)[] = [];
  private head = 0;
  private currentTitle = '';

  readonly onReply: Event<string> = this.replyEmitter.event;
  readonly onTitleChange: Event<string> = this.titleEmitter.event;

  private worker: ParseWorker;
  private id: number;
  private width: number;
  private height: number;
  private readonly budget: ScrollbackBudget | undefined;

  constructor(
    worker: ParseWorker,
    private readonly options: WorkerTerminalOptions,
  ) {
    this.width = options.cols;
    this.height = options.rows;
    this.budget = options.scrollbackBudget;
    this.worker = worker;
    this.id = worker.adopt(this, options);
  }

  /**
   * Its worker died and `worker` took over: the screen starts again there, blank, at its current
   * size (its writes waiting in the old one were given up: abandon). The title goes with it.
   */
  moveTo(worker: ParseWorker): void {
    if (this.store.isDisposed) return;
    this.worker = worker;
    this.id = worker.adopt(this, { ...this.options, cols: this.width, rows: this.height });
    this.budget?.mirror(0);
    if (this.currentTitle !== '') this.titled('');
  }

  get cols(): number {
    return this.width;
  }

  get rows(): number {
    return this.height;
  }

  get title(): string {
    return this.currentTitle;
  }

  get modes(): PaneModes {
    return this.worker.call({ op: 'modes', id: this.id }) as PaneModes;
  }

  get pendingChars(): number {
    return this.worker.call({ op: 'pendingChars', id: this.id }) as number;
  }

  get archivedBytes(): number {
    return this.worker.call({ op: 'archivedBytes', id: this.id }) as number;
  }

  write(data: string | Uint8Array, parsed: () => void): void {
    if (this.store.isDisposed) return;
    if (this.worker.failure !== undefined) return parsed(); // nothing will parse it (see fail)
    this.waiting.push(parsed);
    this.worker.hold(1);
    this.worker.write(this.id, typeof data === 'string' ? Buffer.from(data) : data);
  }

  prioritize(): void {
    this.worker.send({ t: 'prioritize', id: this.id });
  }

  reset(parsed: () => void): void {
    this.queueCall({ t: 'reset', id: this.id }, parsed);
  }

  end(parsed: () => void): void {
    this.queueCall({ t: 'end', id: this.id }, parsed);
  }

  /** Sends `message`, whose `parsed` the worker reports in order with the writes. */
  private queueCall(message: Extract<ToWorker, { t: 'reset' | 'end' }>, parsed: () => void): void {
    if (this.store.isDisposed) return;
    if (this.worker.failure !== undefined) return parsed();
    this.waiting.push(parsed);
    this.worker.hold(1);
    this.worker.send(message);
  }

  resize(cols: number, rows: number): void {
    this.width = cols;
    this.height = rows;
    this.worker.send({ t: 'resize', id: this.id, cols, rows });
  }

  render(scrollOffset?: number): RenderedScreen {
    return this.worker.call({ op: 'render', id: this.id, scrollOffset }) as RenderedScreen;
  }

  text(scrollback?: number): string[] {
    return this.worker.call({ op: 'text', id: this.id, scrollback }) as string[];
  }

  /** The worker parsed the next `count` writes. */
  parsed(count: number): void {
    const done = Math.min(count, this.waiting.length - this.head);
    this.worker.hold(-done);
    for (let i = 0; i < done; i++) this.waiting[this.head++]!();
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Its worker is gone: nothing more will be parsed, so the writes waiting are let go. */
  abandon(): void {
    this.parsed(this.waiting.length - this.head);
  }

  reply(data: string): void {
    this.replyEmitter.fire(data);
  }

  titled(title: string): void {
    this.currentTitle = title;
    this.titleEmitter.fire(title);
  }

  dispose(): void {
    if (this.store.isDisposed) return;
    this.store.dispose();
    this.worker.hold(-(this.waiting.length - this.head));
    this.waiting = [];
    this.head = 0;
    this.worker.forget(this.id, this.budget);
  }
}
