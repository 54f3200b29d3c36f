// Maps key paths (`orchestrations[0].roles[2].clear`) to where they are written in a TOML file.
// @iarna/toml returns values without positions, so toml-scanner.ts walks the text once,
// tracking `[table]` / `[[array.of.tables]]` headers (and their indices), `key = value` lines,
// dotted keys, inline tables and arrays; this class answers lookups from what it recorded.
import { formatPath, type PathSegments } from './config-issue.js';
import { TomlScanner, type HeaderRef, type TomlEntry } from './toml-scanner.js';

export type { EntryKind, HeaderRef, TomlEntry } from './toml-scanner.js';

export interface Position {
  line: number;
  column: number;
}

/** The locations of every key, header and array element of one TOML text. */
export class TomlLocations {
  private lineStarts: number[] | undefined;

  private constructor(
    private readonly text: string,
    private readonly entries: ReadonlyMap<string, TomlEntry>,
    /** The first `[table]` or `[[array]]` header: top-level keys must come before it. */
    readonly firstHeader: HeaderRef | undefined,
  ) {}

  static scan(text: string): TomlLocations {
    const scanner = new TomlScanner(text);
    scanner.run();
    return new TomlLocations(text, scanner.entries, scanner.firstHeader);
  }

  get(path: PathSegments): TomlEntry | undefined {
    return this.entries.get(formatPath(path));
  }

  /**
   * Where `path` is written; a key that is not written at all (a missing required key) falls
   * back to its nearest written parent, usually the table header it belongs under.
   */
  locate(path: PathSegments): Position {
    for (let n = path.length; n > 0; n--) {
      const entry = this.get(path.slice(0, n));
      if (entry) return this.position(entry.offset);
    }
    return { line: 1, column: 1 };
  }

  /** 1-based line and column (in code points, as editors count) of a character offset. */
  position(offset: number): Position {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = starts[low]!;
    return { line: low + 1, column: [...this.text.slice(lineStart, offset)].length + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
