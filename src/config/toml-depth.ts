// How deep TOML text nests, checked before the text reaches the TOML library: a 100 KB file of
// `a = [[[[…]]]]` (or nested inline tables, or a key of thousands of dotted parts) would otherwise
// overflow the stack of the parser, the schema check and everything that walks the value, in the
// daemon as in `validate`. One linear pass with an explicit stack, so it cannot overflow itself;
// it only counts nesting and leaves every other TOML rule to the parser.

/** Far beyond any config (the deck's own schema nests 5 deep), far below a stack overflow. */
export const MAX_TOML_DEPTH = 64;

export interface DepthProblem {
  /** 1-based, at the bracket, brace or key that goes one level too deep. */
  line: number;
  column: number;
  message: string;
}

type Container = { close: ']' | '}'; level: number; expectKey: boolean };

export function checkTomlDepth(text: string, max = MAX_TOML_DEPTH): DepthProblem | null {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  /** Key parts of the current `[table]` header: keys below it start that deep. */
  let headerLevel = 0;
  const at = (offset: number, message: string): DepthProblem => ({ line, column: offset - lineStart + 1, message });

  const newline = () => {
    line++;
    lineStart = i + 1;
  };
  const skipSpaces = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
  };
  const skipToLineEnd = () => {
    while (i < text.length && text[i] !== '\n') i++;
  };
  /** A quoted string starting at i (basic, literal, or their multi-line forms), newlines counted. */
  const skipString = () => {
    const quote = text[i]!;
    const multi = text.startsWith(quote.repeat(3), i);
    i += multi ? 3 : 1;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\\' && quote === '"') {
        i++; // the escaped character is skipped below, a line break counted
        if (text[i] === '\n') newline();
        i++;
        continue;
      }
      if (ch === '\n') {
        if (!multi) return; // unterminated: the parser will say so
        newline();
      } else if (multi ? text.startsWith(quote.repeat(3), i) : ch === quote) {
        i += multi ? 3 : 1;
        while (multi && text[i] === quote) i++;
        return;
      }
      i++;
    }
  };
  /** A dotted key starting at i; returns how many parts it has, leaves i after it. */
  const readKey = (stopAt: string): number => {
    let parts = 1;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"' || ch === "'") skipString();
      else if (ch === '.') {
        parts++;
        i++;
      } else if (ch === '\n' || stopAt.includes(ch)) return parts;
      else i++;
    }
    return parts;
  };
  const tooDeep = (kind: string) => `${kind} nested deeper than ${max} levels; a config file never needs that many, so the file was not read`;

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      newline();
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      skipToLineEnd();
      continue;
    }
    if (ch === '[') {
      // A [table] or [[array-of-tables]] header: its parts set how deep its keys start.
      const start = i;
      const array = text.startsWith('[[', i);
      i += array ? 2 : 1;
      const parts = readKey(']');
      if (parts > max) return at(start, `a table header of more than ${max} dotted parts; a config file never needs that many, so the file was not read`);
      headerLevel = parts + (array ? 1 : 0);
      skipToLineEnd();
      continue;
    }
    // key = value
    const keyStart = i;
    const parts = readKey('=');
    if (headerLevel + parts > max)
      return at(keyStart, `a key nested deeper than ${max} levels (with its table header); a config file never needs that many, so the file was not read`);
    if (text[i] !== '=') {
      skipToLineEnd();
      continue;
    }
    i++;
    const problem = scanValue(headerLevel + parts);
    if (problem) return problem;
    skipToLineEnd();
  }
  return null;

  /** The value of a key at `level`, up to where its last bracket closes (or the line ends). */
  function scanValue(start: number): DepthProblem | null {
    const stack: Container[] = [];
    /** The level the next value sits at: an array's elements one below it, a key's value as
     *  many below its inline table as the key has parts. */
    let level = start;
    skipSpaces();
    while (i < text.length) {
      const ch = text[i]!;
      const top = stack[stack.length - 1];
      if (top?.close === '}' && top.expectKey && !' \t\r\n,}'.includes(ch)) {
        const keyStart = i;
        const parts = readKey('=}');
        if (top.level + parts > max)
          return at(
            keyStart,
            parts === 1
              ? tooDeep('inline tables')
              : `a key nested deeper than ${max} levels (inside inline tables); a config file never needs that many, so the file was not read`,
          );
        top.expectKey = false;
        if (text[i] === '=') i++;
        level = top.level + parts;
        continue;
      }
      if (ch === '"' || ch === "'") {
        skipString();
        if (stack.length === 0) return null;
        continue;
      }
      if (ch === '[' || ch === '{') {
        if (level > max) return at(i, tooDeep(ch === '[' ? 'arrays' : 'inline tables'));
        stack.push({ close: ch === '[' ? ']' : '}', level, expectKey: ch === '{' });
        if (ch === '[') level++;
        i++;
        continue;
      }
      if (ch === ']' || ch === '}') {
        stack.pop();
        i++;
        const parent = stack[stack.length - 1];
        if (!parent) return null;
        if (parent.close === ']') level = parent.level + 1;
        continue;
      }
      if (ch === ',') {
        if (top?.close === '}') top.expectKey = true;
        i++;
        continue;
      }
      if (ch === '#') {
        skipToLineEnd();
        continue;
      }
      if (ch === '\n') {
        // A value ends with its line unless a bracket is still open (arrays may span lines).
        if (stack.length === 0) return null;
        newline();
      }
      i++;
    }
    return null;
  }
}
