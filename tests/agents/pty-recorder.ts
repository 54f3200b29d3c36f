// Runs an agent in a real PTY with the deck's own headless terminal and records every chunk it
// prints, so a test can wait on the screen and save the byte stream up to a moment as a fixture.
import { spawn, type IPty } from '@lydell/node-pty';
import { PASTE_END, PASTE_START } from '../../src/protocol/bracketed-paste.js';
import { PaneTerminal } from '../../src/pty/pane-terminal.js';
import { waitFor } from '../helpers/wait.js';

export class PtyRecorder {
  private readonly pty: IPty;
  readonly terminal: PaneTerminal;
  private readonly chunks: string[] = [];
  private lastOutputAt = Date.now();
  exited = false;
  private readonly exit: Promise<void>;

  constructor(argv: string[], options: { cwd: string; env: Record<string, string>; cols: number; rows: number }) {
    this.terminal = new PaneTerminal({ cols: options.cols, rows: options.rows, scrollback: 200 });
    const [file, ...args] = argv;
    if (file === undefined) throw new Error('empty argv');
    this.pty = spawn(file, args, {
      name: 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      encoding: 'utf8',
    });
    this.terminal.onReply((data) => this.pty.write(data));
    this.pty.onData((data) => {
      this.chunks.push(data);
      this.lastOutputAt = Date.now();
      this.terminal.write(data, () => undefined);
    });
    this.exit = new Promise((resolve) => {
      this.pty.onExit(() => {
        this.exited = true;
        resolve();
      });
    });
  }

  get bytes(): string {
    return this.chunks.join('');
  }

  get quietMs(): number {
    return Date.now() - this.lastOutputAt;
  }

  screen(): string[] {
    return this.terminal.text();
  }

  write(data: string): void {
    this.pty.write(data);
  }

  /** Types one line the way the deck does: the text (a bracketed paste for an agent that takes
   *  typed keys as shortcuts, Gemini CLI's `?`), a pause, then a lone CR (AGENT-NOTES.md). */
  async submit(text: string, options: { paste?: boolean } = {}): Promise<void> {
    const head = text.slice(0, 30);
    // Typed again (after DELs) when it never shows: opencode drops keys typed in its first second.
    for (let attempt = 1; ; attempt++) {
      this.pty.write(options.paste ? `${PASTE_START}${text}${PASTE_END}` : text);
      try {
        await this.waitForScreen(`the typed text "${head}" shows (attempt ${attempt})`, (s) => s.includes(head), 10_000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        this.pty.write('\x7f'.repeat(text.length * 2));
        await this.waitForScreen('the input box is empty again', (s) => !s.includes(text.slice(0, 12)), 10_000);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 150)); // 150 ms: a CR fused to text is a newline
    // Enter again while nothing changed, as delivery does: opencode once ignored the first Enter
    // after a three-row line (docs/AGENT-NOTES.md).
    for (let press = 1; ; press++) {
      const before = this.screen().join('\n');
      this.pty.write('\r');
      try {
        await this.waitForScreen(`the screen answers Enter (press ${press})`, (s) => s !== before, 5_000);
        return;
      } catch (error) {
        if (press === 3) throw error;
      }
    }
  }

  async waitForScreen(what: string, test: (screen: string) => boolean, timeoutMs = 30_000): Promise<void> {
    await waitFor(what, () => test(this.screen().join('\n')), { timeoutMs, intervalMs: 50, describe: () => this.screen().join('\n') });
  }

  async waitForQuiet(ms: number): Promise<void> {
    await waitFor(`the screen is quiet for ${ms} ms`, () => this.quietMs >= ms, { timeoutMs: 30_000, intervalMs: 25 });
  }

  /** Kills the agent's whole process group (it is the group leader) and waits for the leader. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        process.kill(-this.pty.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await waitFor('the agent exits after SIGKILL', () => this.exited, { timeoutMs: 5000 });
    }
    await this.exit;
    this.terminal.dispose();
  }
}
