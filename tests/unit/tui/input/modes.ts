// Pane modes for input tests: a plain shell, and overrides for full-screen programs.
import type { PaneModes } from '../../../../src/protocol/pane-types.js';

export const SHELL_MODES: PaneModes = {
  bracketedPaste: false,
  applicationCursor: false,
  applicationKeypad: false,
  mouseTracking: 'none',
  mouseSgr: false,
  focusEvents: false,
  alternateScreen: false,
  cursorVisible: true,
};

export const modes = (overrides: Partial<PaneModes> = {}): PaneModes => ({ ...SHELL_MODES, ...overrides });
