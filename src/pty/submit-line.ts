// How the deck submits typed text to a program in a pane: the text, a pause, then a lone Enter
// (CR) in a write of its own. The one definition for `send` (daemon/pane-writer.ts) and for
// delegations and notices (orchestration/delivery.ts); the caller holds the pane's writer lock.
import { PASTE_END, PASTE_START } from '../protocol/bracketed-paste.js';

/** 150 ms: Claude Code treats a CR fused to the text (same write) as a newline, not a submit. */
export const SUBMIT_PAUSE_MS = 150;

export interface SubmitSteps {
  write(data: string): void;
  sleep(ms: number): Promise<void>;
  /** Runs after the pause, right before Enter; throws to stop (the pane's agent changed), or
   *  resolves to false to leave Enter unpressed (delivery: the box does not show the text once). */
  beforeEnter?(): void | boolean | Promise<void | boolean>;
}

/** The bytes that type one line: wrapped as a bracketed paste when the agent asks for it and the
 *  program has the mode on (agents/agent-adapter.ts `typeLineAs`), else the line itself. */
export function lineBytes(line: string, asPaste: boolean, bracketedPaste: boolean): string {
  return asPaste && bracketedPaste ? `${PASTE_START}${line}${PASTE_END}` : line;
}

/** Types `text`, pauses `pauseMs`, then presses Enter; true when Enter was pressed. Empty text is
 *  a lone Enter, no pause. */
export async function typeAndSubmit(steps: SubmitSteps, text: string, pauseMs = SUBMIT_PAUSE_MS): Promise<boolean> {
  if (text.length > 0) {
    steps.write(text);
    await steps.sleep(pauseMs);
  }
  if ((await steps.beforeEnter?.()) === false) return false;
  steps.write('\r');
  return true;
}
