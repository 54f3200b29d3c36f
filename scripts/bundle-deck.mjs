// Bundles what `dot-agent-deck` alone runs (cli/deck-entry.ts: the deck, Ink, React and the
// protocol) into dist/deck/deck.js: ONE function body, not a module, so that cli/deck-bundle.ts
// can compile it with vm.Script and V8's code cache, which Node 20 offers for scripts only
// (no module.enableCompileCache). Measured on 2 cores: compiling the 1.5 MB bundle took 33-43 ms,
// with the cache 8 ms, and the functions the first frame runs come compiled too.
//
// The file is `/* dot-agent-deck deck bundle SHA256 */` on its first line (the cache's key: the
// hash of everything after that line), then `(async function (require, __deckModuleUrl,
// __deckExport) { … })`. Built-ins are require()s of the loader's require (requireBuiltins in
// scripts/bundle-builtins.mjs; a few load on first call),
// import.meta.url is the bundle's URL, and top-level await (yoga's) works because the body is an
// async function. The build fails if any other import or an export is left.
// Runs before scripts/bundle-tui.mjs, which rewrites dist/cli/open-deck.js in place.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isBuiltin, requireBuiltins } from './bundle-builtins.mjs';
import {
  ansiSameStyleFastPath,
  englishOnlyZod,
  lazyGraphemeSegmenters,
  signalExitWithoutAssert,
  stringWidthFastPath,
  yogaWasmBinary,
} from './bundle-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const out = `${dist}/deck/deck.js`;
rmSync(`${dist}/deck`, { recursive: true, force: true });

const result = await build({
  stdin: {
    contents: "import * as entry from './cli/deck-entry.js'; __deckExport(entry);",
    resolveDir: dist,
    sourcefile: 'deck-bundle-entry.js',
  },
  outfile: out,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  metafile: true,
  // Less source to read and hash on every start; names kept, so a logged stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__deckModuleUrl' },
  plugins: [englishOnlyZod, yogaWasmBinary, ansiSameStyleFastPath, stringWidthFastPath, lazyGraphemeSegmenters, signalExitWithoutAssert],
  alias: {
    // Ink loads react-devtools-core (and ws, for it) only when DEV=true; neither is used here.
    'react-devtools-core': `${root}scripts/empty-module.js`,
    ws: `${root}scripts/empty-module.js`,
  },
});

const [output] = result.outputFiles;
const meta = Object.values(result.metafile.outputs)[0];
const left = meta.imports.filter((i) => !(i.external && isBuiltin(i.path) && ['import-statement', 'require-call', 'dynamic-import'].includes(i.kind)));
if (result.outputFiles.length !== 1 || left.length > 0 || meta.exports.length > 0 || output.text.includes('import.meta'))
  throw new Error(
    `dist/deck/deck.js would not be a plain function body (imports ${JSON.stringify(left)}, exports ${meta.exports}); see scripts/bundle-deck.mjs`,
  );
const body = `(async function (require, __deckModuleUrl, __deckExport) {\n${requireBuiltins(output.text, out)}\n})\n`;
// An import statement left over is a syntax error in a function body: here, not in a user's deck.
new Script(body, { filename: out });
const hash = createHash('sha256').update(body).digest('hex');
mkdirSync(`${dist}/deck`, { recursive: true });
writeFileSync(out, `/* dot-agent-deck deck bundle ${hash} */\n${body}`);
