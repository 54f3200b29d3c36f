// The simulated agent of examples/demo/sim-agent.mjs as an in-memory model on the fake pane and
// the fake clock, for tests that run hundreds of deliveries: it drops keys while starting, shows
// a `❯` box with bracketed paste once ready, echoes typed text, submits on CR, works for a while
// and records every prompt it received (per agent id). A night's misfortunes are methods: a crash
// mid-task, a usage-limit screen until a reset time, and the silent death of a daemon's children.
import type { FakeClock } from './fake-clock.js';
import { FakePane } from './fake-pane.js';

export interface SimBehaviour {
  startDelayMs: number;
  workMs: number;
  /** The first CR after typing becomes a newline (Claude Code, when CR is fused to text). */
  swallowFirstEnter?: boolean;
  /** With swallowFirstEnter: the box grows a line, as Claude Code's does: the text moves up a
   *  row and the cursor sits on the new empty row below it. */
  newlineBox?: boolean;
  /** The first text written once the box is up is lost, in one piece (focus not yet in the
   *  input box); what comes after it arrives. */
  dropFirstLine?: boolean;
  /** Keys are read this long after they were written, in order (opencode under load). */
  readDelayMs?: number;
}

export interface ReceivedPrompt {
  agentId: string;
  text: string;
  at: number;
  /** How long the agent works on it before its prompt is back. */
  workMs: number;
}

export type SimPhase = 'starting' | 'ready' | 'working' | 'limited' | 'gone';

const ROWS = 12;
const COLS = 120;

export class SimAgentHost extends FakePane {
  readonly received: ReceivedPrompt[] = [];
  dropped = 0;
  private phase: SimPhase = 'starting';
  /** When a usage limit shown on screen resets (virtual ms), while limited. */
  limitUntil: number | null = null;
  private input = '';
  private row = 0;
  private generation = 0;
  private swallowed = false;
  private newlineBox = false;
  private dropLine = false;
  private inputRows = 1;
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

  get currentPhase(): SimPhase {
    return this.phase;
  }

  /** The process dies mid-task with `exit` (its exit event fires). */
  crash(exit: { exitCode: number | null; signal: string | null }): void {
    this.generation++;
    this.phase = 'gone';
    this.exitWith(exit);
  }

  /** A usage-limit screen until `untilMs`; then the agent is back at its prompt, idle. */
  limit(untilMs: number): void {
    const generation = ++this.generation;
    this.phase = 'limited';
    this.limitUntil = untilMs;
    this.print(`You've hit your usage limit · resets at ${new Date(untilMs).toISOString()}`);
    this.clock.schedule(untilMs - this.clock.now(), () => {
      if (generation !== this.generation) return;
      this.limitUntil = null;
      this.print('Limit reset.');
      this.prompt();
    });
  }

  /** The daemon holding this pane died: the process is gone, silently (nobody hears its exit). */
  vanish(): void {
    this.generation++;
    this.phase = 'gone';
    this.state = { kind: 'exited', exit: { exitCode: null, signal: 'SIGHUP' } };
  }

  override write(data: string | Buffer): void {
    if (this.phase === 'gone') return;
    super.write(data);
    const delay = this.behaviour().readDelayMs ?? 0;
    if (delay === 0) this.read(data.toString());
    else {
      const generation = this.generation;
      this.clock.schedule(delay, () => {
        if (generation === this.generation && this.phase !== 'gone') this.read(data.toString());
      });
    }
  }

  private read(data: string): void {
    if (this.dropLine && this.phase === 'ready' && data !== '\r') {
      this.dropLine = false;
      this.dropped += data.length;
      return;
    }
    for (const ch of data) {
      if (this.phase !== 'ready') {
        this.dropped++;
        continue;
      }
      if (ch === '\r') {
        this.dropLine = false;
        this.enter();
      } else {
        this.input = ch === '\x7f' ? this.input.slice(0, -1) : this.input + ch;
        this.drawInput();
      }
    }
  }

  override async respawn(command: string, agentId: string): Promise<void> {
    await super.respawn(command, agentId);
    this.boot();
  }

  private boot(): void {
    const generation = ++this.generation;
    this.limitUntil = null;
    const behaviour = this.behaviour();
    this.phase = 'starting';
    this.swallowed = !behaviour.swallowFirstEnter;
    this.newlineBox = behaviour.newlineBox ?? false;
    this.dropLine = behaviour.dropFirstLine ?? false;
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
      if (this.newlineBox) {
        this.row += this.draw(`❯ ${this.input}`);
        this.draw('  ');
      }
      return; // a newline inside the box: the text stays there
    }
    const prompt = { agentId: this.agentId, text: this.input, at: this.clock.now(), workMs: this.behaviour().workMs };
    this.received.push(prompt);
    this.input = '';
    this.phase = 'working';
    this.print(`» ${prompt.text}`);
    this.print(''); // the transcript stands apart from the box, as in every agent's screen
    this.print('⠋ working…');
    const generation = this.generation;
    this.clock.schedule(prompt.workMs, () => {
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

  /** The box with the typed text; rows a longer text took before are blanked. */
  private drawInput(): void {
    const rows = this.draw(`❯ ${this.input}`);
    for (let row = this.row + rows; row < ROWS && row < this.row + this.inputRows; row++) this.setLine(row, '');
    this.inputRows = rows;
  }

  /** Writes a line (scrolling when full); `advance` false leaves the cursor on it. */
  private print(text: string, advance = true): void {
    const rows = this.draw(text);
    if (advance) this.row += rows;
  }

  /** Draws `text` from the current row, wrapped at the width as a terminal wraps it; returns
   *  the rows it takes. A long typed line spans rows, as in a real pane. */
  private draw(text: string): number {
    const chunks: string[] = [];
    for (let at = 0; at < Math.max(1, text.length); at += COLS) chunks.push(text.slice(at, at + COLS));
    const overflow = this.row + chunks.length - ROWS;
    if (overflow > 0) {
      this.lines = [...this.lines.slice(overflow), ...Array.from({ length: overflow }, () => ' '.repeat(COLS))];
      this.row -= overflow;
    }
    const last = chunks.at(-1)!;
    this.cursor = { x: last.length, y: this.row + chunks.length - 1, visible: true };
    chunks.forEach((chunk, i) => this.setLine(this.row + i, chunk));
    return chunks.length;
  }
}
