// Sets one value in a TOML text while keeping everything else (comments, order, spacing) as the
// user wrote it. The edit is checked by parsing the result; if it does not read back as exactly
// the intended data, the whole document is re-serialised instead: comments may go, keys never.
import TOML from '@iarna/toml';
import { TomlLocations } from './toml-locations.js';
import type { TomlTable } from './toml-parse.js';

export type TomlScalar = string | number | boolean;

export interface TomlEdit {
  text: string;
  /** False when the edit could not be made in place and the document was re-serialised. */
  preservedLayout: boolean;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function keyText(key: string): string {
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}

function literal(value: TomlScalar): string {
  // JSON string escapes are a subset of TOML basic-string escapes.
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A copy of `data` with `path` set to `value`, creating tables on the way. */
export function setIn(data: TomlTable, path: readonly string[], value: TomlScalar): TomlTable {
  const [head, ...rest] = path;
  if (head === undefined) return data;
  if (rest.length === 0) return { ...data, [head]: value };
  const child = data[head];
  const table = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as TomlTable) : {};
  return { ...data, [head]: setIn(table, rest, value) };
}

function inPlace(text: string, data: TomlTable, path: readonly string[], value: TomlScalar): string {
  const locations = TomlLocations.scan(text);
  const existing = locations.get(path);
  if (existing?.kind === 'key' && existing.valueStart !== undefined && existing.valueEnd !== undefined) {
    return text.slice(0, existing.valueStart) + literal(value) + text.slice(existing.valueEnd);
  }
  const key = path[path.length - 1]!;
  const line = `${keyText(key)} = ${literal(value)}\n`;
  const parentPath = path.slice(0, -1);
  if (parentPath.length === 0) {
    // Top-level keys must precede the first header: put the new one after the last of them.
    const first = locations.firstHeader;
    const lastRootKey = Math.max(
      -1,
      ...Object.keys(data).map((name) => {
        const entry = locations.get([name]);
        return entry?.kind === 'key' && (!first || entry.offset < first.offset) ? (entry.valueEnd ?? -1) : -1;
      }),
    );
    if (lastRootKey >= 0) {
      const after = lineEnd(text, lastRootKey);
      return withNewline(text.slice(0, after)) + line + text.slice(after);
    }
    if (!first) return withNewline(text) + line;
    return `${text.slice(0, first.offset)}${line}\n${text.slice(first.offset)}`;
  }
  const parent = locations.get(parentPath);
  if (parent?.kind === 'table') {
    const after = lineEnd(text, parent.offset);
    return text.slice(0, after) + line + text.slice(after);
  }
  const header = `[${parentPath.map(keyText).join('.')}]`;
  const body = withNewline(text);
  return `${body}${body === '' ? '' : '\n'}${header}\n${line}`;
}

/**
 * `original` must be valid TOML whose data is `data`; returns the text with `path` set to
 * `value`. Arrays of tables are not addressed: config settings are scalars in plain tables.
 */
export function setTomlValue(original: string, data: TomlTable, path: readonly string[], value: TomlScalar): TomlEdit {
  const intended = setIn(data, path, value);
  try {
    const edited = inPlace(original, data, path, value);
    if (sameData(TOML.parse(edited), intended)) return { text: edited, preservedLayout: true };
  } catch {
    // Fall through to a full rewrite: the in-place edit produced something unexpected.
  }
  return { text: TOML.stringify(intended as TOML.JsonMap), preservedLayout: false };
}

function sameData(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameData((a as TomlTable)[k], (b as TomlTable)[k]));
  }
  return a === b;
}
