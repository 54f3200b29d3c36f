// Loads what `dot-agent-deck` alone runs: dist/deck/deck.js (scripts/bundle-deck.mjs), compiled
// with V8's code cache kept in the cache directory (common/code-cache.ts), so that a start after
// the first one skips compiling the deck, Ink and React (bench first-frame). Without the bundle
// (a tsc-only build) it imports cli/deck-entry.ts as modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCachedScript } from '../common/code-cache.js';
import { traceStartup } from '../common/startup-trace.js';
import { cacheDir } from '../config/paths.js';
import type * as DeckEntry from './deck-entry.js';

export type DeckEntryModule = typeof DeckEntry;

export interface LoadedDeck {
  entry: DeckEntryModule;
  /** Keeps what V8 has compiled so far for the next start; call it once the deck is drawn. */
  saveCodeCache(): Promise<void>;
}

const BUNDLE = fileURLToPath(new URL('../deck/deck.js', import.meta.url));
const HEADER = /^\/\* dot-agent-deck deck bundle ([0-9a-f]{64}) \*\/\n/;
const CACHE_PREFIX = 'deck-';

type BundleBody = (require: NodeJS.Require, moduleUrl: string, exportEntry: (entry: DeckEntryModule) => void) => Promise<void>;

export async function loadDeck(env: NodeJS.ProcessEnv): Promise<LoadedDeck> {
  let source: string;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch {
    return { entry: await import('./deck-entry.js'), saveCodeCache: () => Promise.resolve() };
  }
  const hash = HEADER.exec(source)?.[1];
  // The cache is keyed by the bundle's hash and the V8 that compiled it.
  const cacheFile = hash ? join(cacheDir(env), `${CACHE_PREFIX}${hash.slice(0, 16)}-${process.version}-${process.arch}.v8`) : null;
  const script = runCachedScript({ source, filename: BUNDLE, cacheFile, stalePrefix: CACHE_PREFIX });
  traceStartup(script.fromCache ? 'bundle-compiled-cached' : 'bundle-compiled');
  let entry: DeckEntryModule | undefined;
  await (script.value as BundleBody)(createRequire(BUNDLE), pathToFileURL(BUNDLE).href, (exported) => {
    entry = exported;
  });
  if (!entry) throw new Error(`${BUNDLE} did not hand over the deck; run npm run build`);
  return { entry, saveCodeCache: () => script.save() };
}
