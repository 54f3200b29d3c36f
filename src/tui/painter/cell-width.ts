// How many cells a code point takes, by the same Unicode 11 table the daemon's headless terminal
// uses (ARCHITECTURE.md §9), so the painter cuts a row exactly where the pane's screen has its cells.
import unicode11 from '@xterm/addon-unicode11';

interface WidthProvider {
  wcwidth(codepoint: number): 0 | 1 | 2;
}

/** The addon hands its provider to `terminal.unicode.register` (public xterm API); we keep it. */
function loadProvider(): WidthProvider {
  let provider: WidthProvider | null = null;
  const host = { unicode: { register: (p: WidthProvider) => void (provider = p) } };
  new unicode11.Unicode11Addon().activate(host as never);
  if (!provider) throw new Error('@xterm/addon-unicode11 registered no width provider');
  return provider;
}

const provider = loadProvider();

export function cellWidth(codepoint: number): 0 | 1 | 2 {
  return provider.wcwidth(codepoint);
}
