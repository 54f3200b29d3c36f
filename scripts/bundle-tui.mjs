// Bundles the TUI (what `dot-agent-deck` loads to open the deck) into one file, in place of
// dist/tui/app/run-deck.js. Measured: loading the tsc output takes 310-350 ms, most of it Node's
// module loader walking ~900 files (ink pulls 336 es-toolkit files for one throttle function);
// the bundle loads in ~95 ms, and React runs in production mode. Other commands stay unbundled.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `${root}dist/tui/app/run-deck.js`;

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads react-devtools-core only when DEV=true; it is not installed and never used here.
  alias: { 'react-devtools-core': `${root}scripts/empty-module.js` },
  // Bundled CommonJS dependencies call require(); ESM output has none, so provide it.
  banner: { js: "import { createRequire as __deckCreateRequire } from 'node:module'; const require = __deckCreateRequire(import.meta.url);" },
});
