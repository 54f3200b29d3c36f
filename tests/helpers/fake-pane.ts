// The one fake pane of the test suite: a PaneHost whose screen is a list of strings the test
// sets, and whose writes are recorded. Real PTYs are for integration tests.
import { Emitter } from '../../src/common/event.js';
import type { PaneHost } from '../../src/daemon/pane-host.js';
import { PLAIN_PANE_MODES, type PaneExit, type PaneModes } from '../../src/protocol/pane-types.js';
import type { RenderedScreen } from '../../src/pty/render-screen.js';

export const DEFAULT_MODES: PaneModes = PLAIN_PANE_MODES;

export class FakePane implements PaneHost {
  readonly writes: Array<{ at: number; data: string }> = [];
  lines: string[];
  modes: PaneModes = { ...DEFAULT_MODES };
  title = '';
  cursor = { x: 0, y: 0, visible: true };
  state: PaneHost['state'] = { kind: 'running' };
  private readonly change = new Emitter<void>();
  private readonly exit = new Emitter<PaneExit>();
  private readonly output = new Emitter<number>();
  private readonly titleEmitter = new Emitter<string>();
  readonly onDidChange = this.change.event;
  readonly onExit = this.exit.event;
  readonly onOutput = this.output.event;
  readonly onTitleChange = this.titleEmitter.event;

  constructor(
    readonly paneId: string,
    public agentId = 'a-1',
    public cols = 10,
    public rows = 3,
  ) {
    this.lines = Array.from({ length: rows }, () => ' '.repeat(cols));
  }

  get pid(): number {
    return 4242;
  }

  /** Changes one row and tells listeners, as parsed output would. */
  setLine(row: number, text: string): void {
    this.lines[row] = text.padEnd(this.cols);
    this.output.fire(text.length);
    this.change.fire();
  }

  /** Sets the window title, as an OSC 0/2 from the program would. */
  setTitle(title: string): void {
    this.title = title;
    this.titleEmitter.fire(title);
  }

  get inputCount(): number {
    return this.writes.length;
  }

  write(data: string | Buffer): void {
    this.writes.push({ at: Date.now(), data: data.toString() });
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.lines = Array.from({ length: rows }, (_, i) => (this.lines[i] ?? '').padEnd(cols).slice(0, cols));
  }

  frame(): RenderedScreen {
    return {
      cols: this.cols,
      rows: this.rows,
      lines: [...this.lines],
      cursor: { ...this.cursor },
      modes: this.modes,
      title: this.title,
      scroll: { offset: 0, total: 0 },
    };
  }

  text(): string[] {
    return this.lines.map((line) => line.trimEnd());
  }

  exitWith(exit: PaneExit): void {
    this.state = { kind: 'exited', exit };
    this.exit.fire(exit);
  }

  async stop(): Promise<PaneExit> {
    const exit = { exitCode: null, signal: 'SIGTERM' };
    this.exitWith(exit);
    return exit;
  }

  async respawn(_command: string, agentId: string): Promise<void> {
    this.agentId = agentId;
    this.state = { kind: 'running' };
  }

  dispose(): void {
    this.change.dispose();
  }
}
