// The build-time rewrites of Ink's text dependencies (scripts/bundle-plugins.mjs) must answer
// exactly as the originals: each patched module, bundled with its plugin, beside the original.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { lazyGraphemeSegmenters, signalExitWithoutAssert, stringWidthFastPath } from '../../../scripts/bundle-plugins.mjs';

const modules = {
  stringWidth8: resolve('node_modules/string-width/index.js'),
  stringWidth7: resolve('node_modules/wrap-ansi/node_modules/string-width/index.js'),
  tokenize: resolve('node_modules/@alcalzone/ansi-tokenize/build/tokenize.js'),
  sliceAnsi: resolve('node_modules/slice-ansi/index.js'),
} as const;
type Name = keyof typeof modules;
type Loaded = Record<Name, (...args: unknown[]) => unknown>;

const TEXTS = [
  '',
  'plain ascii',
  '\x1b[1mbold\x1b[22m and \x1b[38;5;203mcolour\x1b[39m',
  '─│┌┐└┘├┤ box drawing ═║',
  '● idle · 3 tools … ✓ done ⠋ ◐',
  'café naïve Ärger ß ©®',
  'wide 日本語 and 한국어',
  'emoji 😀 👍🏽 👨‍👩‍👧 ❤️ ⚡ 1️⃣',
  'combining e\u0301 a\u0308 and zero\u200bwidth\u00ad',
  'a\r\nb\tc\x07',
  '\x1b]8;;https://example.com\x07link\x1b]8;;\x07 after',
  '│ \x1b[2m▶ p1\x1b[22m ◾◽ ⌚',
  '\x1b[31m─\x1b[39m│x\x1b[7m \x1b[27m╭─ 1 p1 ─╮',
  'e\x1b[1m\u0301\x1b[22m split by a code',
];

/** Lines like the deck's chrome: ASCII, SGR codes, box drawing and narrow symbols. */
const CHROME = ['', ' COMMAND  ctrl+n new · ? help ', '\x1b[1m╭─ 1 p1 ─╮\x1b[22m │ ● idle … › ×', '\x1b[38;5;203m▸\x1b[39m p2 ─┤'];

let dir: string;
let patchedSource: string;
let patched: Loaded;
let original: Loaded;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dad-plugins-'));
  const entries = Object.entries(modules).map(([name, file]) =>
    name === 'tokenize' ? `export { tokenize as ${name} } from ${JSON.stringify(file)};` : `export { default as ${name} } from ${JSON.stringify(file)};`,
  );
  const result = await build({
    stdin: { contents: entries.join('\n'), resolveDir: process.cwd(), sourcefile: 'entry.js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    plugins: [stringWidthFastPath, lazyGraphemeSegmenters],
    logLevel: 'silent',
  });
  const file = join(dir, 'patched.mjs');
  patchedSource = result.outputFiles[0]!.text;
  writeFileSync(file, patchedSource);
  patched = (await import(pathToFileURL(file).href)) as Loaded;
  original = {} as Loaded;
  for (const [name, path] of Object.entries(modules) as [Name, string][]) {
    const loaded = (await import(pathToFileURL(path).href)) as Record<string, (...args: unknown[]) => unknown>;
    original[name] = name === 'tokenize' ? loaded.tokenize! : loaded.default!;
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the patched text dependencies answer as the originals', () => {
  // First, before any test makes the modules' lazy segmenters: the chrome needs none of them.
  it('measures, tokenizes and clips lines of the chrome without an Intl.Segmenter', () => {
    const made: unknown[] = [];
    const intl = Intl as { Segmenter: typeof Intl.Segmenter };
    const Segmenter = intl.Segmenter;
    intl.Segmenter = class extends Segmenter {
      constructor(...args: ConstructorParameters<typeof Segmenter>) {
        super(...args);
        made.push(args);
      }
    };
    try {
      for (const text of CHROME) {
        patched.stringWidth8(text);
        patched.stringWidth7(text);
        patched.tokenize(text);
        for (const [from, to] of [
          [0, 1],
          [1, 8],
          [3, undefined],
        ])
          expect(patched.sliceAnsi(text, from, to)).toBe(original.sliceAnsi(text, from, to));
      }
    } finally {
      intl.Segmenter = Segmenter;
    }
    expect(made).toEqual([]);
  });

  it('rewrote every module (string-width twice)', () => {
    expect(patchedSource.match(/narrowSingleCells\d* = /g)).toHaveLength(2);
    expect(patchedSource.match(/singleUnitGraphemes\d* = /g)).toHaveLength(2);
    expect(patchedSource).toContain('graphemeSegmenter ??=');
    expect(patchedSource).not.toMatch(/(?<!\?\?)= new Intl\.Segmenter\(/);
  });

  it.each(TEXTS)('string-width 8 and 7: %j', (text) => {
    for (const name of ['stringWidth8', 'stringWidth7'] as const) {
      expect(patched[name](text)).toBe(original[name](text));
      expect(patched[name](text, { ambiguousIsNarrow: false })).toBe(original[name](text, { ambiguousIsNarrow: false }));
    }
  });

  it.each(TEXTS)('ansi-tokenize: %j', (text) => {
    expect(patched.tokenize(text)).toEqual(original.tokenize(text));
  });

  it.each(TEXTS)('slice-ansi: %j', (text) => {
    for (const [from, to] of [
      [0, 3],
      [2, 9],
      [1, undefined],
      [0, 1],
      [5, 6],
    ])
      expect(patched.sliceAnsi(text, from, to)).toBe(original.sliceAnsi(text, from, to));
  });

  it('checks every narrow character of the fast path against string-width itself', () => {
    const narrow = [...'─│┌┐└┘├┤═║●·…✓◐▶éÄß'].join('');
    expect(patched.stringWidth8(narrow)).toBe(narrow.length);
    // ◾ is two cells wide (emoji presentation): the fast path must not count it as one.
    expect(patched.stringWidth8('◾')).toBe(original.stringWidth8('◾'));
    expect(original.stringWidth8('◾')).toBe(2);
  });
});

describe('signal-exit 3 without assert', () => {
  it.each([['ink/node_modules/signal-exit/index.js'], ['restore-cursor/node_modules/signal-exit/index.js']])(
    '%s: loads no assert, refuses a missing callback as before, and hands back a remover',
    async (path) => {
      const result = await build({
        entryPoints: [resolve('node_modules', path)],
        bundle: true,
        write: false,
        format: 'cjs',
        platform: 'node',
        plugins: [signalExitWithoutAssert],
        logLevel: 'silent',
      });
      const source = result.outputFiles[0]!.text;
      expect(source).not.toMatch(/require\(["']assert["']\)/);
      const file = join(dir, `signal-exit-${path.split('/')[0]}.cjs`);
      writeFileSync(file, source);
      const onExit = createRequire(import.meta.url)(file) as (cb: unknown) => () => void;
      expect(() => onExit(undefined)).toThrow('a callback must be provided for exit handler');
      const remove = onExit(() => undefined);
      expect(typeof remove).toBe('function');
      remove();
    },
  );
});
