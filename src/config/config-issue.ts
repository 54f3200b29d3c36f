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

/** The source line and a caret under `column`; tabs are copied so the caret lines up. */
export function caretSnippet(text: string, line: number, column: number): string {
  const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  const lead = [...source].slice(0, Math.max(0, column - 1)).map((ch) => (ch === '\t' ? '\t' : ' ')).join('');
  return `  ${source}\n  ${lead}^`;
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
  return [...issues].sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
