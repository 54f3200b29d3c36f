// What a pane looks like on the wire: its modes and frames of pre-rendered rows.
// Produced by pty/ (daemon side), consumed by the TUI's painter and by `capture`.
import { z } from 'zod';

export const MouseTracking = z.enum(['none', 'x10', 'vt200', 'drag', 'any']);
export type MouseTracking = z.infer<typeof MouseTracking>;

/** Terminal modes the program in a pane switched on; the client re-encodes input for them. */
export const PaneModes = z.object({
  bracketedPaste: z.boolean(),
  applicationCursor: z.boolean(),
  applicationKeypad: z.boolean(),
  mouseTracking: MouseTracking,
  /** SGR mouse encoding (mode 1006); otherwise the legacy X10 byte encoding. */
  mouseSgr: z.boolean(),
  focusEvents: z.boolean(),
  alternateScreen: z.boolean(),
  cursorVisible: z.boolean(),
});
export type PaneModes = z.infer<typeof PaneModes>;

/** The modes of a plain program that switched nothing on (a freshly reset terminal). */
export const PLAIN_PANE_MODES: Readonly<PaneModes> = Object.freeze({
  bracketedPaste: false,
  applicationCursor: false,
  applicationKeypad: false,
  mouseTracking: 'none',
  mouseSgr: false,
  focusEvents: false,
  alternateScreen: false,
  cursorVisible: true,
});

export const CursorPosition = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  visible: z.boolean(),
});
export type CursorPosition = z.infer<typeof CursorPosition>;

/**
 * One frame of a pane. `lines` holds [rowIndex, row] pairs; each row is one string that starts
 * with an SGR reset and, written at column 0 of that row, paints exactly `cols` cells.
 * A `full` frame carries every row; otherwise only rows that changed since the last frame the
 * same subscriber received.
 */
export const PaneFrame = z.object({
  paneId: z.string(),
  cols: z.number().int().positive(),
  rows: z.number().int().positive(),
  full: z.boolean(),
  lines: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
  cursor: CursorPosition,
  modes: PaneModes,
  title: z.string(),
  /** Lines scrolled back from the bottom (0 = live view), and how many scrollback lines exist. */
  scroll: z.object({ offset: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
});
export type PaneFrame = z.infer<typeof PaneFrame>;

export const PaneExit = z.object({
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
});
export type PaneExit = z.infer<typeof PaneExit>;
