// The stdout Ink draws on: a thin proxy in front of the real terminal that (1) puts the cursor
// back where Ink's relative moves expect it before each Ink write, and (2) repaints the panes
// right after each Ink frame, inside Ink's synchronized-output block, because Ink's frame has
// just erased them (ARCHITECTURE.md §3.2).
import { EventEmitter } from 'node:events';
import type { SizeSource, TerminalSize } from './deck-context.js';

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';
const HIDE_CURSOR = '\x1b[?25l';

export interface InkOutputOptions {
  stdout: NodeJS.WriteStream;
  /** The painter's full repaint (panes + cursor), written after every Ink frame. */
  paintAll(): string;
}

export class InkOutput extends EventEmitter implements SizeSource {
  readonly isTTY = true;
  private inBlock = false;
  /**
   * The row Ink's cursor rests on after its last frame (output lines + 1): Ink erases its
   * previous frame by moving up from there, so every Ink write starts at this row.
   */
  private homeRow = 1;
  private blockNewlines = 0;
  private size: TerminalSize;
  private readonly sizeListeners = new Set<() => void>();
  private readonly onResize = () => {
    this.size = this.measure();
    // The deck (React state, layout, painter) learns the new size first. React 19 commits the
    // new tree in a microtask, so Ink's own resize handler waits a turn: run at once, it would
    // draw the old tree at the new size, which wraps and scrolls the screen.
    for (const listener of [...this.sizeListeners]) listener();
    setImmediate(() => this.emit('resize'));
  };

  constructor(private readonly options: InkOutputOptions) {
    super();
    this.size = this.measure();
    options.stdout.on('resize', this.onResize);
  }

  get columns(): number {
    return this.size.cols;
  }

  get rows(): number {
    return this.size.rows;
  }

  readonly get = (): TerminalSize => this.size;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.sizeListeners.add(listener);
    return () => void this.sizeListeners.delete(listener);
  };

  write(data: string | Uint8Array, ...rest: unknown[]): boolean {
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    const real = this.options.stdout;
    if (text === BSU) {
      this.inBlock = true;
      this.blockNewlines = 0;
      real.write(BSU + this.home());
    } else if (text === ESU) {
      this.inBlock = false;
      if (this.blockNewlines > 0) this.homeRow = this.blockNewlines + 1;
      real.write(this.options.paintAll() + ESU);
    } else if (this.inBlock) {
      this.blockNewlines += countNewlines(text);
      real.write(text);
    } else {
      // Writes outside a block (clearing on resize, the cursor at unmount): same start row.
      real.write(this.home() + text);
    }
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }

  dispose(): void {
    this.options.stdout.off('resize', this.onResize);
    this.sizeListeners.clear();
    this.removeAllListeners();
  }

  private home(): string {
    return `${HIDE_CURSOR}\x1b[${this.homeRow};1H`;
  }

  private measure(): TerminalSize {
    return { cols: this.options.stdout.columns || 80, rows: this.options.stdout.rows || 24 };
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
