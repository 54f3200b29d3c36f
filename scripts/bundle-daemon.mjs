// Bundles the daemon (what `dot-agent-deck daemon run` loads; the CLI's auto-start runs exactly
// that) into dist/daemon-bundle/. Measured: the tsc output opened ~380 files before the socket
// listened (65 of them zod's locales, 22 CLI commands commander registers); start → socket ready
// went 740 → 409 ms at load 14 (bare node listening: 201 ms). The pane engine (pane-session and
// what it imports) is its own chunk, so the daemon still listens before loading it; node-pty and
// xterm stay in node_modules. Zod's messages in other languages are left out (the deck speaks
// English; they were 360 KB of the 1.1 MB); whitespace and syntax are minified, names kept, so a
// logged stack still reads.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englishOnlyZod } from './bundle-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const outdir = `${root}dist/daemon-bundle`;
rmSync(outdir, { recursive: true, force: true });

await build({
  // The parse worker is its own entry: pty/parse-worker-client.ts starts the script next to it.
  entryPoints: { main: `${root}dist/daemon/main.js`, 'parse-worker': `${root}dist/pty/parse-worker.js` },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['node-pty', '@xterm/*'],
  plugins: [englishOnlyZod],
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS dependencies call require(); ESM output has none, so provide it.
  banner: { js: "import { createRequire as __deckCreateRequire } from 'node:module'; const require = __deckCreateRequire(import.meta.url);" },
});
