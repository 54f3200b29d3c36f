// Pane modes for input tests: a plain shell, and overrides for full-screen programs.
import { PLAIN_PANE_MODES, type PaneModes } from '../../../../src/protocol/pane-types.js';

export const SHELL_MODES: PaneModes = PLAIN_PANE_MODES;

export const modes = (overrides: Partial<PaneModes> = {}): PaneModes => ({ ...SHELL_MODES, ...overrides });
