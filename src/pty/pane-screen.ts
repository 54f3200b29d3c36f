// The screen a pane session drives, wherever its output is parsed: on the daemon's thread
// (pty/pane-terminal.ts) or in the parse worker (pty/worker-terminal.ts).
import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';
import type { PaneModes } from '../protocol/pane-types.js';
import type { RenderedScreen } from './render-screen.js';

/** What a pane session needs of its screen. */
export interface PaneScreen extends Disposable {
  readonly onReply: Event<string>;
  readonly onTitleChange: Event<string>;
  readonly cols: number;
  readonly rows: number;
  readonly title: string;
  readonly modes: PaneModes;
  write(data: string | Uint8Array, parsed: () => void): void;
  prioritize(): void;
  /** Whether another pane was typed into recently; absent where the parser is elsewhere (the worker). */
  othersTyping?(): boolean;
  reset(parsed: () => void): void;
  /** The program's output ended: what the UTF-8 feed held back goes on the screen (as U+FFFD). */
  end(parsed: () => void): void;
  resize(cols: number, rows: number): void;
  render(scrollOffset?: number): RenderedScreen;
  text(scrollback?: number): string[];
}
