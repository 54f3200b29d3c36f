// Types text into panes. One writer lock per pane is held across text + pause + Enter, so two
// injections never interleave; every write is bound to the agent id it was meant for, so a pane
// respawned in between gets nothing meant for its predecessor.
import { UserError } from '../common/errors.js';
import { containsPasteMarker, PASTE_END, PASTE_START } from '../protocol/bracketed-paste.js';
import { typeAndSubmit } from '../pty/submit-line.js';
import type { PaneHost } from './pane-host.js';

export interface TypeOptions {
  submit: boolean;
  /** Write only while the pane still runs this agent; defaults to the current one. */
  agentId?: string;
  pauseMs?: number;
  /** Type even one line as a bracketed paste (when the program has the mode on): the agent
   *  would take some typed characters as key bindings (agents/agent-adapter.ts `typeLineAs`). */
  asPaste?: boolean;
}

export interface TypeResult {
  bytes: number;
  bracketedPaste: boolean;
}

export class PaneWriters {
  private readonly locks = new Map<string, Promise<unknown>>();

  /** Runs `job` while holding the pane's writer lock. */
  withLock<T>(paneId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(paneId) ?? Promise.resolve();
    const next = previous.then(job, job);
    const settled = next.catch(() => undefined);
    this.locks.set(paneId, settled);
    void settled.then(() => {
      if (this.locks.get(paneId) === settled) this.locks.delete(paneId);
    });
    return next;
  }

  type(host: PaneHost, text: string, options: TypeOptions): Promise<TypeResult> {
    if (containsPasteMarker(text)) {
      throw new UserError('The text contains bracketed-paste markers (ESC[200~ / ESC[201~), which would break out of a paste.', {
        hint: 'remove the escape sequences from the text',
      });
    }
    const agentId = options.agentId ?? host.agentId;
    return this.withLock(host.paneId, async () => {
      assertSameAgent(host, agentId);
      const multiline = /[\r\n]/.test(text);
      const bracketedPaste = (multiline || (options.asPaste === true && text.length > 0)) && host.modes.bracketedPaste;
      // Without bracketed paste a newline is typed as Enter, as a person typing would.
      const payload = bracketedPaste ? `${PASTE_START}${text}${PASTE_END}` : text.replace(/\r?\n/g, '\r');
      const bytes = Buffer.byteLength(payload);
      if (!options.submit) {
        if (payload.length > 0) host.write(payload);
        return { bytes, bracketedPaste };
      }
      await typeAndSubmit({ write: (data) => host.write(data), sleep: delay, beforeEnter: () => assertSameAgent(host, agentId) }, payload, options.pauseMs);
      return { bytes: bytes + 1, bracketedPaste };
    });
  }
}

function assertSameAgent(host: PaneHost, agentId: string): void {
  if (host.state.kind !== 'running') {
    throw new UserError(`Pane ${host.paneId} is not running; nothing was typed.`);
  }
  if (host.agentId !== agentId) {
    throw new UserError(`Pane ${host.paneId} was restarted (agent ${agentId} is gone); nothing more was typed.`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
