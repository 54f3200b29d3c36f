// The simulated agent of examples/demo/sim-agent.mjs as an in-memory model on the fake pane and
// the fake clock, for tests that run hundreds of deliveries: it drops keys while starting, shows
// a `❯` box with bracketed paste once ready, echoes typed text, submits on CR, works for a while
// and records every prompt it received (per agent id).
import type { FakeClock } from './fake-clock.js';
import { FakePane } from './fake-pane.js';

export interface SimBehaviour {
  startDelayMs: number;
  workMs: number;
  /** The first CR after typing becomes a newline (Claude Code, when CR is fused to text). */
  swallowFirstEnter?: boolean;
}

export interface ReceivedPrompt {
  agentId: string;
  text: string;
  at: number;
}

const ROWS = 12;
const COLS = 120;

export class SimAgentHost extends FakePane {
  readonly received: ReceivedPrompt[] = [];
  dropped = 0;
  private phase: 'starting' | 'ready' | 'working' = 'starting';
  private input = '';
  private row = 0;
  private generation = 0;
  private swallowed = false;
  /** Called with each submitted prompt (after the echo), e.g. to run work-done. */
  onPrompt: (prompt: ReceivedPrompt) => void = () => undefined;

  constructor(
    paneId: string,
    agentId: string,
    private readonly clock: FakeClock,
    public behaviour: () => SimBehaviour,
  ) {
    super(paneId, agentId, COLS, ROWS);
    this.boot();
  }

  override write(data: string | Buffer): void {
    super.write(data);
    for (const ch of data.toString()) {
      if (this.phase !== 'ready') {
        this.dropped++;
        continue;
      }
      if (ch === '\r') this.enter();
      else {
        this.input += ch;
        this.draw(`❯ ${this.input}`);
      }
    }
  }

  override async respawn(command: string, agentId: string): Promise<void> {
    await super.respawn(command, agentId);
    this.boot();
  }

  private boot(): void {
    const generation = ++this.generation;
    const behaviour = this.behaviour();
    this.phase = 'starting';
    this.swallowed = !behaviour.swallowFirstEnter;
    this.modes = { ...this.modes, bracketedPaste: false };
    this.lines = Array.from({ length: ROWS }, () => ' '.repeat(COLS));
    this.row = 0;
    this.print('sim-agent starting');
    this.clock.schedule(behaviour.startDelayMs, () => {
      if (generation !== this.generation) return;
      this.modes = { ...this.modes, bracketedPaste: true };
      this.prompt();
    });
  }

  private enter(): void {
    if (this.input === '') return;
    if (!this.swallowed) {
      this.swallowed = true;
      return; // a newline inside the box: the text stays there
    }
    const prompt = { agentId: this.agentId, text: this.input, at: this.clock.now() };
    this.received.push(prompt);
    this.input = '';
    this.phase = 'working';
    this.print(`» ${prompt.text}`);
    this.print('⠋ working…');
    const generation = this.generation;
    this.clock.schedule(this.behaviour().workMs, () => {
      if (generation !== this.generation) return;
      this.prompt();
    });
    this.onPrompt(prompt);
  }

  private prompt(): void {
    this.phase = 'ready';
    this.input = '';
    this.print('❯ ', false);
  }

  /** Writes a line (scrolling when full); `advance` false leaves the cursor on it. */
  private print(text: string, advance = true): void {
    if (this.row >= ROWS) {
      this.lines = [...this.lines.slice(1), ' '.repeat(COLS)];
      this.row = ROWS - 1;
    }
    this.draw(text);
    if (advance) this.row++;
  }

  private draw(text: string): void {
    const row = Math.min(this.row, ROWS - 1);
    this.cursor = { x: text.length, y: row, visible: true };
    this.setLine(row, text);
  }
}
