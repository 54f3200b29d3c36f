// Runs the built deck (`bin/dot-agent-deck.js`) in a real PTY and reads its screen through a
// headless terminal, the way a person would see it. Waits are named and print the screen when
// they time out (STYLE.md §9).
import { spawn, type IPty } from '@lydell/node-pty';
import { BIN } from './cli.js';
import type { DeckEnv } from './deck-env.js';
import { createHeadlessTerminal, type HeadlessTerminal } from './headless-terminal.js';
import { screenText } from './terminal-cells.js';
import { waitFor } from './wait.js';

export interface DeckTerminal {
  term: HeadlessTerminal;
  pty: IPty;
  /** The screen as text, one line per row. */
  screen(): string;
  /** Sends bytes as if typed. */
  type(bytes: string): void;
  /** Waits until the screen matches, then returns it. */
  waitForScreen(description: string, match: RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Waits until the deck is drawn (raw mode is on before the first frame, so keys are safe). */
  ready(): Promise<void>;
  resize(cols: number, rows: number): void;
  /** Resolves with the exit of the deck process. */
  exited: Promise<{ exitCode: number; signal?: number }>;
  /** Everything the process wrote, for tests that check what it printed after leaving. */
  output(): string;
  dispose(): void;
}

export interface StartDeckOptions {
  cols?: number;
  rows?: number;
  cwd?: string;
  args?: readonly string[];
  /** Variables on top of the deck world's environment (e.g. a test-only protocol version). */
  env?: NodeJS.ProcessEnv;
}

export function startDeck(deck: DeckEnv, options: StartDeckOptions = {}): DeckTerminal {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 36;
  const term = createHeadlessTerminal(cols, rows);
  const pty = spawn(process.execPath, [BIN, ...(options.args ?? [])], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? deck.home,
    env: { ...deck.env, ...options.env, TERM: 'xterm-256color' } as Record<string, string>,
  });
  let raw = '';
  pty.onData((data) => {
    raw += data;
    term.write(data);
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit(resolve));
  const screen = () => screenText(term);
  const waitForScreen = async (description: string, match: RegExp | ((screen: string) => boolean), timeoutMs = 10_000) => {
    const test = typeof match === 'function' ? match : (text: string) => match.test(text);
    try {
      // Parse what has arrived before looking, so the screen is never behind the bytes.
      await waitFor(
        description,
        async () => {
          await new Promise<void>((resolve) => term.write('', resolve));
          return test(screen());
        },
        { timeoutMs },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\nscreen (${term.cols}x${term.rows}):\n${screen()}`);
    }
    return screen();
  };
  return {
    term,
    pty,
    screen,
    type: (bytes) => pty.write(bytes),
    waitForScreen,
    ready: async () => {
      await waitForScreen('the deck draws its status bar', / (COMMAND|TYPING) /);
    },
    resize: (c, r) => {
      pty.resize(c, r);
      term.resize(c, r);
    },
    exited,
    output: () => raw,
    dispose: () => {
      try {
        pty.kill('SIGKILL');
      } catch {
        // Already gone.
      }
      term.dispose();
    },
  };
}
