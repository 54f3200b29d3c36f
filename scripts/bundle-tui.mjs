// Bundles the deck: what `dot-agent-deck` alone loads (dist/cli/open-deck.js, reached from
// cli/main.ts without commander) and the TUI that `demo` and `connect` load too
// (dist/tui/app/run-deck.js), each in place of tsc's output, with what they share in
// dist/deck-chunks/ (two levels down, like every module that finds the package from its own URL).
// Measured: loading the tsc output took 310-350 ms, most of it Node's module loader walking ~900
// files (ink pulls 336 es-toolkit files for one throttle function); the bundle loads in ~95 ms,
// and React runs in production mode. The open-deck entry stays small so that the connection to
// the daemon starts before Ink and React load. Other commands stay unbundled.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ansiSameStyleFastPath, englishOnlyZod, yogaWasmBinary } from './bundle-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(`${dist}/deck-chunks`, { recursive: true, force: true });

await build({
  entryPoints: [`${dist}/cli/open-deck.js`, `${dist}/tui/app/run-deck.js`],
  outbase: dist,
  outdir: dist,
  chunkNames: 'deck-chunks/[name]-[hash]',
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Less source to scan on every start; names kept, so a logged stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [englishOnlyZod, yogaWasmBinary, ansiSameStyleFastPath],
  alias: {
    // Ink loads react-devtools-core (and ws, for it) only when DEV=true; neither is used here.
    'react-devtools-core': `${root}scripts/empty-module.js`,
    ws: `${root}scripts/empty-module.js`,
  },
  // Bundled CommonJS dependencies call require(); ESM output has none, so provide it.
  banner: { js: "import { createRequire as __deckCreateRequire } from 'node:module'; const require = __deckCreateRequire(import.meta.url);" },
});
