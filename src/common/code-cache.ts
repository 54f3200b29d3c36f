// A script compiled with V8's code cache kept in a file: Node 20 caches compiled code for
// CommonJS only in memory, and for ES modules not at all (cli/deck-bundle.ts uses this for the
// deck). The cache is an optimisation and nothing more: a cache that is missing, unreadable,
// rejected by V8 (another V8, other flags) or cannot be written means compiling without it.
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedScriptOptions {
  source: string;
  /** The script's file, for stack traces. */
  filename: string;
  /** Where the cache is kept; null: no cache. Its name must change with the source. */
  cacheFile: string | null;
  /** Other files in the cache's directory that start with this are stale caches, removed on save. */
  stalePrefix?: string;
}

export interface CachedScript {
  /** What the script's last statement evaluates to. */
  value: unknown;
  /** True when V8 took the cached code. */
  fromCache: boolean;
  /**
   * Writes the cache (once, and only when it was not used), with whatever the script has compiled
   * by now: call it after the code that matters has run. Never throws.
   */
  save(): Promise<void>;
}

export function runCachedScript(options: CachedScriptOptions): CachedScript {
  const { cacheFile } = options;
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet (or unreadable): compile from source.
    }
  }
  const script = new Script(options.source, { filename: options.filename, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  const value: unknown = script.runInThisContext();
  let saved = fromCache || cacheFile === null;
  return {
    value,
    fromCache,
    async save() {
      if (saved || cacheFile === null) return;
      saved = true;
      try {
        const data = script.createCachedData();
        const dir = dirname(cacheFile);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const { writeFileAtomicSync } = await import('./fs-atomic.js');
        writeFileAtomicSync(cacheFile, data, { mode: 0o600 });
        if (options.stalePrefix !== undefined) removeStale(dir, options.stalePrefix, basename(cacheFile));
      } catch {
        // A read-only or full disk: the next start compiles again, that is all.
      }
    },
  };
}

/** One cache per script: those of earlier builds or Node versions go when a new one is written. */
function removeStale(dir: string, prefix: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    if (name === keep || !name.startsWith(prefix)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Another deck removed it first, or it is not ours to remove.
    }
  }
}
