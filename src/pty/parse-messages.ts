// The messages between the daemon's thread and the parse worker (pty/parse-worker.ts), both
// directions as closed unions. Output goes to the worker as bytes; what comes back is which
// writes are parsed, the program's query answers, title changes and the shared budget's total.
// Reads of the screen (frames, text, modes) are synchronous calls (pty/parse-worker-client.ts).
import type { PaneModes } from '../protocol/pane-types.js';
import type { RenderedScreen } from './render-screen.js';

export interface TerminalSetup {
  cols: number;
  rows: number;
  scrollback: number;
  scrollbackBytes?: number;
  keptInXterm?: number;
  /** The shared budget this terminal's packed history joins (one per id in the worker). */
  budget?: { id: number; maxBytes: number };
}

export type ToWorker =
  | { t: 'create'; id: number; setup: TerminalSetup }
  /** Output read since the last post, one entry per pane (`writes`: how many writes it joins). */
  | { t: 'writes'; writes: [id: number, data: Uint8Array, writes: number][] }
  | { t: 'prioritize'; id: number }
  | { t: 'reset'; id: number }
  | { t: 'end'; id: number }
  | { t: 'resize'; id: number; cols: number; rows: number }
  | { t: 'call'; call: Call };

export type Call =
  | { op: 'render'; id: number; scrollOffset: number | undefined }
  | { op: 'text'; id: number; scrollback: number | undefined }
  | { op: 'modes'; id: number }
  | { op: 'archivedBytes'; id: number }
  | { op: 'pendingChars'; id: number }
  /** Frees the terminal; answers with its budget's bytes afterwards (0 without one). */
  | { op: 'dispose'; id: number }
  /** The worker's young generation as committed, in bytes (diagnostics: its size is set by a flag). */
  | { op: 'newSpaceBytes' };

export type CallResult = { t: 'result'; ok: true; value: RenderedScreen | string[] | PaneModes | number } | { t: 'result'; ok: false; message: string };

export type FromWorker =
  /** Per terminal, how many of its writes (and resets) were parsed since the last report, in order. */
  | { t: 'parsed'; counts: [id: number, writes: number][]; budgets: [id: number, bytes: number][] }
  | { t: 'reply'; id: number; data: string }
  | { t: 'title'; id: number; title: string }
  /** The answer to the call the daemon is waiting for. */
  | CallResult;
