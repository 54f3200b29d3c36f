// The headless terminal of one pane: the xterm.js emulator set up the way the deck needs it
// (Unicode 11 widths, bounded scrollback, silent logging), its answers to the program's queries,
// and the modes it keeps private. It knows nothing about processes; PaneSession wires it to one.
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import type { PaneModes } from '../protocol/pane-types.js';
import { DisposableStore, type Disposable } from '../common/disposable.js';
import { Emitter, type Event } from '../common/event.js';
import { CompactScrollback } from './compact-scrollback.js';
import { sharedParseScheduler, type ParseData, type ParseQueue, type ParseScheduler } from './parse-scheduler.js';
import { PrivateModeTracker } from './private-modes.js';
import type { ScrollbackBudget } from './scrollback-budget.js';
import { registerQueryReplies } from './query-replies.js';
import { renderScreen, screenText, type RenderedScreen } from './render-screen.js';
import { RowCache } from './row-cache.js';
import { Utf8Feed } from './utf8-feed.js';

// Both packages are CommonJS: under ESM only the default import works (ARCHITECTURE.md §9).
const { Terminal } = xtermHeadless;
const { Unicode11Addon } = unicode11;

export interface PaneTerminalOptions {
  cols: number;
  rows: number;
  /**
   * Lines kept above the screen. The newest KEPT_IN_XTERM of them stay in xterm (~12 bytes per
   * cell); older ones are packed (~1 byte per cell of text, plus colour runs).
   */
  scrollback: number;
  /** Bytes the packed history may hold (default DEFAULT_SCROLLBACK_BYTES); past it the oldest lines go. */
  scrollbackBytes?: number;
  /** The byte budget the packed history shares with other panes' (default: none, only its own cap). */
  scrollbackBudget?: ScrollbackBudget;
  /** Lines of history left in xterm itself (default KEPT_IN_XTERM; tests lower it). */
  keptInXterm?: number;
  /** Who decides when output is parsed (default: the one every pane of the process shares). */
  scheduler?: ParseScheduler;
}

/** The emulator core's synchronous parse; the public `write` schedules its own timers. */
interface SyncWritable {
  writeSync(data: ParseData): void;
}

function syncWriter(term: object): SyncWritable {
  const core = (term as { _core?: Partial<SyncWritable> })._core;
  if (typeof core?.writeSync !== 'function') {
    throw new Error('This @xterm/headless has no synchronous write (Terminal._core.writeSync); the deck needs the version in package.json.');
  }
  return core as SyncWritable;
}

export const DEFAULT_SCROLLBACK = 10_000;
/** Packed history per pane: 10,000 lines of 172 columns of coloured text fit in ~3 MiB. */
export const DEFAULT_SCROLLBACK_BYTES = 8 * 1024 * 1024;
/**
 * Lines of history left in xterm's own buffer: a pane that grows taller pulls them back onto its
 * screen (as xterm does), and they reflow when the width changes; older lines keep their width.
 */
export const KEPT_IN_XTERM = 100;

export class PaneTerminal implements Disposable {
  private readonly store = new DisposableStore();
  private readonly term: InstanceType<typeof Terminal>;
  private readonly privateModes: PrivateModeTracker;
  private readonly history: CompactScrollback;
  /** The live screen's rendered rows, for the next frame. */
  private readonly renderedRows = new RowCache();
  /** Output waiting for its turn to be parsed, in arrival order (resets included). */
  private readonly queue: ParseQueue;
  /** Byte output on its way to the queue: split characters joined, bytes or text (utf8-feed.ts). */
  private readonly feed = new Utf8Feed();
  private readonly replyEmitter = this.store.add(new Emitter<string>());
  private readonly titleEmitter = this.store.add(new Emitter<string>());
  private currentTitle = '';

  /** Bytes the emulator sends back to the program: answers to DA, DSR, OSC 10/11, XTVERSION. */
  readonly onReply: Event<string> = this.replyEmitter.event;
  readonly onTitleChange: Event<string> = this.titleEmitter.event;

  constructor(options: PaneTerminalOptions) {
    const history = {
      scrollback: Math.max(0, Math.trunc(options.scrollback)),
      maxBytes: options.scrollbackBytes ?? DEFAULT_SCROLLBACK_BYTES,
      keep: options.keptInXterm ?? KEPT_IN_XTERM,
      ...(options.scrollbackBudget ? { budget: options.scrollbackBudget } : {}),
    };
    this.term = new Terminal({
      cols: options.cols,
      rows: options.rows,
      // Only the newest lines stay in xterm; the ring is full and older ones are packed as they
      // leave it (compact-scrollback.ts).
      scrollback: Math.min(history.scrollback, history.keep),
      allowProposedApi: true, // the unicode and parser APIs are "proposed"
      // xterm.js logs every parse error to the console (measured: hundreds of lines for a few KB
      // of random bytes); the daemon must never write to a terminal.
      logLevel: 'off',
    });
    this.store.add(this.term);
    // Parsed synchronously in the scheduler's slices, so the daemon decides how much parsing one
    // event-loop turn holds; xterm's own write would parse up to 12 ms per pane per timer.
    const core = syncWriter(this.term);
    this.history = this.store.add(new CompactScrollback(this.term, history));
    this.queue = (options.scheduler ?? sharedParseScheduler).queue((data) => core.writeSync(data));
    this.store.add(this.queue);
    this.term.loadAddon(new Unicode11Addon());
    // Without Unicode 11 widths emoji are one cell wide and rows overflow (ARCHITECTURE.md §9).
    this.term.unicode.activeVersion = '11';

    this.privateModes = this.store.add(new PrivateModeTracker(this.term));
    this.store.add(registerQueryReplies(this.term, (data) => this.replyEmitter.fire(data)));
    this.store.add(this.term.onData((data) => this.replyEmitter.fire(data)));
    this.store.add(
      this.term.onTitleChange((title) => {
        this.currentTitle = title;
        this.titleEmitter.fire(title);
      }),
    );
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  get title(): string {
    return this.currentTitle;
  }

  get modes(): PaneModes {
    const modes = this.term.modes;
    return {
      bracketedPaste: modes.bracketedPasteMode,
      applicationCursor: modes.applicationCursorKeysMode,
      applicationKeypad: modes.applicationKeypadMode,
      mouseTracking: modes.mouseTrackingMode,
      mouseSgr: this.privateModes.mouseSgr,
      focusEvents: modes.sendFocusMode,
      alternateScreen: this.term.buffer.active.type === 'alternate',
      cursorVisible: this.privateModes.cursorVisible,
    };
  }

  /** Queues `data` (text, or the PTY's bytes) for parsing; `parsed` runs once it has changed the screen. */
  write(data: string | Uint8Array, parsed: () => void): void {
    this.queue.push(typeof data === 'string' ? data : this.feed.next(data), parsed);
  }

  /** Input went to the program: parse its output (the echo, the answer) ahead of other panes'. */
  prioritize(): void {
    this.queue.prioritize();
  }

  /** Whether another pane was typed into recently (its output goes first). */
  othersTyping(): boolean {
    return this.queue.othersUrgent;
  }

  /** Characters and bytes queued and not parsed yet. */
  get pendingChars(): number {
    return this.queue.pendingChars;
  }

  /**
   * Full reset (RIS), queued behind pending output so a previous program's late bytes cannot
   * reapply its modes afterwards. Clears screen, scrollback, every mode and the title: a new
   * program must not look ready (bracketed paste on) or busy (a spinner title) because of the old.
   */
  reset(parsed: () => void): void {
    // A character the old program left unfinished is shown (as U+FFFD) before the reset clears it.
    const rest = this.feed.end();
    if (rest !== '') this.queue.push(rest);
    this.queue.push('\x1bc', () => {
      if (this.currentTitle !== '') {
        this.currentTitle = '';
        this.titleEmitter.fire('');
      }
      parsed();
    });
  }

  /** The program's output ended: a character it left unfinished is shown (U+FFFD), as StringDecoder's end() does. */
  end(parsed: () => void): void {
    this.queue.push(this.feed.end(), parsed);
  }

  resize(cols: number, rows: number): void {
    // A narrower or shorter screen can push lines into the history.
    this.history.resize(cols, rows);
  }

  /** Bytes of the packed history (diagnostics and benchmarks). */
  get archivedBytes(): number {
    return this.history.bytes;
  }

  render(scrollOffset?: number): RenderedScreen {
    return renderScreen(this.term, { modes: this.modes, title: this.currentTitle, scrollOffset, older: this.history, rows: this.renderedRows });
  }

  text(scrollback?: number): string[] {
    return screenText(this.term, scrollback, this.history);
  }

  dispose(): void {
    this.store.dispose();
  }
}
