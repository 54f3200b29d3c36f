// What one run of a pane's agent works on, for its card: the task (a commission's first line, or
// the last prompt a person gave it) and its tool calls. Lines the deck itself typed (a task
// pointer, a notice) are prompts too, but not a new task: delivery says which lines are its own.
import type { PaneActivity } from '../protocol/pane-activity.js';
import { MAX_TASK_LINE } from '../protocol/pane-activity.js';

/** Deck lines remembered per pane; the deck types a handful at most between two prompts. */
const MAX_DECK_LINES = 8;

export class PaneWork {
  private task: { line: string; since: number } | null = null;
  private lastTool: string | null = null;
  private toolCount = 0;
  private readonly deckLines: string[] = [];

  /** A task handed over by an orchestration (its text, as written by the delegator). */
  commission(text: string, at: number): void {
    const line = firstLine(text);
    if (line !== null) this.task = { line, since: at };
  }

  /** The deck is about to type `line`: its echo as a prompt is not a new task. */
  deckLine(line: string): void {
    this.deckLines.push(line.trim());
    if (this.deckLines.length > MAX_DECK_LINES) this.deckLines.shift();
  }

  /** A prompt the agent received (its hooks echo it). */
  prompt(text: string, at: number): void {
    const index = this.deckLines.indexOf(text.trim());
    if (index >= 0) {
      this.deckLines.splice(index, 1);
      return;
    }
    this.commission(text, at);
  }

  /** A tool call began. */
  tool(name: string): void {
    this.lastTool = name;
    this.toolCount += 1;
  }

  /** Changes whenever the view does (cheap to compare). */
  get key(): string {
    return `${this.task?.since ?? ''}|${this.task?.line ?? ''}|${this.toolCount}|${this.lastTool ?? ''}`;
  }

  get view(): PaneActivity {
    return {
      task: this.task === null ? null : { line: this.task.line, since: new Date(this.task.since).toISOString() },
      lastTool: this.lastTool,
      toolCount: this.toolCount,
    };
  }
}

/** The first line with text, whitespace collapsed, cut to MAX_TASK_LINE; null for blank text.
 *  Markdown heading marks go: "# Add --json" reads as "Add --json" on a card. */
export function firstLine(text: string): string | null {
  const line = text
    .split('\n')
    // Control characters go too: the line is drawn on a terminal.
    .map((l) =>
      l
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
        .replace(/^\s*#+\s+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .find((l) => l !== '');
  if (line === undefined) return null;
  return line.length > MAX_TASK_LINE ? `${line.slice(0, MAX_TASK_LINE - 1)}…` : line;
}
