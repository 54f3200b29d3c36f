// The single pass behind TomlLocations: walks TOML text once, recording where every header,
// key and array element starts. It reads only text that already parsed as TOML: on anything
// unexpected it skips to the next line rather than failing, and it never checks TOML rules.
import { formatPath, type PathSegments } from './config-issue.js';

export type EntryKind = 'table' | 'array-table' | 'key' | 'element';

export interface HeaderRef {
  /** The header as written, e.g. `[[orchestrations.roles]]`. */
  text: string;
  offset: number;
}

export interface TomlEntry {
  kind: EntryKind;
  /** Where the header's `[`, the key, or the array element starts. */
  offset: number;
  /** For keys and elements: the value's extent, so an editor can replace it in place. */
  valueStart?: number;
  valueEnd?: number;
  /** For `key = value` lines under a header: that header (keys in inline tables have none). */
  header?: HeaderRef;
}

const BARE_KEY_CHAR = /[A-Za-z0-9_-]/;

export class TomlScanner {
  private i = 0;
  readonly entries = new Map<string, TomlEntry>();
  /** How many `[[x]]` headers each resolved array path has seen; the last one is "current". */
  private readonly arrayCounts = new Map<string, number>();
  private table: (string | number)[] = [];
  private header: HeaderRef | undefined;
  firstHeader: HeaderRef | undefined;

  constructor(private readonly text: string) {}

  run(): void {
    const { text } = this;
    while (this.i < text.length) {
      this.skipBlank(true);
      if (this.i >= text.length) break;
      if (text[this.i] === '[') this.readHeader();
      else this.readKeyValue(this.table, this.header);
      this.skipRestOfLine();
    }
  }

  private record(path: PathSegments, entry: TomlEntry): TomlEntry {
    const key = formatPath(path);
    const existing = this.entries.get(key);
    if (existing) return existing;
    this.entries.set(key, entry);
    return entry;
  }

  private readHeader(): void {
    const start = this.i;
    const isArray = this.text.startsWith('[[', start);
    this.i += isArray ? 2 : 1;
    this.skipBlank(false);
    const keys = this.readKey();
    if (!keys) return;
    this.skipBlank(false);
    this.i += isArray ? 2 : 1;
    const resolved: (string | number)[] = [];
    keys.forEach((segment, index) => {
      resolved.push(segment);
      const last = index === keys.length - 1;
      const arrayKey = formatPath(resolved);
      const count = this.arrayCounts.get(arrayKey);
      if (last && isArray) {
        const next = count ?? 0;
        this.arrayCounts.set(arrayKey, next + 1);
        // The bare array path points at its first header (where an unknown `[[x]]` key starts).
        this.record(resolved, { kind: 'array-table', offset: start });
        resolved.push(next);
      } else if (count !== undefined) {
        resolved.push(count - 1);
      } else if (!last) {
        this.record(resolved, { kind: 'table', offset: start });
      }
    });
    const header: HeaderRef = { text: this.text.slice(start, this.i).trim(), offset: start };
    this.record(resolved, { kind: isArray ? 'array-table' : 'table', offset: start });
    this.table = resolved;
    this.header = header;
    this.firstHeader ??= header;
  }

  private readKeyValue(base: PathSegments, header: HeaderRef | undefined): void {
    const start = this.i;
    const keys = this.readKey();
    if (!keys) return;
    this.skipBlank(false);
    if (this.text[this.i] !== '=') return;
    this.i++;
    this.skipBlank(false);
    const path = [...base, ...keys];
    // `a.b.c = 1` also defines `a` and `a.b`: point those at the same key.
    for (let n = base.length + 1; n < path.length; n++) this.record(path.slice(0, n), { kind: 'key', offset: start });
    const entry = this.record(path, { kind: 'key', offset: start, ...(header ? { header } : {}) });
    entry.valueStart = this.i;
    this.readValue(path);
    entry.valueEnd = this.i;
  }

  /** A dotted key: bare, "basic" or 'literal' parts separated by dots. */
  private readKey(): string[] | undefined {
    const { text } = this;
    const parts: string[] = [];
    for (;;) {
      this.skipBlank(false);
      const ch = text[this.i];
      if (ch === '"' || ch === "'") {
        const from = this.i;
        this.skipString(ch);
        parts.push(decodeQuotedKey(text.slice(from, this.i)));
      } else {
        const from = this.i;
        while (this.i < text.length && BARE_KEY_CHAR.test(text[this.i]!)) this.i++;
        if (this.i === from) return undefined;
        parts.push(text.slice(from, this.i));
      }
      this.skipBlank(false);
      if (text[this.i] !== '.') return parts;
      this.i++;
    }
  }

  private readValue(path: PathSegments): void {
    const { text } = this;
    const ch = text[this.i];
    if (text.startsWith('"""', this.i)) this.skipMultiline('"""', true);
    else if (text.startsWith("'''", this.i)) this.skipMultiline("'''", false);
    else if (ch === '"' || ch === "'") this.skipString(ch);
    else if (ch === '[') this.readArray(path);
    else if (ch === '{') this.readInlineTable(path);
    else {
      // Numbers, booleans and dates: up to a delimiter; a date may contain one inner space.
      const start = this.i;
      while (this.i < text.length && !',]}#\n'.includes(text[this.i]!)) this.i++;
      while (this.i > start && /\s/.test(text[this.i - 1]!)) this.i--;
    }
  }

  private readArray(path: PathSegments): void {
    let index = 0;
    this.readDelimited(']', (start) => {
      const elementPath = [...path, index++];
      const entry = this.record(elementPath, { kind: 'element', offset: start, valueStart: start });
      this.readValue(elementPath);
      entry.valueEnd = this.i;
    });
  }

  private readInlineTable(path: PathSegments): void {
    this.readDelimited('}', () => this.readKeyValue(path, undefined));
  }

  /** Reads comma-separated items after an opening bracket up to `close`; an item that consumes
   *  nothing is stepped over, so broken input can never stall the scan. */
  private readDelimited(close: string, readItem: (start: number) => void): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length) {
      this.skipBlank(true);
      const ch = text[this.i];
      if (ch === undefined) return;
      if (ch === close) {
        this.i++;
        return;
      }
      if (ch === ',') {
        this.i++;
        continue;
      }
      const start = this.i;
      readItem(start);
      if (this.i === start) this.i++;
    }
  }

  private skipString(quote: string): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length) {
      const ch = text[this.i];
      if (ch === '\n') return;
      if (ch === '\\' && quote === '"') this.i += 2;
      else if (ch === quote) {
        this.i++;
        return;
      } else this.i++;
    }
  }

  private skipMultiline(delimiter: string, escapes: boolean): void {
    const { text } = this;
    this.i += 3;
    while (this.i < text.length) {
      if (escapes && text[this.i] === '\\') this.i += 2;
      else if (text.startsWith(delimiter, this.i)) {
        this.i += 3;
        // Up to two quotes may sit right before the closing delimiter: `""""` ends after four.
        for (let extra = 0; extra < 2 && text[this.i] === delimiter[0]; extra++) this.i++;
        return;
      } else this.i++;
    }
  }

  /** Spaces and tabs; with `newlines`, also line breaks and comments. */
  private skipBlank(newlines: boolean): void {
    const { text } = this;
    while (this.i < text.length) {
      const ch = text[this.i];
      if (ch === ' ' || ch === '\t' || ch === '\r') this.i++;
      else if (newlines && ch === '\n') this.i++;
      else if (newlines && ch === '#') this.skipRestOfLine();
      else return;
    }
  }

  /** Comments, and whatever follows a value or header (only a comment is legal there). */
  private skipRestOfLine(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end === -1 ? this.text.length : end;
  }
}

function decodeQuotedKey(raw: string): string {
  if (raw.startsWith("'")) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
