// A real @xterm/headless terminal set up like a pane's (Unicode 11 widths, silent), for tests
// that feed bytes in and inspect the screen without a PTY.
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';

const { Terminal } = xtermHeadless;
export type HeadlessTerminal = InstanceType<typeof Terminal>;

export function createHeadlessTerminal(cols: number, rows: number): HeadlessTerminal {
  const term = new Terminal({ cols, rows, allowProposedApi: true, logLevel: 'off' });
  term.loadAddon(new unicode11.Unicode11Addon());
  term.unicode.activeVersion = '11';
  return term;
}

/** Writes `data` and resolves once xterm.js has parsed it. */
export function writeAndParse(term: HeadlessTerminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}
