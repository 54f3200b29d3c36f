// esbuild plugins shared by the TUI and daemon bundles (scripts/bundle-tui.mjs, bundle-daemon.mjs).
// Each rewrites a dependency's module at build time and fails the build when the dependency no
// longer looks the way it expects, so an upgrade cannot silently undo it.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** zod's `locales` namespace with English only (config() uses `en`; nothing here reads the rest):
 *  the other languages were 360 KB of the bundle's source to parse. */
export const englishOnlyZod = {
  name: 'zod-english-only',
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'zod-english' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'zod-english' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: root }));
  },
};

/**
 * Ink's layout engine (yoga-layout) is WebAssembly shipped as a base64 data: URL, which its
 * Emscripten loader fetches through Node's fetch (loading undici) and decodes in JavaScript: 40–120 ms
 * of the deck's start on 2 cores. Handed the bytes (`wasmBinary`, decoded natively by Buffer) it
 * instantiates in ~15 ms.
 */
export const yogaWasmBinary = {
  name: 'yoga-wasm-binary',
  setup(bundle) {
    bundle.onLoad({ filter: /yoga-layout\/dist\/binaries\/yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const dataUrl = /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(source);
      const binaryOption = 'h.wasmBinary&&(w=h.wasmBinary)';
      if (!dataUrl || !source.includes(binaryOption))
        throw new Error(`${args.path}: yoga-layout's loader changed; update yogaWasmBinary in scripts/bundle-plugins.mjs`);
      const contents = source
        .replace(dataUrl[0], 'H="data:application/octet-stream;base64,"')
        .replace(binaryOption, `w=h.wasmBinary||Buffer.from(YOGA_WASM_BASE64,"base64")`);
      return { contents: `const YOGA_WASM_BASE64 = ${JSON.stringify(dataUrl[1])};\n${contents}`, loader: 'js' };
    });
  },
};

/**
 * Ink turns its grid of styled cells back into text with ansi-tokenize's styledCharsToString, which
 * diffs the styles of every pair of neighbouring cells (three Sets and four arrays a cell): with a
 * 200×50 deck most of an Ink frame, and ~50 ms of the first one while nothing is compiled yet.
 * Neighbours with the same codes (blank cells, a run of one colour) need no diff: the diff of two
 * equal style lists is empty, so the output is byte for byte the same.
 */
export const ansiSameStyleFastPath = {
  name: 'ansi-same-style-fast-path',
  setup(bundle) {
    bundle.onLoad({ filter: /@alcalzone\/ansi-tokenize\/build\/styledChars\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const diff = 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));';
      if (!source.includes(diff)) throw new Error(`${args.path}: ansi-tokenize changed; update ansiSameStyleFastPath in scripts/bundle-plugins.mjs`);
      const same =
        'function sameStyles(a, b) { if (a === b) return true; if (a.length !== b.length) return false; for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false; return true; }\n';
      return { contents: same + source.replace(diff, `if (!sameStyles(chars[i - 1].styles, char.styles)) ${diff}`), loader: 'js' };
    });
  },
};

/**
 * Node's built-in modules as `require()` calls, so that an ESM bundle has no import statement
 * left and can be compiled as a function body (scripts/bundle-deck.mjs). The bundle's `require`
 * is the one its loader passes in (cli/deck-bundle.ts).
 */
export const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(bundle) {
    bundle.onResolve({ filter: /^(node:)?[a-z0-9_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtinModules.includes(name)) return undefined;
      // The stand-in module's own require() of the built-in stays a require().
      if (args.namespace === 'builtin') return { path: `node:${name}`, external: true };
      return { path: `node:${name}`, namespace: 'builtin' };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
