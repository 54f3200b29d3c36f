// The outer terminal while the deck runs: raw stdin, the alternate screen, bracketed paste,
// mouse and focus reporting — and putting all of it back on exit, crash or signal, so a shell
// is never left in raw mode with mouse reports on.
import { writeSync } from 'node:fs';
import type { Disposable } from '../../common/disposable.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H\x1b[2J';
const ALT_SCREEN_OFF = '\x1b[?1049l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';
/** Button presses, drags (1002) in SGR encoding (1006), which has no coordinate limit. */
const MOUSE_ON = '\x1b[?1000h\x1b[?1002h\x1b[?1006h';
const MOUSE_OFF = '\x1b[?1006l\x1b[?1002l\x1b[?1000l\x1b[?1003l';
const FOCUS_ON = '\x1b[?1004h';
const FOCUS_OFF = '\x1b[?1004l';
/** The kitty keyboard protocol's "disambiguate" flag, pushed on the terminal's flag stack and
 *  popped again: Shift+Enter then arrives as CSI 13;2u instead of a bare CR. Terminals without
 *  the protocol ignore both (an unknown CSI); input/kitty-keys.ts decodes what the others send. */
const KITTY_ON = '\x1b[>1u';
const KITTY_OFF = '\x1b[<u';
/** Ends a synchronized update a crash may have left open, and resets colours. */
const SYNC_OFF = '\x1b[?2026l\x1b[0m';

export const ENTER_SEQUENCE = ALT_SCREEN_ON + HIDE_CURSOR + PASTE_ON + MOUSE_ON + FOCUS_ON;
const MODES_OFF = FOCUS_OFF + MOUSE_OFF + PASTE_OFF + SHOW_CURSOR + ALT_SCREEN_OFF;
export const LEAVE_SEQUENCE = SYNC_OFF + MODES_OFF;
/** Popped while still on the alternate screen: kitty keeps one flag stack per screen. */
const LEAVE_WITH_KITTY = SYNC_OFF + KITTY_OFF + MODES_OFF;

/** OSC 52: asks the outer terminal to put text on the system clipboard ("c"). Terminals that
 *  do not support it (or refuse it) ignore the sequence; tmux passes it on with set-clipboard. */
export function clipboardSequence(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];

export interface TerminalStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Ask for the kitty keyboard protocol (see kittyKeyboardWanted). */
  kittyKeyboard?: boolean;
}

/** Not under tmux or screen: they pass CSI u on to the real terminal but not its answers in a
 *  form their panes expect, and tmux has its own extended-keys setting for this. */
export function kittyKeyboardWanted(env: NodeJS.ProcessEnv): boolean {
  if (env.TMUX || env.STY) return false;
  return !/^(screen|tmux)/.test(env.TERM ?? '');
}

export class TerminalSession implements Disposable {
  private active = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.restore();
    // Die of the same signal, as if we had not caught it (the exit status tells the shell why).
    for (const s of SIGNALS) process.removeListener(s, this.onSignal);
    process.kill(process.pid, signal);
  };
  private readonly onExit = () => this.restore();

  constructor(private readonly streams: TerminalStreams) {}

  /** Raw mode first: keys typed before it would be eaten by the line discipline (ARCHITECTURE.md §9).
   *  `holdKeys`: stdin stays paused, its bytes waiting in the terminal's input queue in order,
   *  until `releaseKeys` (the first paint shows before the deck can act on a key). */
  enter(options: { holdKeys?: boolean } = {}): void {
    if (this.active) return;
    this.active = true;
    this.streams.stdin.setRawMode(true);
    // Paused explicitly, so that a 'data' listener added meanwhile does not start the flow.
    if (options.holdKeys) this.streams.stdin.pause();
    else this.streams.stdin.resume();
    this.write(ENTER_SEQUENCE + (this.streams.kittyKeyboard ? KITTY_ON : ''));
    process.on('exit', this.onExit);
    // The monitor runs before Node prints an uncaught error, so the error lands on the normal screen.
    process.on('uncaughtExceptionMonitor', this.onExit);
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** The keys held since `enter({ holdKeys: true })` flow to the deck, in the order typed. */
  releaseKeys(): void {
    if (this.active) this.streams.stdin.resume();
  }

  restore(): void {
    if (!this.active) return;
    this.active = false;
    this.write(this.streams.kittyKeyboard ? LEAVE_WITH_KITTY : LEAVE_SEQUENCE);
    try {
      this.streams.stdin.setRawMode(false);
    } catch {
      // stdin is already closed (the terminal went away): nothing to restore.
    }
    this.streams.stdin.pause();
  }

  dispose(): void {
    this.restore();
    process.removeListener('exit', this.onExit);
    process.removeListener('uncaughtExceptionMonitor', this.onExit);
    for (const signal of SIGNALS) process.removeListener(signal, this.onSignal);
  }

  /** Synchronous, so the bytes are out even when the process is about to die. */
  private write(text: string): void {
    const fd = (this.streams.stdout as NodeJS.WriteStream & { fd?: number }).fd;
    if (typeof fd === 'number') {
      try {
        writeSync(fd, text);
        return;
      } catch {
        // Fall back to the stream (e.g. a non-blocking fd that is full).
      }
    }
    this.streams.stdout.write(text);
  }
}
