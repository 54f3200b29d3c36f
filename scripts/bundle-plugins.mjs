// esbuild plugins shared by the TUI and daemon bundles (scripts/bundle-tui.mjs, bundle-daemon.mjs).
// Each rewrites a dependency's module at build time and fails the build when the dependency no
// longer looks the way it expects, so an upgrade cannot silently undo it.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** Where string-width's answer is one cell a character: the ranges whose characters are checked. */
const NARROW_CANDIDATES = [
  [0x00a0, 0x017f], // Latin-1 and Latin Extended-A
  [0x2010, 0x205e], // general punctuation (dashes, quotes, …, ·, ‼)
  [0x2190, 0x21ff], // arrows
  [0x2500, 0x25ff], // box drawing, blocks, geometric shapes
];

/**
 * The characters of NARROW_CANDIDATES that never join a neighbour into one grapheme (so a string of
 * them is one grapheme a character) and, given `stringWidth` (a copy of string-width), that it
 * counts as one cell on their own: a regular expression's class.
 */
function narrowClass(stringWidth = null) {
  const segmenter = new Intl.Segmenter();
  const single = (text) => [...segmenter.segment(text)].length;
  let out = '';
  for (const [from, to] of NARROW_CANDIDATES)
    for (let code = from; code <= to; code++) {
      const c = String.fromCodePoint(code);
      if (single(`a${c}a`) !== 3 || single(`${c}${c}`) !== 2 || single(`\x1b${c}\x1b`) !== 3) continue;
      if (stringWidth && (stringWidth(c) !== 1 || stringWidth(`${c}${c}`) !== 2)) continue;
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    }
  return out;
}

/**
 * string-width (Ink's measure of every text node, wrap-ansi's of every word) creates an
 * Intl.Segmenter when it loads (ICU's break iterator: 15–28 ms of the deck's start on 2 cores) and
 * runs each non-ASCII string through it and through /v regular expressions that take tens of ms to
 * compile on first use, where the deck's chrome is ASCII, box drawing and a few symbols. Patched:
 * the segmenter is made on first use, and a string made only of characters this very copy counts
 * as one cell each (checked here, at build time, against its own answer) is as wide as it is long.
 */
export const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(bundle) {
    bundle.onLoad({ filter: /\/string-width\/index\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const made = 'const segmenter = new Intl.Segmenter();';
      const used = 'segmenter.segment(';
      const stripped = '\tif (string.length === 0) {\n\t\treturn 0;\n\t}\n';
      const options = /\bambiguousIsNarrow = true,/;
      const once = (text) => source.split(text).length === 2;
      if (!once(made) || !once(used) || !once(stripped) || !options.test(source))
        throw new Error(`${args.path}: string-width changed; update stringWidthFastPath in scripts/bundle-plugins.mjs`);
      const { default: stringWidth } = await import(pathToFileURL(args.path).href);
      const narrow = narrowClass(stringWidth);
      if (narrow.length < 100)
        throw new Error(`${args.path}: string-width counts box drawing as wide; update stringWidthFastPath in scripts/bundle-plugins.mjs`);
      // string-width 8's emoji expression takes milliseconds to create and tens to compile: on first use.
      const rgi = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
      const lazyRgi =
        once(rgi) && once('rgiEmojiRegex.test(')
          ? (text) => text.replace(rgi, 'let rgiEmojiRegex;').replace('rgiEmojiRegex.test(', '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(')
          : (text) => text;
      const contents = lazyRgi(source)
        .replace(made, `let segmenter;\nconst narrowSingleCells = /^[\\u0020-\\u007e${narrow}]*$/;`)
        .replace(used, '(segmenter ??= new Intl.Segmenter()).segment(')
        .replace(stripped, `${stripped}\tif (ambiguousIsNarrow && narrowSingleCells.test(string)) {\n\t\treturn string.length;\n\t}\n`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The other two Intl.Segmenters Ink loads (see stringWidthFastPath): ansi-tokenize's, which splits
 * every line Ink writes into graphemes, and slice-ansi's, for clipped text. Both are made on first
 * use, and both split a line of printable ASCII, ESC and characters that never join a neighbour
 * (narrowClass, checked here) one code unit a grapheme, as the segmenter would: Ink clips the
 * deck's lines with slice-ansi, whose first segmenter (ICU's break iterator) was ~35 ms of the
 * first frame (a --cpu-prof of a warm start).
 */
export const lazyGraphemeSegmenters = {
  name: 'lazy-grapheme-segmenters',
  setup(bundle) {
    bundle.onLoad({ filter: /@alcalzone\/ansi-tokenize\/build\/tokenize\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const made = 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });';
      const used = 'for (const { segment, index } of segmenter.segment(str)) {';
      if (source.split(made).length !== 2 || source.split(used).length !== 2 || source.split('segmenter').length !== 3)
        throw new Error(`${args.path}: ansi-tokenize changed; update lazyGraphemeSegmenters in scripts/bundle-plugins.mjs`);
      const lazy = [
        'let segmenter;',
        `const singleUnitGraphemes = /^[\\u001b\\u0020-\\u007e${narrowClass()}]*$/;`,
        'function graphemesOf(str) {',
        '  if (!singleUnitGraphemes.test(str)) return (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(str);',
        '  const out = new Array(str.length);',
        '  for (let index = 0; index < str.length; index++) out[index] = { segment: str[index], index };',
        '  return out;',
        '}',
      ].join('\n');
      return { contents: source.replace(made, lazy).replace(used, 'for (const { segment, index } of graphemesOf(str)) {'), loader: 'js' };
    });
    bundle.onLoad({ filter: /\/slice-ansi\/tokenize-ansi\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const made = "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});";
      const uses = source.split('GRAPHEME_SEGMENTER').length - 1;
      if (source.split(made).length !== 2 || source.split('GRAPHEME_SEGMENTER.segment(').length !== uses)
        throw new Error(`${args.path}: slice-ansi changed; update lazyGraphemeSegmenters in scripts/bundle-plugins.mjs`);
      // slice-ansi iterates the segments and asks them for `containing(index)`: the stand-in for a
      // line of single-unit graphemes answers both as Intl.Segmenter's Segments would.
      const lazy = [
        'let graphemeSegmenter;',
        `const singleUnitGraphemes = /^[\\u001b\\u0020-\\u007e${narrowClass()}]*$/;`,
        'function singleUnitSegments(input) {',
        '  const at = (index) => ({ segment: input[index], index, input });',
        '  return {',
        '    containing: (index) => (index >= 0 && index < input.length ? at(Math.trunc(index)) : undefined),',
        '    *[Symbol.iterator]() { for (let index = 0; index < input.length; index++) yield at(index); },',
        '  };',
        '}',
        "const GRAPHEME_SEGMENTER = { segment: (text) => (singleUnitGraphemes.test(text) ? singleUnitSegments(text) : (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)) };",
      ].join('\n');
      return { contents: source.replace(made, lazy), loader: 'js' };
    });
  },
};

/**
 * signal-exit 3 (Ink's and restore-cursor's) loads Node's `assert` (4 internal modules) when it
 * loads, for one check that its caller passed a function. The same check without `assert`: a
 * missing callback still throws, with the same message.
 */
export const signalExitWithoutAssert = {
  name: 'signal-exit-without-assert',
  setup(bundle) {
    bundle.onLoad({ filter: /\/signal-exit\/index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const made = "var assert = require('assert')";
      const used = "assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')";
      if (!source.includes('require(')) return undefined; // signal-exit 4: an ES module without assert
      if (source.split(made).length !== 2 || source.split('assert').length !== 4 || !source.includes(used))
        throw new Error(`${args.path}: signal-exit changed; update signalExitWithoutAssert in scripts/bundle-plugins.mjs`);
      const check = "if (typeof cb !== 'function') throw new TypeError('a callback must be provided for exit handler')";
      return { contents: source.replace(made, '').replace(used, check), loader: 'js' };
    });
  },
};
