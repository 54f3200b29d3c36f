// Turns zod's issues into sentences about a TOML file: "expected a boolean, got "yes"",
// "unknown key `claer`: did you mean `clear`?", and the top-level-key-under-a-header trap.
import { z } from 'zod';
import { suggest } from '../common/suggest.js';
import type { PathIssue, PathSegments } from './config-issue.js';
import { keysAt, schemaAt } from './schema-walk.js';
import type { TomlLocations } from './toml-locations.js';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'a table',
  record: 'a table',
};

/** A value as it would be written in TOML, short enough for one line. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (value === undefined || value === null) return 'nothing';
  return 'a table';
}

export function valueAt(root: unknown, path: PathSegments): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

interface Context {
  input: unknown;
  schema: z.ZodType;
  locations: () => TomlLocations;
}

export function zodIssuesToPathIssues(issues: readonly Issue[], context: Context, base: PathSegments = []): PathIssue[] {
  return issues.flatMap((issue) => convert(issue, context, [...base, ...(issue.path as (string | number)[])]));
}

function convert(issue: Issue, context: Context, path: PathSegments): PathIssue[] {
  const value = valueAt(context.input, path);
  const error = (message: string): PathIssue[] => [{ path, message, severity: 'error' }];
  switch (issue.code) {
    case 'invalid_type':
      return error(invalidType(issue.expected, value, path, context));
    case 'too_small':
    case 'too_big':
      return error(sizeMessage(issue, value));
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === 'string' ? suggest(value, issue.values.map(String)) : undefined;
      return error(`expected one of ${options.join(', ')}, got ${describeValue(value)}${hint ? `: did you mean ${JSON.stringify(hint)}?` : ''}`);
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKey(key, path, context), severity: 'error' as const }));
    case 'invalid_union':
      return unionIssues(issue, context, path, value);
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return error(issue.message);
    default:
      // A code newer than the installed zod's types still reads as zod's own sentence.
      return error((issue as Issue).message);
  }
}

function invalidType(expected: string, value: unknown, path: PathSegments, context: Context): string {
  const key = path[path.length - 1];
  if (value === undefined && typeof key === 'string') {
    const parent = context.locations().get(path.slice(0, -1));
    const where = parent && parent.kind !== 'key' && parent.kind !== 'element' ? ' in this table' : '';
    return `required key \`${key}\` is missing${where}`;
  }
  // @iarna/toml returns integers beyond 2^53 as bigint: the problem is the size, not the type.
  if (typeof value === 'bigint') return `${value} is too large`;
  // zod says "number" for z.int() when the value is not a number at all.
  const target = expected === 'number' ? schemaAt(context.schema, path) : undefined;
  const isInt = target instanceof z.ZodNumber && (target.format ?? '').includes('int');
  const wanted = isInt ? EXPECTED.int! : (EXPECTED[expected] ?? expected);
  let advice = '';
  // `[modes]` for `[[modes]]` and the reverse are the classic TOML table mix-ups.
  if (typeof key === 'string' && expected === 'array' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    advice = ` (write [[${key}]] with double brackets to start each entry of a list)`;
  } else if (typeof key === 'string' && expected === 'object' && Array.isArray(value)) {
    advice = ` (write [${key}] with single brackets: it is one table, not a list)`;
  }
  return `expected ${wanted}, got ${describeValue(value)}${advice}`;
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): string {
  // Schemas give domain-specific wording where it matters; zod's default wording is replaced here.
  const small = issue.code === 'too_small';
  const custom = !issue.message.startsWith('Too small') && !issue.message.startsWith('Too big');
  if (custom) return `${describeValue(value)} is too ${small ? 'small' : 'large'}: ${issue.message}`;
  const got = `, got ${describeValue(value)}`;
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  if (issue.origin === 'string')
    return small && Number(bound) <= 1 ? 'must not be empty' : `must be ${small ? 'at least' : 'at most'} ${bound} characters long`;
  if (issue.origin === 'array') return `must have ${small ? 'at least' : 'at most'} ${bound} entries${got}`;
  return `must be ${small ? 'at least' : 'at most'} ${bound}${got}`;
}

function unknownKey(key: string, tablePath: PathSegments, context: Context): string {
  const valid = keysAt(context.schema, tablePath);
  if (tablePath.length > 0 && !valid.includes(key) && keysAt(context.schema, []).includes(key)) {
    const locations = context.locations();
    const first = locations.firstHeader;
    const header = locations.get([...tablePath, key])?.header;
    const firstAt = first ? ` (${first.text} on line ${locations.position(first.offset).line})` : '';
    const trap = header ? `; written here, TOML reads it as a key of the ${header.text} table above it` : '';
    return `\`${key}\` is a top-level setting: move it above the first table header${firstAt}${trap}`;
  }
  const hint = suggest(key, valid);
  if (hint) return `unknown key \`${key}\`: did you mean \`${hint}\`?`;
  return valid.length > 0 ? `unknown key \`${key}\` (valid keys here: ${valid.join(', ')})` : `unknown key \`${key}\``;
}

/**
 * A union (e.g. "a key or a list of keys") failed. Report the branch whose shape matched the
 * value, so `"ctrl+x+"` gets the key-syntax error rather than "expected an array".
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, context: Context, path: PathSegments, value: unknown): PathIssue[] {
  for (const branch of issue.errors) {
    const shapeMismatch = branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
    if (!shapeMismatch) return zodIssuesToPathIssues(branch, context, path);
  }
  const wanted = issue.errors
    .flatMap((branch) => branch.map((inner) => (inner.code === 'invalid_type' ? (EXPECTED[inner.expected] ?? inner.expected) : undefined)))
    .filter((text): text is string => text !== undefined);
  return [{ path, message: `expected ${[...new Set(wanted)].join(' or ')}, got ${describeValue(value)}`, severity: 'error' }];
}
