// Removes one table (`[remotes.gpu]` and its keys) from a TOML text, keeping every other line as
// written. Like toml-edit, the result is checked by parsing it: if it does not read back as the
// data without that table, the document is re-serialised instead (comments may go, keys never).
import TOML from '@iarna/toml';
import { TomlLocations } from './toml-locations.js';
import type { TomlTable } from './toml-parse.js';
import type { TomlEdit } from './toml-edit.js';

/** `data` without the entry at `path`. */
export function deleteIn(data: TomlTable, path: readonly string[]): TomlTable {
  const [head, ...rest] = path;
  if (head === undefined || !(head in data)) return data;
  const { [head]: child, ...others } = data;
  if (rest.length === 0) return others;
  const table = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as TomlTable) : {};
  return { ...others, [head]: deleteIn(table, rest) };
}

/** `original` must be valid TOML whose data is `data`; returns the text without the table at `path`. */
export function removeTomlTable(original: string, data: TomlTable, path: readonly string[]): TomlEdit {
  const intended = deleteIn(data, path);
  const entry = TomlLocations.scan(original).get(path);
  if (entry?.kind === 'table') {
    const start = original.lastIndexOf('\n', entry.offset - 1) + 1;
    const rest = original.slice(start);
    // The table's body runs to the next header line (or the end).
    const next = /\n[ \t]*\[/.exec(rest.slice(1));
    const end = next ? start + 1 + next.index + 1 : original.length;
    const edited = original.slice(0, start) + original.slice(end);
    try {
      if (canonical(TOML.parse(edited)) === canonical(intended)) {
        return { text: edited, preservedLayout: true };
      }
    } catch {
      // Fall through to a full rewrite.
    }
  }
  return { text: TOML.stringify(intended as TOML.JsonMap), preservedLayout: false };
}

/** JSON with keys sorted, so two tables compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
