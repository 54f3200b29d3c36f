// One problem found in a config file, located well enough for a person (and an editor) to jump
// to it, and the one place that decides how such a problem is printed.

export type Severity = 'error' | 'warning';

/** A key path as zod and the TOML scanner both produce it: `['orchestrations', 0, 'name']`. */
export type PathSegments = readonly (string | number)[];

/** A problem before it is given a file, line and column. */
export interface PathIssue {
  path: PathSegments;
  message: string;
  severity: Severity;
}

export interface ConfigIssue {
  /** The file as the user should see it: relative to the working directory when possible. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Dotted key path, `orchestrations[0].roles[2].clear`; empty for whole-file problems. */
  path: string;
  message: string;
  severity: Severity;
  /** For syntax errors: the offending line and a caret under the column. */
  snippet?: string;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** `['orchestrations', 0, 'roles', 2, 'clear']` → `orchestrations[0].roles[2].clear`. */
export function formatPath(path: PathSegments): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = BARE_KEY.test(segment) ? segment : JSON.stringify(segment);
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

/**
 * `.dot-agent-deck.toml:14:1 orchestrations[0].roles[2].clear: expected a boolean, got "yes"`;
 * warnings put `warning:` before the message so the line still starts with the location.
 */
export function formatIssue(issue: ConfigIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const message = issue.severity === 'warning' ? `warning: ${issue.message}` : issue.message;
  const head = issue.path === '' ? `${where} ${message}` : `${where} ${issue.path}: ${message}`;
  return issue.snippet === undefined ? head : `${head}\n${issue.snippet}`;
}

/** Around the caret, at most this many characters of a long line are shown (a 100 KB line
 *  of brackets must not flood the terminal). */
const SNIPPET_CHARS = 80;

/** The source line and a caret under `column`; tabs are copied so the caret lines up. */
export function caretSnippet(text: string, line: number, column: number): string {
  const source = [...sourceLine(text, line).replace(/\r$/, '')];
  let from = 0;
  let to = source.length;
  if (source.length > SNIPPET_CHARS) {
    from = Math.max(0, Math.min(column - 1 - SNIPPET_CHARS / 2, source.length - SNIPPET_CHARS));
    to = from + SNIPPET_CHARS;
  }
  const shown = `${from > 0 ? '…' : ''}${source.slice(from, to).join('')}${to < source.length ? '…' : ''}`;
  const lead = `${from > 0 ? ' ' : ''}${source
    .slice(from, Math.max(from, column - 1))
    .map((ch) => (ch === '\t' ? '\t' : ' '))
    .join('')}`;
  return `  ${shown}\n  ${lead}^`;
}

/** Line `line` (1-based) without splitting the whole text. */
function sourceLine(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning in .dot-agent-deck.toml" */
export function summarizeIssues(errors: number, warnings: number, file: string): string {
  const parts = [plural(errors, 'error')];
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return `${parts.join(', ')} in ${file}`;
}

/** Stable order for output: by position, errors before warnings on the same spot. */
export function sortIssues<T extends ConfigIssue>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
