// Which node-pty the deck runs on. The prebuilt `@lydell/node-pty` comes first: it installs with
// no compiler (1.1 s against 6.0 s for a source build, bench/RESULTS.md "Install"). `node-pty`, an
// optional dependency built from source where a compiler exists, is the fallback for platforms
// without a prebuilt. The choice is pure over a loader, so a table test covers every outcome.
import { createRequire } from 'node:module';
import type * as NodePty from '@lydell/node-pty';
import { UserError, errorMessage } from '../common/errors.js';

/**
 * node-pty's PTY. Both packages write Buffers as well as strings (to the PTY's socket or fd; a
 * 1 MiB Buffer arrives whole through either, bench/RESULTS.md "Install"); the prebuilt's typings
 * only say string.
 */
export type IPty = Omit<NodePty.IPty, 'write'> & { write(data: string | Buffer): void };

export interface PtyModule {
  spawn(file: string, args: string[], options: NodePty.IPtyForkOptions): IPty;
}

/** The packages tried, in order; both export node-pty's API (same version, same typings). */
export const PTY_PACKAGES = ['@lydell/node-pty', 'node-pty'] as const;

/** The first package whose native binding loads; a UserError naming every failure otherwise. */
export function choosePtyModule(load: (name: string) => unknown): { name: string; module: PtyModule } {
  const failures: string[] = [];
  for (const name of PTY_PACKAGES) {
    try {
      const module = load(name) as Partial<PtyModule> | undefined;
      if (typeof module?.spawn === 'function') return { name, module: module as PtyModule };
      failures.push(`${name}: it has no spawn function`);
    } catch (error) {
      failures.push(`${name}: ${firstLine(errorMessage(error))}`);
    }
  }
  throw new UserError(`No PTY binding loads on ${process.platform}-${process.arch} (${failures.join('; ')}).`, {
    hint: 'reinstall dot-agent-deck with npm (not a copied node_modules); on a platform without a prebuilt, install python3, make and g++ first so node-pty builds',
  });
}

let chosen: PtyModule | undefined;

/** The PTY module, loaded once on first use (the daemon listens before it needs one). */
export function ptyModule(): PtyModule {
  chosen ??= choosePtyModule(createRequire(import.meta.url)).module;
  return chosen;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
